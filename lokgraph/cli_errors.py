"""Every way the command line can fail, as one Swedish paragraph and an exit code.

`run` calls a typer app without its own error handling and translates what comes out:
usage errors (typer's vendored click, recognised by class name so no click import is needed),
lokgraph's own errors, OS errors, Ctrl-C and anything unexpected. Nothing here prints a
traceback; an unexpected error writes its details to a file and names that file.

>>> paragraph(FileNotFoundError(2, "No such file or directory", "enkat.txt"))
'filen eller mappen enkat.txt finns inte. Kontrollera sökvägen och stavningen.'
>>> paragraph(IsADirectoryError(21, "Is a directory", "data"))
'data är en mapp, inte en fil. Ange en fil i mappen, till exempel data/lokgraph-store.json.'
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import datetime
from typing import Any

from . import interrupt
from .errors import LokgraphError
from .terminal import printable

__all__ = ["INTERRUPTED", "paragraph", "run", "usage_paragraph", "write_details"]

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = interrupt.EXIT_CODE
INTERRUPTED = interrupt.INTERRUPTED


def run(app: Callable[..., Any], *, prog_name: str = "lokgraph") -> int:
    """Run `app` (a typer app) and return the exit code; failures are printed on stderr.

    The app is run with `standalone_mode=False`, so typer hands every exception back here.
    """
    try:
        result = app(standalone_mode=False, prog_name=prog_name)
    except KeyboardInterrupt:
        _say(INTERRUPTED)
        return EXIT_INTERRUPTED
    except BaseException as error:  # noqa: BLE001 - translating everything is the point
        return _translate(error)
    if interrupt.requested():  # Ctrl-C that Python had to swallow somewhere inside
        _say(INTERRUPTED)
        return EXIT_INTERRUPTED
    # typer returns the exit code of an Exit (Ctrl-C arrives as Exit(130)); a command None
    if isinstance(result, int) and not isinstance(result, bool):
        if result == EXIT_INTERRUPTED:
            _say(INTERRUPTED)
        return result
    return 0


def paragraph(error: BaseException) -> str:
    """The Swedish paragraph for a library or OS error (without the `lokgraph:` prefix)."""
    if isinstance(error, LokgraphError):
        return str(error)
    if isinstance(error, OSError):
        return _os_paragraph(error)
    if isinstance(error, UnicodeDecodeError):
        return (
            "en fil gick inte att läsa som text (fel teckenkodning). "
            "Spara den som UTF-8 (i Excel: CSV UTF-8) och försök igen."
        )
    if isinstance(error, MemoryError):
        return "datorns minne räckte inte. Dela upp filen i mindre delar och försök igen."
    if isinstance(error, RecursionError):
        return "filen är för djupt nästlad för att läsas. Förenkla strukturen och försök igen."
    raise TypeError(f"no paragraph for {type(error).__name__}")


def usage_paragraph(error: BaseException) -> str:
    """The Swedish paragraph for one of typer's usage errors (vendored click or click)."""
    names = {cls.__name__ for cls in type(error).__mro__}
    ctx = getattr(error, "ctx", None)
    command = getattr(ctx, "command_path", None) or _command_from_argv()
    help_hint = f" Se {command} --help."
    message = str(getattr(error, "message", "") or "")
    if "NoSuchOption" in names:
        option = getattr(error, "option_name", "") or _quoted(message) or "?"
        text = f"okänd flagga {option}."
        choices = sorted(getattr(error, "possibilities", None) or [])
        if not choices and ctx is not None:
            choices = difflib.get_close_matches(option, _options(ctx), n=3)
        if choices:
            text += " Menade du " + " eller ".join(choices) + "?"
        return text + help_hint
    if "MissingParameter" in names:
        param = getattr(error, "param", None)
        if getattr(param, "param_type_name", "") == "argument":
            what = f"{_param_name(param)} saknas efter kommandot."
        else:
            what = f"flaggan {_param_name(param)} måste anges."
        return what + help_hint
    if "BadParameter" in names:
        param = getattr(error, "param", None)
        if found := _PATH_PROBLEM.search(message):  # typer checks a path before the command
            text = _PATH_TEXTS[found["what"]].format(name=repr(found["name"]))
            return f"{text} ({_param_name(param)})." + help_hint
        detail = _bad_value(message)
        return f"ogiltigt värde för {_param_name(param)}{detail}." + help_hint
    if "BadOptionUsage" in names:
        option = getattr(error, "option_name", "") or _quoted(message) or "?"
        if "does not take a value" in message:
            return f"flaggan {option} tar inget värde." + help_hint
        return f"flaggan {option} behöver ett värde efter sig." + help_hint
    match = re.match(r"No such command '([^']*)'", message)
    if match:
        name = match.group(1)
        text = f"okänt kommando {name!r}."
        commands = sorted(getattr(getattr(ctx, "command", None), "commands", {}) or {})
        close = difflib.get_close_matches(name, commands, n=2)
        if close:
            text += " Menade du " + " eller ".join(repr(c) for c in close) + "?"
        return text + help_hint
    match = re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)", message)
    if match:
        extra = match.group(1)
        return (
            f"för många argument: {extra}. Ett filnamn att skriva till anges med -o FIL."
            + help_hint
        )
    if message.startswith("Missing command"):
        return "inget kommando angavs." + help_hint
    return f"kommandot kunde inte tolkas ({message})." + help_hint


