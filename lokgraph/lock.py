"""One writer at a time: the write lock of a file store.

Every write to a store (an import, a save, a pull) holds the store's lock from the moment it
reads the store until the new file has been renamed into place, so two imports started
together both keep their data. The lock is a file beside the store, ``<store>.lock``, that
names its holder (process id, host, command, since when) and carries an OS lock (``flock``)
that the kernel releases when the holder dies, however it dies. A lock file left by a process
that no longer runs is therefore stale, and the next writer takes it over.

A second writer waits, says once whom it is waiting for, and after a timeout (60 seconds, or
``$LOKGRAPH_LOCK_TIMEOUT``) fails with a `StoreError` that names the holder. Within one
process the lock is reentrant, so a function holding it may call `FileStore.save`.

>>> import pathlib, tempfile
>>> store = pathlib.Path(tempfile.mkdtemp()) / "lagret.json"
>>> with store_lock(store) as lock:
...     lock.name, lock_holder(store).pid == os.getpid()
('lagret.json.lock', True)
>>> lock_path(store).exists(), lock_holder(store)
(False, None)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .env_seconds import seconds_from_env
from .errors import StoreError

__all__ = [
    "DEFAULT_TIMEOUT",
    "LockHolder",
    "lock_holder",
    "lock_path",
    "remove_stale_temp_files",
    "store_lock",
]

#: Seconds a writer waits for another writer before it gives up.
DEFAULT_TIMEOUT = 60.0
_TIMEOUT_ENV = "LOKGRAPH_LOCK_TIMEOUT"
_POLL = 0.05


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or last held) a store's lock, as its lock file says."""

    pid: int | None = None
    host: str | None = None
    command: str | None = None
    since: str | None = None

    def describe(self) -> str:
        """The holder in Swedish, for messages.

        >>> LockHolder(pid=42, command="lokgraph import a.txt", since="09:41:02").describe()
        'process 42 (lokgraph import a.txt, sedan 09:41:02)'
        """
        who = f"process {self.pid}" if self.pid is not None else "en okänd process"
        if self.host and self.host != socket.gethostname():
            who += f" på {self.host}"
        details = [d for d in (self.command, f"sedan {self.since}" if self.since else None) if d]
        return who + (f" ({', '.join(details)})" if details else "")


Waiting = Callable[[Path, LockHolder, float], None]


def lock_path(store: Path | str) -> Path:
    """The lock file of a store: beside it, with ``.lock`` added.

    >>> lock_path("data/lokgraph-store.json").as_posix()
    'data/lokgraph-store.json.lock'
    """
    store = Path(store)
    return store.with_name(store.name + ".lock")


def lock_holder(store: Path | str) -> LockHolder | None:
    """Who holds the store's lock now, or None when nobody does (a stale file counts as none)."""
    path = lock_path(store)
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_holder(path)
    finally:
        os.close(fd)


def _tell_stderr(store: Path, holder: LockHolder, timeout: float) -> None:
    sys.stderr.write(
        f"lokgraph: {store} skrivs just nu av {holder.describe()}; "
        f"väntar tills den är klar (högst {timeout:g} s) …\n"
    )
    sys.stderr.flush()


@contextmanager
def store_lock(
    store: Path | str,
    *,
    timeout: float | None = None,
    on_wait: Waiting | None = _tell_stderr,
) -> Iterator[Path]:
    """Hold the write lock of a store for the length of a ``with`` block; yields the lock file.

    Waits for another writer up to ``timeout`` seconds (default: ``$LOKGRAPH_LOCK_TIMEOUT`` or
    60), calling ``on_wait(store, holder, timeout)`` once when it starts to wait (the default
    writes one line to stderr). Raises `StoreError` naming the holder when the time is up.
    Temporary files that an earlier, interrupted write left beside the store are removed once
    the lock is held. Reentrant within a process.
    """
    store = Path(store)
    limit = _timeout() if timeout is None else timeout
    key = str(store.resolve())
    with _guard:
        local = _local_locks.setdefault(key, _LocalLock())
    if not local.rlock.acquire(timeout=max(limit, 0.001)):
        raise _busy(store, LockHolder(pid=os.getpid(), command="en annan tråd"), limit)
    try:
        if local.depth == 0:
            local.fd = _acquire(store, limit, on_wait)
        local.depth += 1
        try:
            yield lock_path(store)
        finally:
            local.depth -= 1
            if local.depth == 0 and local.fd is not None:
                _release(store, local.fd)
                local.fd = None
    finally:
        local.rlock.release()


