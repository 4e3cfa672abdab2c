"""Start a throwaway Neo4j 5.26 server for the tests: the real database, in a Java process.

`tests/neo4j/pom.xml` pins `org.neo4j.test:neo4j-harness` (the same Neo4j as the image in
docker-compose.yml); Maven copies its jars into `tests/neo4j/target/dependency` (cached under
`~/.m2`). `tests/neo4j/Launcher.java` runs as a single-file source program (`java -cp …
Launcher.java`, no build step): it starts Neo4j with Bolt on a free loopback port,
authentication on and the password this module passes in its environment, and prints the
Bolt URI when ready. Closing its stdin stops it; so does SIGTERM to its PID.

:func:`neo4j_server` does all of that and stops the server afterwards. When Java, Maven or
the jars cannot be had, it raises :class:`Neo4jUnavailable` with one line saying what to
install. Used by the session fixture in `tests/fixtures_bolt.py` and by the benchmarks.

Example::

    with neo4j_server() as server:
        driver = neo4j.GraphDatabase.driver(server.uri, auth=server.auth)
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "NEO4J_DIR",
    "Neo4jServer",
    "Neo4jUnavailable",
    "ensure_jars",
    "find_java",
    "neo4j_server",
    "neo4j_version",
]

NEO4J_DIR = Path(__file__).resolve().parent / "neo4j"
POM = NEO4J_DIR / "pom.xml"
LAUNCHER = NEO4J_DIR / "Launcher.java"
JARS = NEO4J_DIR / "target" / "dependency"
START_TIMEOUT = 120.0  # seconds; a start takes about 15 s on 2 cores
STOP_TIMEOUT = 30.0
MVN_TIMEOUT = 900.0
_INSTALL = "install Java 17 or newer and Maven 3 (Debian: apt-get install openjdk-17-jdk maven)"


class Neo4jUnavailable(RuntimeError):
    """Java, Maven or the Neo4j jars are missing, or the server would not start."""


@dataclass
class Neo4jServer:
    """A running test server: where to reach it and how to stop it."""

    uri: str
    password: str = field(repr=False)
    pid: int
    workdir: Path
    log_path: Path
    user: str = "neo4j"
    _process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)

    def log_tail(self, lines: int = 20) -> str:
        """The last lines of the server's output, for error messages."""
        return _tail(self.log_path, lines)


def neo4j_version() -> str:
    """The Neo4j version the pom pins.

    >>> neo4j_version().startswith("5.26.")
    True
    """
    match = re.search(r"<neo4j\.version>([^<]+)</neo4j\.version>", POM.read_text("utf-8"))
    if not match:
        raise Neo4jUnavailable(f"{POM} does not say <neo4j.version>")
    return match.group(1).strip()


def find_java() -> str:
    """The `java` to run: $JAVA_HOME/bin/java, else the one on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    java = shutil.which("java")
    if not java:
        raise Neo4jUnavailable(f"no Neo4j test server: java is not installed; {_INSTALL}")
    return java


def ensure_jars() -> Path:
    """The folder of the pinned Neo4j's jars, fetched with Maven when missing or stale."""
    version = neo4j_version()
    if (JARS / f"neo4j-harness-{version}.jar").is_file():
        return JARS
    mvn = shutil.which("mvn")
    if not mvn:
        raise Neo4jUnavailable(
            f"no Neo4j test server: the Neo4j {version} jars are not in {JARS} and Maven is "
            f"not installed; {_INSTALL}"
        )
    shutil.rmtree(JARS, ignore_errors=True)  # another version's jars must not mix in
    cmd = [mvn, "-q", "-B", "-f", str(POM), "dependency:copy-dependencies"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=MVN_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise Neo4jUnavailable(
            f"no Neo4j test server: Maven did not fetch the jars in {MVN_TIMEOUT:.0f} s"
        ) from None
    if done.returncode or not (JARS / f"neo4j-harness-{version}.jar").is_file():
        last = " ".join((done.stdout + done.stderr).split())[-300:]
        raise Neo4jUnavailable(
            f"no Neo4j test server: `{' '.join(cmd)}` failed ({last}); Maven needs to reach "
            "Maven Central once"
        )
    return JARS


@contextlib.contextmanager
def neo4j_server(workdir: Path | None = None) -> Iterator[Neo4jServer]:
    """A Neo4j server for the duration of the block, stopped (and its files removed) after."""
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="neo4j-")))
        server = start(workdir)
        try:
            yield server
        finally:
            stop(server)


def start(workdir: Path) -> Neo4jServer:
    """Start the launcher and wait for its Bolt URI (see the module docstring)."""
    java = find_java()
    jars = ensure_jars()
    password = secrets.token_urlsafe(18)
    workdir.mkdir(parents=True, exist_ok=True)
    log_path = workdir / "server.log"
    env = {**os.environ, "LOKGRAPH_NEO4J_PASSWORD": password}
    cmd = [
        java,
        "-Xms256m",
        "-Xmx1g",
        "-XX:+UseSerialGC",  # one GC thread: the machines are small and shared
        "-cp",
        f"{jars}{os.sep}*",
        str(LAUNCHER),
        str(workdir / "db"),
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env=env,
            cwd=workdir,
        )
    server = Neo4jServer(
        uri="", password=password, pid=process.pid, workdir=workdir, log_path=log_path
    )
    server._process = process
    uri = _read_uri(process, log_path)
    if not uri:
        stop(server)
        raise Neo4jUnavailable(
            f"no Neo4j test server: the launcher gave no Bolt URI in {START_TIMEOUT:.0f} s "
            f"({' '.join(_tail(log_path, 5).split())[-300:]})"
        )
    server.uri = uri
    return server


def stop(server: Neo4jServer) -> None:
    """Close the server's stdin (it shuts down cleanly), then SIGTERM, then SIGKILL."""
    process = server._process
    if process is None:
        return
    with contextlib.suppress(OSError):
        if process.stdin:
            process.stdin.close()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout:
        process.stdout.close()
    server._process = None


def _read_uri(process: subprocess.Popen, log_path: Path) -> str | None:
    """The `bolt://…` line the launcher prints when ready, or None if it exits or is slow."""
    import selectors

    assert process.stdout is not None
    deadline = time.monotonic() + START_TIMEOUT
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        buffer = b""
        while time.monotonic() < deadline:
            if not selector.select(timeout=0.5):
                if process.poll() is not None:
                    return None
                continue
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                return None
            buffer += chunk
            for line in buffer.decode("utf-8", "replace").splitlines():
                if line.startswith("bolt://"):
                    return line.strip()
    return None


def _tail(path: Path, lines: int) -> str:
    try:
        return "\n".join(path.read_text("utf-8", "replace").splitlines()[-lines:])
    except OSError:
        return ""
