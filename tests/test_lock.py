"""One writer at a time (issue 16): the store's lock, a waiting writer, a stale lock, and ten
pairs of `lokgraph import` started together into one store that keep both imports' data."""

from __future__ import annotations

import doctest
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import lokgraph.lock
from lokgraph.errors import InputError, StoreError
from lokgraph.graph import build_graph
from lokgraph.lock import lock_holder, lock_path, store_lock
from lokgraph.models import Principal, Structure
from lokgraph.store import FileStore

LOKGRAPH = Path(sys.executable).with_name("lokgraph")


def _run(*args: str, env: dict | None = None, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [str(LOKGRAPH), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def _kommun(name: str) -> Structure:
    return Structure(nodes=(Principal(id=f"kommun:{name.lower()}", name=name, kind="kommun"),))


def test_documented_examples_run():
    assert doctest.testmod(lokgraph.lock).failed == 0


def test_the_lock_file_names_its_holder_while_held_and_goes_after(tmp_path):
    store = tmp_path / "lagret.json"
    with store_lock(store) as lock:
        assert lock == tmp_path / "lagret.json.lock"
        record = json.loads(lock.read_text(encoding="utf-8"))
        assert record["pid"] == os.getpid()
        assert lock_holder(store).pid == os.getpid()
    assert not lock.exists()
    assert lock_holder(store) is None


def test_the_lock_is_reentrant_so_a_holder_can_save(tmp_path):
    store = FileStore(tmp_path / "lagret.json")
    with store_lock(store.path):
        with store_lock(store.path):
            store.save(build_graph(_kommun("Orsa")))
        assert lock_path(store.path).exists()
    assert "kommun:orsa" in store.load()
    assert not lock_path(store.path).exists()


def _hold_lock(store) -> subprocess.Popen:
    """Another process that takes the store's lock, prints 'held' and keeps it for a minute."""
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from lokgraph.lock import store_lock\n"
            "with store_lock(sys.argv[1]):\n"
            "    print('held', flush=True); time.sleep(60)\n",
            str(store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_second_writer_times_out_with_a_message_naming_the_holder(tmp_path):
    store = tmp_path / "lagret.json"
    holder = _hold_lock(store)
    try:
        assert holder.stdout.readline().strip() == "held"
        waited: list = []
        start = time.monotonic()
        on_wait = lambda *a: waited.append(a)  # noqa: E731
        with pytest.raises(StoreError) as caught, store_lock(store, timeout=0.5, on_wait=on_wait):
            pass
        assert time.monotonic() - start >= 0.5
        message = str(caught.value)
        assert f"process {holder.pid}" in message
        assert "låst" in message and "LOKGRAPH_LOCK_TIMEOUT" in message
        assert "\n" not in message
        assert len(waited) == 1 and waited[0][1].pid == holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_a_lock_left_by_a_killed_writer_is_taken_over(tmp_path):
    store = tmp_path / "lagret.json"
    holder = _hold_lock(store)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock = lock_path(store)
    assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == holder.pid  # left behind
    assert lock_holder(store) is None
    with store_lock(store, timeout=0):
        assert json.loads(lock.read_text(encoding="utf-8"))["pid"] == os.getpid()


def test_a_lock_file_with_a_dead_pid_and_garbage_is_taken_over(tmp_path):
    store = tmp_path / "lagret.json"
    lock_path(store).write_text('{"pid": 999999999, "command": "lokgraph import"}\n')
    with store_lock(store, timeout=0):
        pass
    lock_path(store).write_bytes(b"\xff\x00 not json")
    with store_lock(store, timeout=0):
        assert lock_holder(store).pid == os.getpid()


def test_a_waiting_import_says_so_and_goes_on_when_the_lock_is_free(tmp_path):
    text = tmp_path / "orsa.txt"
    text.write_text("BUP deltar inte i styrgruppen.\n", encoding="utf-8")
    store = tmp_path / "lagret.json"
    with store_lock(store):
        proc = _run("import", str(text), "--kommun", "Orsa", "--store", str(store))
        line = proc.stderr.readline()
        assert f"{store} skrivs just nu av process {os.getpid()}" in line
        assert "väntar" in line
        assert proc.poll() is None
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "source:orsa-txt" in FileStore(store).load()


def test_a_bad_timeout_setting_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("LOKGRAPH_LOCK_TIMEOUT", "länge")
    expected = "LOKGRAPH_LOCK_TIMEOUT='länge' är inget antal sekunder"
    with pytest.raises(InputError, match=expected), store_lock(tmp_path / "lagret.json"):
        pass


def test_threads_merging_into_one_store_keep_every_record(tmp_path):
    store = FileStore(tmp_path / "lagret.json")
    names = [f"Kommun{i}" for i in range(8)]
    threads = [threading.Thread(target=store.merge, args=(_kommun(n),)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    graph = store.load()
    assert {f"kommun:{n.lower()}" for n in names} <= set(graph)


def test_ten_pairs_of_imports_started_together_keep_both_imports(tmp_path):
    """Each pair imports two files into one new store at the same moment; both must survive."""
    orsa = tmp_path / "orsa.txt"
    orsa.write_text("Orsa har en styrgrupp. BUP deltar inte i styrgruppen.\n", encoding="utf-8")
    mora = tmp_path / "mora.txt"
    mora.write_text("Mora har en arbetsgrupp där HAB saknas.\n", encoding="utf-8")
    kept = 0
    for run in range(10):
        store = tmp_path / f"lagret-{run}.json"
        pair = [
            _run("import", str(orsa), "--kommun", "Orsa", "--store", str(store)),
            _run("import", str(mora), "--kommun", "Mora", "--store", str(store)),
        ]
        for proc in pair:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
            assert "Traceback" not in err
        graph = FileStore(store).load()
        both = {"source:orsa-txt", "source:mora-txt", "group:orsa:styrgrupp"} <= set(graph)
        kept += both and "group:mora:arbetsgrupp" in graph
        assert not lock_path(store).exists()
    assert kept == 10
