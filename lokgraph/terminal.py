"""Text for a terminal: a control character is shown, never sent.

A quote keeps what the file held (a control character in a survey stays in its quote, with a
note at import), but a terminal acts on one: ESC opens a sequence that can clear the screen or
set the window title, and the C1 codes do the same on some terminals. Every line lokgraph
prints goes through `printable` (its rich consoles too); JSON written to stdout goes through
`json_printable`, which keeps it the same JSON.

>>> printable("BUP\\x1b[2J och\\tskola\\x07.")
'BUP\\ufffd[2J och\\tskola\\ufffd.'
>>> json_printable('{"citat": "a\\x9bb"}')
'{"citat": "a\\\\u009bb"}'
>>> import json; json.loads(json_printable(json.dumps("a\\x9bb\\x7f", ensure_ascii=False)))
'a\\x9bb\\x7f'
"""

from __future__ import annotations

__all__ = ["json_printable", "printable"]

# C0 controls except tab and newline, DEL, and the C1 controls
_CONTROL_CODES = (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))
_SHOWN = {code: "\ufffd" for code in _CONTROL_CODES}
# json.dumps already escapes C0; DEL and C1 are legal raw in JSON but not on a terminal
_JSON_ESCAPED = {code: f"\\u{code:04x}" for code in _CONTROL_CODES if code >= 0x7F}


def printable(text: str) -> str:
    """`text` with each control character (but tab and newline) shown as U+FFFD."""
    return text.translate(_SHOWN)


def json_printable(text: str) -> str:
    """JSON text with DEL and the C1 controls written as ``\\u`` escapes (the same JSON)."""
    return text.translate(_JSON_ESCAPED)
