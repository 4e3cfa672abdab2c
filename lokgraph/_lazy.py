"""Public names that a package loads on first use, so importing it costs only what is used.

`lokgraph --help` must start without networkx or pydantic, yet ``from lokgraph import Fact``
must work; each package's ``__init__`` therefore names where each public name lives and
loads that module when the name is first asked for.

>>> import types
>>> package = types.ModuleType("demo")
>>> package.__getattr__, package.__dir__ = lazy_exports("json", {"json": ("dumps",)})
>>> package.__getattr__("dumps")({"a": 1})
'{"a": 1}'

The same table gives the package's ``__all__``, so a public name is written down once:

>>> public_names({"json": ("dumps", "JSONDecodeError")})
['JSONDecodeError', 'dumps']
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping

__all__ = ["lazy_exports", "public_names"]


def lazy_exports(
    package: str, modules: Mapping[str, tuple[str, ...]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` for `package`: `modules` maps each module
    (relative to the package, or absolute) to the public names it defines."""
    where = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        if package in sys.modules:
            setattr(sys.modules[package], name, value)  # the next lookup is a plain one
        return value

    def __dir__() -> list[str]:
        held = vars(sys.modules[package]) if package in sys.modules else {}
        return sorted(set(held) | set(where))

    return __getattr__, __dir__


def public_names(modules: Mapping[str, tuple[str, ...]], *own: str) -> list[str]:
    """A package's ``__all__``: every name `modules` maps (as for `lazy_exports`) and the
    names the package defines itself (`own`), sorted."""
    return sorted({name for names in modules.values() for name in names} | set(own))
