"""Canonical nodes for the things every source names: kommuner, regions, län, units, LÖKs.

Every loader makes these through the functions here, so "BUP" in a survey and "BUP" in a
curated file become the same node, and importing twice never duplicates anything.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from .codes import AREA_NAMES, PARTIES
from .ids import make_id, slug
from .models import Agreement, Area, Evidence, Principal, Relationship, Structure, Unit
from .reference import Kommun, Region, find_kommun, find_region, kommuner, region_for_kommun

__all__ = [
    "agreement_id",
    "agreement_structure",
    "group_id",
    "kommun_id",
    "kommun_structure",
    "lan_area_id",
    "principal_for_party",
    "region_id",
    "region_structure",
    "unit_id",
    "unit_structure",
]


def kommun_id(kommun: Kommun) -> str:
    """A kommun is known by its name, which is unique in Sweden.

    >>> kommun_id(find_kommun("Malung-Sälen"))
    'kommun:malung-salen'
    """
    return "kommun:" + _place_key(kommun.name)


def _place_key(name: str) -> str:
    """The slug of a kommun's name, with the kommunkod where two names fold alike (Håbo, Habo).

    >>> _place_key("Håbo"), _place_key("Habo"), _place_key("Region Dalarna")
    ('habo-0305', 'habo-0643', 'region-dalarna')
    """
    key = slug(name)
    if _folded_twins().get(key, 0) > 1:
        return f"{key}-{find_kommun(name).kommunkod}"
    return key


@cache
def _folded_twins() -> dict[str, int]:
    return dict(Counter(slug(k.name) for k in kommuner()))


def region_id(region: Region) -> str:
    """A region is known by its official name.

    >>> region_id(find_region("20"))
    'region:region-dalarna'
    """
    return make_id("region", region.name)


def lan_area_id(region: Region) -> str:
    return make_id("area", region.lan)


def unit_id(owner_id: str, party: str) -> str:
    """A unit is known by its huvudman and its party code.

    >>> unit_id("region:region-dalarna", "BUP")
    'unit:region-dalarna:bup'
    """
    return "unit:" + owner_id.split(":", 1)[1] + ":" + slug(party)


def group_id(kommun: str | None, group_type: str, name: str | None = None) -> str:
    """A group is known by whose it is, its type and, when it has one, its name."""
    scope = _place_key(kommun) if kommun else "okand"
    named = slug(name) if name and slug(name) != slug(group_type) else ""
    return ":".join(p for p in ("group", scope, slug(group_type), named) if p)


def agreement_id(kind: str, owner: str, area: str) -> str:
    """An agreement is known by its kind, its owner and its area.

    >>> agreement_id("LOK", "Leksand", "barn_unga")
    'agreement:lok:leksand:barn-unga'
    """
    return ":".join(("agreement", kind.lower(), _place_key(owner), slug(area)))


@cache
def region_structure(region: Region) -> Structure:
    """The region, its län as an Area, and the region placed in it (built once per region)."""
    area = Area(id=lan_area_id(region), name=region.lan, kind="lan")
    node = Principal(id=region_id(region), name=region.name, kind="region", lan_kod=region.lan_kod)
    return Structure(
        nodes=(area, node),
        relationships=(Relationship(type="IN_AREA", source=node.id, target=area.id),),
    )


@cache
def kommun_structure(kommun: Kommun) -> Structure:
    """The kommun, in its län, and its region (whose units serve it); built once per kommun.

    The records are frozen, so every fact about a kommun can share them.
    """
    region = region_for_kommun(kommun)
    node = Principal(
        id=kommun_id(kommun),
        name=kommun.name,
        kind="kommun",
        kommunkod=kommun.kommunkod,
        lan_kod=kommun.lan_kod,
    )
    return region_structure(region) + Structure(
        nodes=(node,),
        relationships=(Relationship(type="IN_AREA", source=node.id, target=lan_area_id(region)),),
    )


def principal_for_party(party: str, kommun: Kommun | None, region: Region | None) -> str | None:
    """The id of the huvudman that owns a party's unit where a text names it.

    A kommun's school is that kommun's; BUP serving a kommun is its region's.
    """
    owner = PARTIES[party].huvudman
    if owner == "kommun":
        return kommun_id(kommun) if kommun else None
    if region is None and kommun is not None:
        region = region_for_kommun(kommun)
    return region_id(region) if region else None


def unit_structure(
    party: str,
    *,
    kommun: Kommun | str | None = None,
    region: Region | str | None = None,
    evidence: tuple[Evidence, ...] = (),
) -> tuple[str, Structure]:
    """The unit of a party, owned by the kommun's or region's huvudman, with PART_OF.

    Returns the unit id and the nodes to add (unit, owner and its geography).
    """
    k = find_kommun(kommun) if isinstance(kommun, str) else kommun
    r = find_region(region) if isinstance(region, str) else region
    if r is None and k is not None:
        r = region_for_kommun(k)
    uid, base = _unit_reference(party, k, r)
    if not evidence:
        return uid, base
    unit = Unit(**{**dict(base.nodes[-1]), "evidence": evidence})
    return uid, Structure(nodes=base.nodes[:-1] + (unit,), relationships=base.relationships)


@cache
def _unit_reference(party: str, k: Kommun | None, r: Region | None) -> tuple[str, Structure]:
    """The unit with its owner and geography and no evidence: built once per party and place
    and shared by every fact that names it (the records are frozen)."""
    owner = principal_for_party(party, k, r)
    if owner is None:
        raise ValueError(f"cannot place party {party}: no kommun or region given")
    info = PARTIES[party]
    if info.huvudman == "kommun":
        assert k is not None
        owner_name, base = k.name, kommun_structure(k)
    else:
        assert r is not None
        owner_name, base = r.name, region_structure(r)
    uid = unit_id(owner, party)
    unit = Unit(id=uid, name=f"{info.name} ({owner_name})", party=party, care_level=info.care_level)
    return uid, base + Structure(
        nodes=(unit,),
        relationships=(Relationship(type="PART_OF", source=uid, target=owner),),
    )


def agreement_structure(
    kommun: Kommun,
    area: str = "barn_unga",
    status: str | None = None,
    *,
    deviation_reporting: str | None = None,
    evidence: tuple[Evidence, ...] = (),
) -> tuple[str, Structure]:
    """A kommun's LÖK for an area, with the kommun and its region as parties, implementing the
    region's RÖK for the same area (a node with no status until a source says more)."""
    lok_id, base = _agreement_reference(kommun, area)
    if status is None and deviation_reporting is None and not evidence:
        return lok_id, base
    stated = {"status": status, "deviation_reporting": deviation_reporting, "evidence": evidence}
    lok = Agreement(**{**dict(base.nodes[-2]), **stated})
    return lok_id, Structure(
        nodes=base.nodes[:-2] + (lok, base.nodes[-1]), relationships=base.relationships
    )


@cache
def _agreement_reference(kommun: Kommun, area: str) -> tuple[str, Structure]:
    """The LÖK and RÖK of a kommun and area as they are named, without status or evidence:
    built once per kommun and area and shared by every fact that names them."""
    region = region_for_kommun(kommun)
    area_words = AREA_NAMES[area]
    lok = Agreement(
        id=agreement_id("LOK", kommun.name, area),
        name=f"LÖK {kommun.name} ({area_words})",
        kind="LOK",
        area=area,
    )
    rok = Agreement(
        id=agreement_id("ROK", region.name, area),
        name=f"RÖK {region.name} ({area_words})",
        kind="ROK",
        area=area,
    )
    rels = (
        Relationship(type="PARTY_TO", source=kommun_id(kommun), target=lok.id),
        Relationship(type="PARTY_TO", source=region_id(region), target=lok.id),
        Relationship(type="IMPLEMENTS", source=lok.id, target=rok.id),
    )
    return lok.id, kommun_structure(kommun) + Structure(nodes=(lok, rok), relationships=rels)