def remove_stale_temp_files(store: Path | str) -> list[Path]:
    """Remove the temporary files an interrupted save left beside a store, when no writer runs.

    Returns the files removed; does nothing while another process holds the lock (its
    temporary file is then in use) or when the folder cannot be written.
    """
    store = Path(store)
    stale = _temp_files(store)
    if not stale:
        return []
    try:
        with store_lock(store, timeout=0, on_wait=None):
            return _remove(_temp_files(store))
    except (StoreError, OSError):
        return []


class _LocalLock:
    """The lock's state inside this process: a thread lock and how deep it is held."""

    def __init__(self) -> None:
        self.rlock = threading.RLock()
        self.depth = 0
        self.fd: int | None = None


_guard = threading.Lock()
_local_locks: dict[str, _LocalLock] = {}


def _timeout() -> float:
    return seconds_from_env(_TIMEOUT_ENV, DEFAULT_TIMEOUT, positive=False, example=60)


def _acquire(store: Path, timeout: float, on_wait: Waiting | None) -> int:
    path = lock_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + timeout
    told = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as err:
            raise StoreError(
                f"kan inte skapa låsfilen {path.name} ({err.strerror})",
                where=str(store),
                fix="Kontrollera att mappen finns och att du får skriva i den",
            ) from err
        if _try_lock(fd):
            if _is_current(fd, path):
                _claim(fd)
                remove = _temp_files(store)
                _remove(remove)
                return fd
            _unlock(fd)  # the holder removed the file as we got it: try the new one
        os.close(fd)
        holder = _read_holder(path)
        if time.monotonic() >= deadline:
            raise _busy(store, holder, timeout)
        if not told and on_wait is not None:
            on_wait(store, holder, timeout)
            told = True
        time.sleep(_POLL)


def _release(store: Path, fd: int) -> None:
    try:
        lock_path(store).unlink(missing_ok=True)
    except OSError:
        pass  # Windows cannot remove a file that is open; the next writer takes it over
    finally:
        _unlock(fd)
        os.close(fd)


def _busy(store: Path, holder: LockHolder, timeout: float) -> StoreError:
    return StoreError(
        f"lagret är låst av {holder.describe()}, som skriver till det; gav upp efter {timeout:g} s",
        where=str(store),
        fix=(
            "Vänta tills den är klar och försök igen, eller vänta längre med "
            f"{_TIMEOUT_ENV}=300. Kör den processen inte längre tas låset över automatiskt"
        ),
    )


def _is_current(fd: int, path: Path) -> bool:
    """Whether the locked file is still the one at the path (not removed by its last holder)."""
    try:
        return os.fstat(fd).st_ino == os.stat(path).st_ino
    except FileNotFoundError:
        return False


def _claim(fd: int) -> None:
    """Write this process into the lock file (replacing a stale holder's record)."""
    record = {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:3]])[:120],
        "since": dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
    }
    data = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data)


def _read_holder(path: Path) -> LockHolder:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return LockHolder()
    if not isinstance(record, dict):
        return LockHolder()
    pid = record.get("pid")
    return LockHolder(
        pid=pid if isinstance(pid, int) else None,
        host=_text(record.get("host")),
        command=_text(record.get("command")),
        since=_text(record.get("since")),
    )


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _temp_files(store: Path) -> list[Path]:
    """The temporary files `write_atomic` makes for this store: ``<name>.<random>.tmp``."""
    pattern = re.compile(re.escape(store.name) + r"\.[A-Za-z0-9_]{8}\.tmp")
    try:
        return sorted(p for p in store.parent.iterdir() if pattern.fullmatch(p.name))
    except OSError:
        return []


def _remove(paths: list[Path]) -> list[Path]:
    removed = []
    for path in paths:
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed


if sys.platform == "win32":  # pragma: no cover - the tests run on Linux
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as err:
            if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise StoreError(
                f"låsfilen kan inte låsas här ({err.strerror})",
                fix="Lägg lagret på en lokal disk, inte en nätverksmapp som saknar fillås",
            ) from err

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
