"""Connecting to Neo4j: the URI, the credentials it may hold, and the driver's errors.

A URI mistake (`bolt://host:notaport`, a port past 65535, `bolt://[::1` without its `]`, an
`http://` address) is a ServerError of one line that says what is wrong and how to write it;
credentials in the URI are taken out first, so no message ever holds them. A driver error
(unreachable, refused credentials, a failed query) becomes a ServerError of one line too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

from neo4j import exceptions as neo4j_errors

from .errors import ServerError

__all__ = [
    "CONNECT_TIMEOUT",
    "FIX_URI",
    "SCHEMES",
    "check_uri",
    "driver_errors",
    "one_line",
    "split_credentials",
]

CONNECT_TIMEOUT = 4.0  # seconds: TCP connect and the Bolt handshake

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
