"""A TCP proxy in front of the real Neo4j that can stop answering: fault injection for tests.

It forwards every byte both ways, faithfully, until told to stall; from then on the server's
bytes are held back (the client's still reach the server), so the client sees a server that
accepted the connection and the query and then went silent, the way a hung server or a
half-dead network link looks. Nothing of Bolt is imitated: the real server does all the
talking, the proxy only stops passing it on.

    with BoltProxy("127.0.0.1", 7687) as proxy:
        proxy.stall_on(b"MERGE (n:", occurrence=3)   # the third write batch goes unanswered
        ... run lokgraph against proxy.uri ...
        proxy.stalled_at                           # time.monotonic() when it stalled, or None

`stall()` stalls at once; `stall_on(pattern)` stalls as soon as the client has sent `pattern`
(in plain Bolt the Cypher text of a query travels as UTF-8) for the `occurrence`-th time.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

__all__ = ["BoltProxy"]

_CHUNK = 65536


class BoltProxy:
    """Forward 127.0.0.1:<free port> to `host:port` until told to stall."""

    def __init__(self, host: str, port: int) -> None:
        self.target = (host, port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._stalled = threading.Event()
        self._closed = threading.Event()
        self._pattern: bytes | None = None
        self._occurrence = 1
        self._seen = 0
        self._tail = b""
        self._sockets: list[socket.socket] = []
        self.stalled_at: float | None = None
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    def stall(self) -> None:
        """From now on hold back every byte the server sends."""
        with self._lock:
            if self.stalled_at is None:
                self.stalled_at = time.monotonic()
            self._stalled.set()

    def stall_on(self, pattern: bytes, occurrence: int = 1) -> None:
        """Stall once the client has sent `pattern` for the `occurrence`-th time."""
        with self._lock:
            self._pattern, self._occurrence, self._seen, self._tail = pattern, occurrence, 0, b""

    def close(self) -> None:
        self._closed.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            _kill(sock)

    def __enter__(self) -> BoltProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- private -----------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=10)
            except OSError:
                _kill(client)
                continue
            server.settimeout(None)
            with self._lock:
                self.connections += 1
                self._sockets += [client, server]
            threading.Thread(target=self._upstream, args=(client, server), daemon=True).start()
            threading.Thread(target=self._downstream, args=(server, client), daemon=True).start()

    def _upstream(self, client: socket.socket, server: socket.socket) -> None:
        """Client to server: always forwarded; watches for the pattern to stall on."""
        try:
            while data := client.recv(_CHUNK):
                self._watch(data)
                server.sendall(data)
        except OSError:
            pass
        _kill(server)
        _kill(client)

    def _downstream(self, server: socket.socket, client: socket.socket) -> None:
        """Server to client: forwarded until stalled, then held back."""
        try:
            while data := server.recv(_CHUNK):
                if self._stalled.is_set():
                    break
                client.sendall(data)
        except OSError:
            return
        # stalled (or the server hung up): send nothing more, leave the client waiting
        # until it gives up and closes; _upstream then closes both ends
        self._closed.wait()

    def _watch(self, data: bytes) -> None:
        with self._lock:
            if self._pattern is None or self._stalled.is_set():
                return
            window = self._tail + data
            # count occurrences that end in the new data (not ones already counted in the tail)
            start = 0
            while (found := window.find(self._pattern, start)) != -1:
                if found + len(self._pattern) > len(self._tail):
                    self._seen += 1
                start = found + 1
            self._tail = window[-(len(self._pattern) - 1) :] if len(self._pattern) > 1 else b""
            if self._seen >= self._occurrence:
                self.stalled_at = time.monotonic()
                self._stalled.set()


def _kill(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    with contextlib.suppress(OSError):
        sock.close()
