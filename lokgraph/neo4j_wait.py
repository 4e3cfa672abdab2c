"""Waiting on a Neo4j server without hanging: every wait for an answer is bounded.

The neo4j driver has a connection timeout but no read timeout: a server that accepted the
connection and the login and then stops answering (hung, paused, behind a dead link) leaves
the driver waiting in `recv` for ever. So each wait on the server runs in a helper thread, and
the caller waits for it at most `timeout` seconds at a time (default 5,
``$LOKGRAPH_NEO4J_TIMEOUT``). When no answer has come by then, a second, new connection asks the
server `RETURN 1`, also within `timeout`: a server that answers is busy (a gap query over the
whole country can take several seconds) and gets more time, up to `BUSY_FACTOR` times
`timeout` for one wait; a server that does not answer is given up on at once. Giving up raises
a ServerError of one line naming the server and what lokgraph waited for, and closes the
driver in the background, which cuts its connections, so the helper thread ends as well. The
store cannot be used after that.

>>> wait = ServerWait("bolt://localhost:7687", timeout=1.0, probe=lambda: True)
>>> wait.call("svaret på en fråga", lambda x: x + 1, 41)
42
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from .env_seconds import seconds_from_env
from .errors import ServerError

__all__ = ["BUSY_FACTOR", "DEFAULT_TIMEOUT", "TIMEOUT_ENV", "ServerWait", "timeout_from_env"]

DEFAULT_TIMEOUT = 5.0  # seconds the server may be silent before lokgraph asks if it is alive
BUSY_FACTOR = 60  # a busy server answering `RETURN 1` gets up to this many timeouts per wait
TIMEOUT_ENV = "LOKGRAPH_NEO4J_TIMEOUT"

_T = TypeVar("_T")

# The driver logs a lost connection and every retry at WARNING and ERROR, in English; without a
# handler anywhere Python prints those on stderr. lokgraph says what went wrong itself, once.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


def timeout_from_env() -> float:
    """``$LOKGRAPH_NEO4J_TIMEOUT`` in seconds, or `DEFAULT_TIMEOUT` when it is not set.

    >>> import os
    >>> timeout_from_env() == DEFAULT_TIMEOUT or TIMEOUT_ENV in os.environ
    True
    """
    return seconds_from_env(TIMEOUT_ENV, DEFAULT_TIMEOUT, positive=True, example=30)


class ServerWait:
    """Runs one wait on the server at a time, giving up on a server that stopped answering.

    `probe()` asks the server on a new connection whether it answers (True) and may itself
    hang; `on_give_up()` cuts the store's connections (it runs in the background, since
    closing can wait on the server too).
    """

    def __init__(
        self,
        uri: str,
        *,
        timeout: float,
        probe: Callable[[], bool],
        on_give_up: Callable[[], None] = lambda: None,
    ) -> None:
        self.uri = uri
        self.timeout = timeout
        self._probe = probe
        self._on_give_up = on_give_up
        #: what lokgraph was waiting for when it gave up, or None
        self.gave_up: str | None = None

    def call(self, what: str, fn: Callable[..., _T], *args: Any) -> _T:
        """`fn(*args)` in a helper thread; its result, or its exception raised here.

        `what` says in Swedish what lokgraph waits for ("svaret på en fråga") for the message.
        """
        if self.gave_up is not None:
            raise ServerError(
                f"servern {self.uri} har slutat svara (lokgraph väntade på {self.gave_up})",
                fix="Öppna en ny anslutning när servern svarar igen",
            )
        done = threading.Event()
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["value"] = fn(*args)
            except BaseException as err:  # handed to the caller as it is
                box["error"] = err
            finally:
                done.set()

        threading.Thread(target=work, name="lokgraph-neo4j", daemon=True).start()
        started = time.monotonic()
        waits = 0
        while not done.wait(self.timeout):
            waits += 1
            alive = waits < BUSY_FACTOR and self._answers()
            if done.is_set():
                break
            if not alive:
                self.gave_up = what
                threading.Thread(target=self._on_give_up, daemon=True).start()
                raise self._error(what, time.monotonic() - started, answered=waits >= BUSY_FACTOR)
        if "error" in box:
            raise box["error"]
        return box["value"]

    def _answers(self) -> bool:
        """Whether the server answers a new connection within `timeout`."""
        done = threading.Event()
        answer: list[bool] = []

        def ask() -> None:
            try:
                answer.append(bool(self._probe()))
            except Exception:
                answer.append(False)
            finally:
                done.set()

        threading.Thread(target=ask, name="lokgraph-neo4j-probe", daemon=True).start()
        return done.wait(self.timeout) and answer == [True]

    def _error(self, what: str, waited: float, *, answered: bool) -> ServerError:
        seconds = f"{waited:.0f} s"
        if answered:  # answering a new connection, but not this one
            problem = f"servern {self.uri} svarar men har inte gett {what} på {seconds}"
        else:
            problem = (
                f"servern {self.uri} slutade svara: lokgraph väntade {seconds} på {what}, "
                "och en ny anslutning fick inget svar heller"
            )
        return ServerError(
            problem,
            fix="Kontrollera att Neo4j är igång och nåbar, eller vänta längre med "
            f"{TIMEOUT_ENV}={max(30, 6 * self.timeout):g}",
        )