def write_details(error: BaseException) -> str | None:
    """Write the traceback of an unexpected error to a new file and return its path."""
    try:
        fd, path = tempfile.mkstemp(prefix="lokgraph-fel-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(f"lokgraph {' '.join(sys.argv[1:])}\n{datetime.now().isoformat()}\n\n")
            f.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def _translate(error: BaseException) -> int:
    names = {cls.__name__ for cls in type(error).__mro__}
    if "Exit" in names and hasattr(error, "exit_code"):
        code = int(getattr(error, "exit_code", 0) or 0)
        if code == EXIT_INTERRUPTED:
            _say(INTERRUPTED)
        return code
    if "Abort" in names:
        _say(INTERRUPTED if isinstance(error.__context__, KeyboardInterrupt) else "avbrutet.")
        return EXIT_INTERRUPTED if isinstance(error.__context__, KeyboardInterrupt) else 1
    if "NoArgsIsHelpError" in names:
        sys.stderr.write(printable(str(getattr(error, "message", "")).rstrip()) + "\n")
        return EXIT_USAGE
    if "UsageError" in names:
        _say(usage_paragraph(error))
        return EXIT_USAGE
    if "ClickException" in names:
        _say(f"{getattr(error, 'message', error)}.")
        return int(getattr(error, "exit_code", 1) or 1)
    if isinstance(error, SystemExit):
        status = error.code
        return status if isinstance(status, int) else (0 if status is None else 1)
    if isinstance(error, OSError) and error.errno == errno.EPIPE:
        _silence_stdout()
        return EXIT_ERROR
    try:
        _say(paragraph(error))
        return EXIT_ERROR
    except TypeError:
        pass
    path = write_details(error)
    where = f" Detaljerna finns i {path}." if path else " Detaljerna kunde inte sparas."
    _say(
        "ett oväntat fel inträffade i lokgraph "
        f"({type(error).__name__}). Det är ett fel i programmet, inte i dina filer; "
        "inget ändrades i lagret. Skicka gärna filen med detaljerna till den som "
        "förvaltar lokgraph." + where
    )
    return EXIT_ERROR


_OS_TEXTS = {
    errno.ENOENT: "{name} finns inte. Kontrollera sökvägen och stavningen.",
    errno.EISDIR: "{name} är en mapp, inte en fil. Ange en fil i mappen, "
    "till exempel {name}/lokgraph-store.json.",
    errno.ENOTDIR: "en del av sökvägen {name} är en fil, inte en mapp. Kontrollera sökvägen.",
    errno.EACCES: "lokgraph får inte läsa eller skriva {name}. "
    "Kontrollera filens behörigheter eller välj en annan plats.",
    errno.EPERM: "lokgraph får inte läsa eller skriva {name}. "
    "Kontrollera filens behörigheter eller välj en annan plats.",
    errno.ENOSPC: "disken är full, så {name} kunde inte skrivas. "
    "Frigör utrymme eller skriv till en annan disk; lagret är oförändrat.",
    errno.EROFS: "{name} ligger på en skrivskyddad disk. Välj en annan plats att skriva till.",
    errno.ENAMETOOLONG: "sökvägen {name} är för lång. Välj ett kortare namn.",
    errno.EEXIST: "{name} finns redan. Välj ett annat namn eller ta bort den först.",
}


def _os_paragraph(error: OSError) -> str:
    filename = error.filename or error.filename2
    if error.errno == errno.ENOENT:
        name = f"filen eller mappen {filename}" if filename else "en fil"
    else:
        name = str(filename) if filename else "en fil"
    template = _OS_TEXTS.get(error.errno or -1)
    if template is None:
        reason = os.strerror(error.errno) if error.errno else type(error).__name__
        return f"{name} kunde inte läsas eller skrivas ({reason}). Kontrollera filen och disken."
    return template.format(name=name)


def _say(text: str) -> None:
    """One paragraph on stderr, without colours or markup, never wrapped into lines."""
    text = " ".join(text.split())
    try:
        sys.stderr.write(printable(f"lokgraph: {text}\n"))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _command_from_argv() -> str:
    """`lokgraph CMD` from the command line, for errors raised before a command's context."""
    words = [w for w in sys.argv[1:] if not w.startswith("-")]
    return f"lokgraph {words[0]}" if words and words[0].isalpha() else "lokgraph"


def _quoted(message: str) -> str | None:
    match = re.search(r"'([^']*)'", message)
    return match.group(1) if match else None


def _param_name(param: Any) -> str:
    if param is None:
        return "ett värde"
    opts = [o for o in getattr(param, "opts", []) or [] if o.startswith("--")]
    if getattr(param, "param_type_name", "") == "option" and opts:
        return opts[0]
    name = (
        getattr(param, "metavar", None)
        or getattr(param, "human_readable_name", None)
        or getattr(param, "name", None)
        or "?"
    )
    return str(name).upper()


def _options(ctx: Any) -> list[str]:
    command = getattr(ctx, "command", None)
    found: list[str] = []
    for param in getattr(command, "params", []) or []:
        found.extend(getattr(param, "opts", []) or [])
    return found


_VALUE_TEXTS = (
    (re.compile(r"valid integer|not a valid int"), ": ange ett heltal, till exempel 15"),
    (re.compile(r"valid number|valid float"), ": ange ett tal"),
    (re.compile(r"valid boolean|valid bool"), ": ange ja eller nej (true eller false)"),
    (re.compile(r"is not one of|Input should be"), ""),
)

_PATH_PROBLEM = re.compile(
    r"\b(?:path|file|directory) '(?P<name>.*)' "
    r"(?P<what>is not readable|is not writable|does not exist|is a directory|is a file)"
)
_PATH_TEXTS = {
    "is not readable": "lokgraph får inte läsa {name}: kontrollera filens behörigheter",
    "is not writable": "lokgraph får inte skriva {name}: kontrollera filens behörigheter",
    "does not exist": "{name} finns inte: kontrollera sökvägen och stavningen",
    "is a directory": "{name} är en mapp, inte en fil",
    "is a file": "{name} är en fil, inte en mapp",
}


def _bad_value(message: str) -> str:
    for pattern, text in _VALUE_TEXTS:
        if pattern.search(message):
            return text
    return ""
