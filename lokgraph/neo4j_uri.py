"""Bolt URIs: the credentials they may hold, and the mistakes in them, found before connecting.

A URI mistake (`bolt://host:notaport`, a port past 65535, `bolt://[::1` without its `]`, an
`http://` address) is a ServerError of one line that says what is wrong and how to write it;
credentials in the URI are taken out first, so no message ever holds them.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from .errors import ServerError

__all__ = ["FIX_URI", "SCHEMES", "check_uri", "split_credentials"]

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
