"""Curated structure files: a YAML description of areas, groups, agreements and activities.

A planner who knows a structure writes it down by hand (the format is documented in
`docs/structure-format.md`, with the bundled examples in `lokgraph/examples/`). Every record
keeps the file and line it came from, so an error says exactly where to look and what to write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from lokgraph.codes import PARTIES, default_level
from lokgraph.entities import (
    agreement_id,
    group_id,
    kommun_id,
    kommun_structure,
    region_id,
    region_structure,
    unit_structure,
)
from lokgraph.errors import InputError, LokgraphError, UnknownNameError
from lokgraph.from_facts import source_id
from lokgraph.ids import make_id
from lokgraph.models import (
    Activity,
    Agreement,
    Area,
    Evidence,
    Group,
    Relationship,
    Source,
    Structure,
)
from lokgraph.reference import Kommun, Region, find_kommun, find_region, kommuner_in_lan

from .safe_yaml import BoundedLoader, check_size, load_yaml
from .sv_errors import sv_validation_message, sv_yaml_problem

__all__ = ["load_structure_file", "TOP_LEVEL_KEYS"]

TOP_LEVEL_KEYS = ("source", "region", "areas", "groups", "agreements", "activities")
_LINE = "__line__"


class _LineLoader(BoundedLoader):
    """A safe, bounded loader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class _Context:
    """The file being read: where errors point, and the names records refer to."""

    def __init__(self, path: Path, region: Region | None) -> None:
        self.path = path
        self.region = region
        self.areas: dict[str, tuple[str, tuple[Kommun, ...]]] = {}
        self.groups: dict[str, str] = {}
        self.group_serves: dict[str, tuple[Kommun, ...]] = {}
        self.source_id = source_id(str(path))

    def where(self, record: dict | None, what: str) -> str:
        line = record.get(_LINE) if isinstance(record, dict) else None
        return f"{self.path}, rad {line} ({what})" if line else f"{self.path} ({what})"

    def fail(self, record: dict | None, what: str, problem: str, fix: str) -> InputError:
        return InputError(problem, where=self.where(record, what), fix=fix)

    def evidence(self, record: dict) -> tuple[Evidence, ...]:
        quote = record.get("quote", "")
        return (
            Evidence(
                source=self.source_id,
                quote=str(quote),
                page=str(record["page"]) if "page" in record else None,
            ),
        )


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


def _items(ctx: _Context, doc: dict, key: str) -> list[dict]:
    value = doc.get(key) or []
    if not isinstance(value, list):
        raise InputError(
            f"{key} är inte en lista",
            where=str(ctx.path),
            fix=f"Skriv varje post under {key} som '- name: …'",
        )
    for i, rec in enumerate(value):
        if not isinstance(rec, dict):
            raise InputError(
                f"{key}[{i}] ska vara en post med nycklar, inte {rec!r}",
                where=str(ctx.path),
                fix="Ge varje post sina nycklar, till exempel '- name: …'",
            )
    return value


def _name(ctx: _Context, rec: dict, what: str) -> str:
    name = rec.get("name")
    if not name:
        raise ctx.fail(rec, what, "en post utan namn", "Lägg till 'name: …'")
    return str(name)


def _check_keys(ctx: _Context, rec: dict, what: str, allowed: set[str]) -> None:
    extra = sorted(set(rec) - allowed - {_LINE})
    if extra:
        raise ctx.fail(
            rec,
            what,
            f"okänt fält {extra[0]!r}",
            "Använd bara " + ", ".join(sorted(allowed)),
        )


def _model(ctx: _Context, rec: dict, what: str, cls: type, **fields: Any) -> Any:
    try:
        return cls(**fields)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "post"
        raise ctx.fail(
            rec,
            f"{what}.{field}",
            sv_validation_message(first),
            "Rätta värdet; docs/structure-format.md visar vad varje fält tar",
        ) from err


def _source(ctx: _Context, rec: dict) -> Structure:
    _check_keys(ctx, rec, "source", {"title", "kind", "date", "url"})
    date = rec.get("date")
    node = _model(
        ctx,
        rec,
        "source",
        Source,
        id=ctx.source_id,
        name=str(rec.get("title") or ctx.path.name),
        kind=rec.get("kind", "structure"),
        date=date.isoformat() if isinstance(date, dt.date) else date,
        path=ctx.path.name,
    )
    return Structure(nodes=(node,))


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


