"""Connecting to Neo4j: the URI, the credentials it may hold, and the driver's errors.

A URI mistake (`bolt://host:notaport`, a port past 65535, `bolt://[::1` without its `]`, an
`http://` address) is a ServerError of one line that says what is wrong and how to write it;
credentials in the URI are taken out first, so no message ever holds them. A driver error
(unreachable, refused credentials, a failed query) becomes a ServerError of one line too.

`Connection` is the driver of one store: logged in when it is made, and every transaction a
wait on the server that `lokgraph.neo4j_wait` bounds.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import unquote, urlsplit

import neo4j
from neo4j import exceptions as neo4j_errors

from .errors import ServerError
from .neo4j_wait import ServerWait

__all__ = [
    "CONNECT_TIMEOUT",
    "Connection",
    "FIX_URI",
    "SCHEMES",
    "check_uri",
    "driver_errors",
    "one_line",
    "split_credentials",
]

CONNECT_TIMEOUT = 4.0  # seconds: TCP connect and the Bolt handshake
RETRY_TIME = 5.0  # seconds the driver may retry a transaction on a lost connection

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
FIX_URI = "Skriv den som bolt://värd:7687 (eller neo4j://, bolt+s://, neo4j+s://)"


def split_credentials(uri: str) -> tuple[str, str | None, str | None]:
    """The URI without `user:password@`, and the user and password it held.

    >>> split_credentials("bolt://neo4j:s3cret@localhost:7687")
    ('bolt://localhost:7687', 'neo4j', 's3cret')
    >>> split_credentials("bolt://localhost")
    ('bolt://localhost', None, None)
    """
    scheme, sep, rest = uri.partition("://")
    netloc = rest.split("/", 1)[0]
    if not sep or "@" not in netloc:
        return uri, None, None
    userinfo, _, hostport = netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    clean = f"{scheme}://{hostport}{rest[len(netloc) :]}"
    return clean, unquote(user) or None, unquote(password) if colon else None


def check_uri(uri: str) -> str:
    """The URI if the driver can use it; else ServerError saying what is wrong, in one line.

    >>> check_uri("bolt://localhost:7687")
    'bolt://localhost:7687'
    >>> check_uri("bolt://localhost:99999")
    Traceback (most recent call last):
    ...
    lokgraph.errors.ServerError: 'bolt://localhost:99999' är ingen giltig Bolt-adress: porten 99999 ligger inte mellan 1 och 65535. Skriv den som bolt://värd:7687 (eller neo4j://, bolt+s://, neo4j+s://).
    """  # noqa: E501
    hostport = uri.partition("://")[2].split("/", 1)[0].rpartition("@")[2]
    port_text = hostport.rpartition("]")[2].rpartition(":")[2] if ":" in hostport else ""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as err:
        if "[" in hostport and "]" not in hostport:
            reason = "en IPv6-adress behöver sin avslutande ]"
        elif port_text.isdigit():
            reason = f"porten {port_text} ligger inte mellan 1 och 65535"
        elif "port" in str(err).lower():
            reason = f"porten {port_text!r} är inget tal mellan 1 och 65535"
        else:
            reason = str(err).lower()
        raise ServerError(f"{uri!r} är ingen giltig Bolt-adress: {reason}", fix=FIX_URI) from None
    if parts.scheme not in SCHEMES:
        raise ServerError(f"{uri!r} är ingen Bolt-adress", fix=FIX_URI)
    if not parts.hostname:
        raise ServerError(f"{uri!r} är ingen giltig Bolt-adress: värden saknas", fix=FIX_URI)
    if port == 0:
        raise ServerError(f"{uri!r} är ingen giltig Bolt-adress: port 0", fix=FIX_URI)
    return uri


class Connection:
    """The driver for one server, logged in; each transaction a bounded wait on the server.

    Credentials come from the arguments, else from the URI (`user:password@`, already split
    off), else from `NEO4J_USER` and `NEO4J_PASSWORD`; only the driver holds them.
    """

    def __init__(
        self,
        uri: str,
        *,
        user: str | None,
        password: str | None,
        database: str | None,
        timeout: float,
    ) -> None:
        self.uri, self.database = uri, database
        user = user or os.environ.get("NEO4J_USER") or None
        if password is None:
            password = os.environ.get("NEO4J_PASSWORD")
        auth = None if user is None and password is None else (user or "neo4j", password or "")
        try:
            self._driver = _new_driver(uri, auth, RETRY_TIME)
        except (neo4j_errors.ConfigurationError, ValueError) as err:
            raise ServerError(
                f"{uri!r} går inte att använda: {one_line(err)}", fix=FIX_URI
            ) from None

        def probe() -> bool:  # a new connection of its own, without retries
            with _new_driver(uri, auth, 0) as fresh:
                fresh.execute_query("RETURN 1", database_=database)
            return True

        self._wait = ServerWait(uri, timeout=timeout, probe=probe, on_give_up=self._driver.close)
        try:
            with driver_errors(uri):
                self._wait.call("inloggningen", self._driver.verify_connectivity)
        except BaseException:
            self.close()
            raise

    def transaction(self, what: str, write: bool, work: Callable[..., Any], *args: Any) -> Any:
        """`work(tx, *args)` in one managed transaction of its own session, waiting on the
        server at most as long as `lokgraph.neo4j_wait` allows; `what` names the wait."""

        def unit() -> Any:
            with self._driver.session(database=self.database) as session:
                run = session.execute_write if write else session.execute_read
                return run(work, *args)

        with driver_errors(self.uri):
            return self._wait.call(what, unit)

    def close(self) -> None:
        if self._wait.gave_up is None:  # else they are being closed in the background
            self._driver.close()


def _new_driver(uri: str, auth: tuple[str, str] | None, retry_time: float) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(
        uri,
        auth=auth,
        connection_timeout=CONNECT_TIMEOUT,
        connection_acquisition_timeout=CONNECT_TIMEOUT + 1,
        max_transaction_retry_time=retry_time,
        notifications_min_severity="OFF",  # lokgraph's queries are its own
    )


@contextmanager
def driver_errors(uri: str) -> Iterator[None]:
    """Driver errors as ServerError: one line, naming the server, never a credential."""
    try:
        yield
    except neo4j_errors.AuthError:
        raise ServerError(_REFUSED.format(uri=uri), fix=_FIX_AUTH) from None
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError) as err:
        raise ServerError(
            f"ingen Neo4j-server svarar på {uri} ({_why_unreachable(err)})",
            fix="Starta den (docker compose up -d) eller rätta adressen",
        ) from None
    except neo4j_errors.Neo4jError as err:
        code = err.code or "error"
        if code.endswith((".Unauthorized", ".AuthenticationRateLimit")):
            raise ServerError(_REFUSED.format(uri=uri), fix=_FIX_AUTH) from None
        raise ServerError(
            f"servern {uri} kunde inte köra en fråga: {code}: {one_line(err.message or err, 200)}"
        ) from None
    except neo4j_errors.DriverError as err:
        raise ServerError(
            f"Neo4j-drivrutinen misslyckades mot {uri}: {one_line(err, 200)}"
        ) from None


_UNREACHABLE = (
    (("handshake", "timed out", "timeout"), f"inget Bolt-svar inom {CONNECT_TIMEOUT:.0f} s"),
    (("refused", "errno 111"), "anslutningen nekades"),
    (("looks like http",), "porten talar HTTP, inte Bolt: Bolt är oftast port 7687"),
    (("resolve", "name or service", "nodename"), "värdnamnet är okänt"),
)
_REFUSED = "servern {uri} godtog inte användarnamnet eller lösenordet"
_FIX_AUTH = "Sätt NEO4J_USER och NEO4J_PASSWORD till ett konto på den servern"


def _why_unreachable(err: Exception) -> str:
    """The reason a connection failed, in a few words rather than the driver's paragraph."""
    text = str(err).lower()
    for words, reason in _UNREACHABLE:
        if any(word in text for word in words):
            return reason
    return one_line(err, 120)


def one_line(err: object, limit: int = 300) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
