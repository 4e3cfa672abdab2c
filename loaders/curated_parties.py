"""Curated structure files: the kommuner, regions, units and groups a record names."""

from __future__ import annotations

from typing import Any

from lokgraph.codes import PARTIES
from lokgraph.entities import (
    kommun_id,
    kommun_structure,
    region_id,
    region_structure,
    unit_structure,
)
from lokgraph.errors import LokgraphError, UnknownNameError
from lokgraph.models import Structure
from lokgraph.reference import Kommun, find_kommun, find_region, kommuner_in_lan

from .curated_records import _check_keys, _Context


def _kommun(ctx: _Context, name: Any, rec: dict, what: str) -> Kommun:
    return find_kommun(str(name), where=ctx.where(rec, what))


def _kommuner(ctx: _Context, value: Any, rec: dict, what: str) -> tuple[Kommun, ...]:
    """Kommuner by name, or every kommun of an area or of the file's län ("all")."""
    if value in (None, []):
        return ()
    if value == "all":
        if ctx.region is None:
            raise ctx.fail(rec, what, "'all' kräver en region", "Lägg till 'region: …' överst")
        return kommuner_in_lan(ctx.region.lan_kod)
    names = value if isinstance(value, list) else [value]
    found: list[Kommun] = []
    for name in names:
        if str(name) in ctx.areas:
            found.extend(ctx.areas[str(name)][1])
        else:
            found.append(_kommun(ctx, name, rec, what))
    return tuple(dict.fromkeys(found))


def _party_ref(
    ctx: _Context, item: Any, rec: dict, what: str, serves: tuple[Kommun, ...]
) -> list[tuple[str, Structure, dict]]:
    """The node ids (with the nodes to add) that a member or party entry names."""
    spec = item if isinstance(item, dict) else {"name": item}
    _check_keys(
        ctx,
        spec if isinstance(item, dict) else {},
        what,
        {"name", "party", "kommun", "region", "partial", "reason", "quote", "page"},
    )
    name = spec.get("party") or spec.get("name")
    if spec.get("kommun") and not spec.get("party"):
        k = _kommun(ctx, spec["kommun"], rec, what)
        return [(kommun_id(k), kommun_structure(k), spec)]
    if spec.get("region") and not spec.get("party"):
        r = find_region(str(spec["region"]), where=ctx.where(rec, what))
        return [(region_id(r), region_structure(r), spec)]
    code = str(name).strip()
    if code.upper() in PARTIES:
        code = code.upper()
        region = (
            find_region(str(spec["region"]), where=ctx.where(rec, what))
            if spec.get("region")
            else ctx.region
        )
        if PARTIES[code].huvudman == "kommun":
            places = (_kommun(ctx, spec["kommun"], rec, what),) if spec.get("kommun") else serves
            if not places:
                raise ctx.fail(
                    rec,
                    what,
                    f"{code} är en kommunal verksamhet men ingen kommun anges",
                    "Lägg till 'kommun: …' i posten, eller 'serves: …' (kommuner eller ett "
                    "område med kommuner) i gruppen eller aktiviteten",
                )
            return [(*unit_structure(code, kommun=k), spec) for k in places]
        if region is None and serves:
            return [(*unit_structure(code, kommun=serves[0]), spec)]
        if region is None:
            raise ctx.fail(
                rec,
                what,
                f"{code} är en regional verksamhet men ingen region anges",
                "Lägg till 'region: …' överst i filen",
            )
        return [(*unit_structure(code, region=region), spec)]
    # not a party code: a kommun or region by name
    try:
        r = find_region(code)
        return [(region_id(r), region_structure(r), spec)]
    except LokgraphError:
        pass
    if code in ctx.groups and ctx.groups[code]:
        return [(ctx.groups[code], Structure(), spec)]
    try:
        k = find_kommun(code)
    except LokgraphError as err:
        codes = ", ".join(sorted(PARTIES))
        hint = (
            f"; menade du {err.suggestions[0]!r}"
            if isinstance(err, UnknownNameError) and err.suggestions
            else ""
        )
        raise ctx.fail(
            rec,
            what,
            f"{code!r} är varken en partkod eller en kommun eller region",
            f"Använd en partkod ({codes}) eller namnet på en kommun eller region" + hint,
        ) from err
    return [(kommun_id(k), kommun_structure(k), spec)]