def _area(ctx: _Context, rec: dict, what: str) -> Structure:
    _check_keys(ctx, rec, what, {"name", "kind", "within", "kommuner", "quote", "page"})
    name = _name(ctx, rec, what)
    area_id = make_id("area", name)
    area = _model(ctx, rec, what, Area, id=area_id, name=name, kind=rec.get("kind", "omrade"))
    members = _kommuner(ctx, rec.get("kommuner"), rec, f"{what}.kommuner")
    ctx.areas[name] = (area_id, members)
    s = Structure(nodes=(area,))
    if rec.get("within"):
        parent = ctx.areas.get(str(rec["within"]))
        if parent is None:
            raise ctx.fail(
                rec,
                f"{what}.within",
                f"inget område ovanför heter {rec['within']!r}",
                "Skriv det omgivande området först",
            )
        s += Structure(
            relationships=(Relationship(type="IN_AREA", source=area_id, target=parent[0]),)
        )
    for k in members:
        s += kommun_structure(k) + Structure(
            relationships=(Relationship(type="IN_AREA", source=kommun_id(k), target=area_id),)
        )
    return s


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


def _group(ctx: _Context, rec: dict, what: str) -> Structure:
    _check_keys(
        ctx,
        rec,
        what,
        {"name", "type", "level", "serves", "members", "absent", "reports_to", "quote", "page"},
    )
    name = _name(ctx, rec, what)
    serves = _kommuner(ctx, rec.get("serves"), rec, f"{what}.serves")
    group_type = str(rec.get("type") or "")
    if not group_type:
        raise ctx.fail(rec, what, "en grupp utan typ", "Lägg till 'type: styrgrupp' eller liknande")
    scope = serves[0].name if len(serves) == 1 else (ctx.region.name if ctx.region else "")
    gid = group_id(scope or None, group_type, name)
    ctx.groups[name] = gid
    ctx.group_serves[name] = serves
    level = rec.get("level") or default_level(group_type)
    group = _model(
        ctx,
        rec,
        what,
        Group,
        id=gid,
        name=name,
        group_type=group_type,
        level=level,
        evidence=ctx.evidence(rec),
    )
    s = Structure(nodes=(group,))
    for k in serves:
        s += kommun_structure(k) + Structure(
            relationships=(Relationship(type="SERVES", source=gid, target=kommun_id(k)),)
        )
    for j, item in enumerate(rec.get("members") or []):
        for node_id, extra, spec in _party_ref(ctx, item, rec, f"{what}.members[{j}]", serves):
            s += extra + Structure(
                relationships=(
                    Relationship(
                        type="MEMBER_OF",
                        source=node_id,
                        target=gid,
                        partial=True if spec.get("partial") else None,
                        evidence=ctx.evidence(spec) if spec.get("quote") else (),
                    ),
                )
            )
    for j, item in enumerate(rec.get("absent") or []):
        for node_id, extra, spec in _party_ref(ctx, item, rec, f"{what}.absent[{j}]", serves):
            if not node_id.startswith("unit:"):
                raise ctx.fail(
                    rec,
                    f"{what}.absent[{j}]",
                    "bara en verksamhet kan saknas",
                    "Ange en partkod, till exempel BUP",
                )
            s += extra + Structure(
                relationships=(
                    Relationship(
                        type="ABSENT_FROM",
                        source=node_id,
                        target=gid,
                        reason=str(spec.get("reason") or "missing"),
                        evidence=ctx.evidence(spec),
                    ),
                )
            )
    return s


def _governance(ctx: _Context, rec: dict, what: str) -> Structure:
    parent = rec.get("reports_to")
    if not parent:
        return Structure()
    target = ctx.groups.get(str(parent))
    if not target:
        raise ctx.fail(
            rec,
            f"{what}.reports_to",
            f"ingen grupp i filen heter {parent!r}",
            "Skriv gruppens namn exakt som det står under groups",
        )
    source = ctx.groups[_name(ctx, rec, what)]
    return Structure(relationships=(Relationship(type="REPORTS_TO", source=source, target=target),))


