"""Curated structure files: the nodes and relationships each kind of record builds."""

from __future__ import annotations

import datetime as dt

from lokgraph.codes import default_level
from lokgraph.entities import agreement_id, group_id, kommun_id, kommun_structure
from lokgraph.ids import make_id
from lokgraph.models import Activity, Agreement, Area, Group, Relationship, Source, Structure

from .curated_parties import _kommun, _kommuner, _party_ref
from .curated_records import _check_keys, _Context, _model, _name


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
