"""The store's text: sorted JSON indented by one space, byte for byte as `json.dumps` writes it
with `indent=1`, in about half the time.

`json.dumps` falls back to its pure-Python encoder whenever `indent` is given, and that
encoder's generators and checks per value cost more than the escaping itself. Here each
container is one join, and every string goes through the C escaper (`encode_basestring`, the
one `json.dumps` itself uses). Keys must be strings, as they are in a store.
tests/test_store_bytes.py checks the bytes against `json.dumps(value, ensure_ascii=False,
sort_keys=True, indent=1)` on random values and on the stores of the examples and the Dalarna
survey.

>>> print(dumps_indented({"b": [1, "två"], "a": {}, "c": {"d": None}}))
{
 "a": {},
 "b": [
  1,
  "två"
 ],
 "c": {
  "d": null
 }
}
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

__all__ = ["dumps_indented"]

_LITERALS = {None: "null", True: "true", False: "false"}
_OTHER = json.JSONEncoder(ensure_ascii=False)  # floats (NaN, Infinity) and anything else


def dumps_indented(value: object) -> str:
    """`json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)`, faster."""
    return _encode(value, 0)


def _encode(value: object, depth: int) -> str:
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = "\n" + " " * (depth + 1)
        parts = [
            encode_basestring(key) + ": " + _item(value[key], depth + 1) for key in sorted(value)
        ]
        return "{" + inner + ("," + inner).join(parts) + "\n" + " " * depth + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = "\n" + " " * (depth + 1)
        parts = [_item(item, depth + 1) for item in value]
        return "[" + inner + ("," + inner).join(parts) + "\n" + " " * depth + "]"
    return _scalar(value)


def _item(value: object, depth: int) -> str:
    """A value inside a container: strings, the most common, go straight to the escaper."""
    return encode_basestring(value) if type(value) is str else _encode(value, depth)


def _scalar(value: object) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # type: ignore[arg-type]
    if kind is int:
        return int.__repr__(value)
    if value is None or value is True or value is False:
        return _LITERALS[value]
    return _OTHER.encode(value)
