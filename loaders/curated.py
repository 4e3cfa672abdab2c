"""Curated structure files: a YAML description of areas, groups, agreements and activities.

A planner who knows a structure writes it down by hand (the format is documented in
`docs/structure-format.md`, with the bundled examples in `lokgraph/examples/`). Every record
keeps the file and line it came from, so an error says exactly where to look and what to write.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from lokgraph.entities import region_structure
from lokgraph.errors import InputError, LokgraphError
from lokgraph.models import Relationship, Structure
from lokgraph.reference import find_region

from .curated_nodes import _activity, _agreement, _area, _governance, _group, _source
from .curated_records import _LINE, _Context, _items, _LineLoader, _name
from .safe_yaml import check_size, load_yaml
from .sv_errors import sv_yaml_problem

__all__ = ["load_structure_file", "TOP_LEVEL_KEYS"]

TOP_LEVEL_KEYS = ("source", "region", "areas", "groups", "agreements", "activities")


def load_structure_file(path: Path | str) -> Structure:
    """Read one structure file into nodes and relationships, or raise one clear InputError.

    >>> from importlib import resources
    >>> example = resources.files("lokgraph") / "examples" / "dalarna.yaml"
    >>> s = load_structure_file(example)
    >>> sum(1 for n in s.nodes if n.label == "Principal" and n.kind == "kommun") >= 15
    True
    """
    path = Path(str(path))
    check_size(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise InputError("filen finns inte", where=str(path), fix="Kontrollera sökvägen") from err
    except UnicodeDecodeError as err:
        raise InputError(
            f"filen är inte UTF-8 (byte {err.start}, 0x{err.object[err.start]:02x})",
            where=str(path),
            fix="Spara filen som UTF-8 och försök igen",
        ) from err
    try:
        doc = load_yaml(text, name=str(path), loader=_LineLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{path}, rad {mark.line + 1}, kolumn {mark.column + 1}" if mark else str(path)
        problem = sv_yaml_problem(getattr(err, "problem", None) or str(err))
        raise InputError(
            f"filen är inte giltig YAML: {problem}",
            where=where,
            fix="Kontrollera indraget (mellanslag, inte tabb) och att varje listpost börjar "
            "med '- ' (se docs/structure-format.md)",
        ) from err
    if not isinstance(doc, dict):
        raise InputError(
            "en strukturfil ska vara en YAML-tabell med nycklarna "
            + ", ".join(TOP_LEVEL_KEYS)
            + (" men filen är tom" if doc is None else ""),
            where=str(path),
            fix="Utgå från ett av exemplen i lokgraph/examples/",
        )
    try:
        return _read(doc, path)
    except LokgraphError:
        raise
    except ValidationError as err:  # pragma: no cover - records validate in _model
        raise InputError(str(err), where=str(path)) from err


def _read(doc: dict, path: Path) -> Structure:
    unknown = sorted(set(doc) - set(TOP_LEVEL_KEYS) - {_LINE})
    if unknown:
        raise InputError(
            f"okänd nyckel {unknown[0]!r} på översta nivån",
            where=str(path),
            fix="Använd bara " + ", ".join(TOP_LEVEL_KEYS),
        )
    region = None
    if doc.get("region"):
        region = find_region(str(doc["region"]), where=f"{path} (region)")
    ctx = _Context(path, region)
    structure = _source(ctx, doc.get("source") or {})
    if region:
        structure += region_structure(region)
    for i, rec in enumerate(_items(ctx, doc, "areas")):
        structure += _area(ctx, rec, f"areas[{i}]")
    groups = list(_items(ctx, doc, "groups"))
    for i, rec in enumerate(groups):  # names first, so reports_to may point forward
        ctx.groups[_name(ctx, rec, f"groups[{i}]")] = ""
    for i, rec in enumerate(groups):
        structure += _group(ctx, rec, f"groups[{i}]")
    for i, rec in enumerate(groups):
        structure += _governance(ctx, rec, f"groups[{i}]")
    agreements = list(_items(ctx, doc, "agreements"))
    agreement_ids: dict[str, str] = {}
    for i, rec in enumerate(agreements):
        s, aid = _agreement(ctx, rec, f"agreements[{i}]")
        agreement_ids[_name(ctx, rec, f"agreements[{i}]")] = aid
        structure += s
    for i, rec in enumerate(agreements):
        if "implements" in rec:
            target = agreement_ids.get(str(rec["implements"]))
            if target is None:
                raise ctx.fail(
                    rec,
                    f"agreements[{i}].implements",
                    f"ingen överenskommelse i filen heter {rec['implements']!r}",
                    "Skriv namnet på en RÖK som står under agreements",
                )
            structure += Structure(
                relationships=(
                    Relationship(
                        type="IMPLEMENTS",
                        source=agreement_ids[_name(ctx, rec, "")],
                        target=target,
                    ),
                )
            )
    for i, rec in enumerate(_items(ctx, doc, "activities")):
        structure += _activity(ctx, rec, f"activities[{i}]")
    return structure