def _agreement(ctx: _Context, rec: dict, what: str) -> tuple[Structure, str]:
    _check_keys(
        ctx,
        rec,
        what,
        {
            "name",
            "kind",
            "area",
            "status",
            "valid_from",
            "valid_to",
            "kommun",
            "parties",
            "implements",
            "quote",
            "page",
        },
    )
    name = _name(ctx, rec, what)
    kind = str(rec.get("kind", "")).upper().replace("Ö", "O")
    area = rec.get("area", "barn_unga")
    s = Structure()
    if kind == "LOK":
        if not rec.get("kommun"):
            raise ctx.fail(rec, what, "en LÖK utan kommun", "Lägg till 'kommun: …'")
        k = _kommun(ctx, rec["kommun"], rec, f"{what}.kommun")
        aid = agreement_id("LOK", k.name, str(area))
        s += kommun_structure(k) + Structure(
            relationships=(Relationship(type="PARTY_TO", source=kommun_id(k), target=aid),)
        )
    elif kind == "ROK":
        if ctx.region is None:
            raise ctx.fail(rec, what, "en RÖK kräver filens region", "Lägg till 'region: …' överst")
        aid = agreement_id("ROK", ctx.region.name, str(area))
    else:
        raise ctx.fail(
            rec,
            f"{what}.kind",
            f"kind ska vara ROK eller LOK, inte {rec.get('kind')!r}",
            "Skriv 'kind: ROK' eller 'kind: LOK'",
        )
    agreement = _model(
        ctx,
        rec,
        what,
        Agreement,
        id=aid,
        name=name,
        kind=kind,
        area=area,
        status=rec.get("status"),
        valid_from=rec.get("valid_from"),
        valid_to=rec.get("valid_to"),
        evidence=ctx.evidence(rec),
    )
    s = Structure(nodes=(agreement,)) + s
    for j, item in enumerate(rec.get("parties") or []):
        if item == "all":
            refs: list[tuple[str, Structure, dict]] = [
                (kommun_id(k), kommun_structure(k), {})
                for k in _kommuner(ctx, "all", rec, f"{what}.parties[{j}]")
            ]
        elif isinstance(item, str) and item in ctx.areas:
            refs = [(kommun_id(k), kommun_structure(k), {}) for k in ctx.areas[item][1]]
        else:
            refs = _party_ref(ctx, item, rec, f"{what}.parties[{j}]", ())
        for node_id, extra, _spec in refs:
            s += extra + Structure(
                relationships=(Relationship(type="PARTY_TO", source=node_id, target=aid),)
            )
    return s, aid


def _activity(ctx: _Context, rec: dict, what: str) -> Structure:
    _check_keys(
        ctx,
        rec,
        what,
        {
            "name",
            "focus_area",
            "timeline",
            "responsible",
            "followed_up_by",
            "serves",
            "quote",
            "page",
        },
    )
    name = _name(ctx, rec, what)
    aid = make_id("activity", ctx.path.stem, name)
    activity = _model(
        ctx,
        rec,
        what,
        Activity,
        id=aid,
        name=name,
        focus_area=rec.get("focus_area"),
        timeline=rec.get("timeline"),
        evidence=ctx.evidence(rec),
    )
    s = Structure(nodes=(activity,))
    # a kommun's service named without its kommun: the activity's own kommuner, else those of
    # the group that follows it up
    serves = _kommuner(ctx, rec.get("serves"), rec, f"{what}.serves") or ctx.group_serves.get(
        str(rec.get("followed_up_by")), ()
    )
    for j, item in enumerate(rec.get("responsible") or []):
        for node_id, extra, _spec in _party_ref(ctx, item, rec, f"{what}.responsible[{j}]", serves):
            s += extra + Structure(
                relationships=(Relationship(type="RESPONSIBLE_FOR", source=node_id, target=aid),)
            )
    follow = rec.get("followed_up_by")
    if follow:
        gid = ctx.groups.get(str(follow))
        if not gid:
            raise ctx.fail(
                rec,
                f"{what}.followed_up_by",
                f"ingen grupp i filen heter {follow!r}",
                "Skriv gruppens namn exakt som det står under groups",
            )
        s += Structure(relationships=(Relationship(type="FOLLOWED_UP_BY", source=aid, target=gid),))
    return s
