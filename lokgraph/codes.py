"""The controlled vocabularies of the schema: party codes, levels, group types, statuses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "AGREEMENT_AREAS",
    "AREA_NAMES",
    "AGREEMENT_STATUSES",
    "CARE_LEVELS",
    "DEVIATION_LEVELS",
    "GROUP_TYPES",
    "LEVELS",
    "PARTIES",
    "SPECIALIST_PARTIES",
    "Party",
    "default_level",
]

Level = Literal["politisk", "strategisk", "operativ", "individ"]
LEVELS: tuple[str, ...] = ("politisk", "strategisk", "operativ", "individ")
CARE_LEVELS: tuple[str, ...] = ("bas", "forsta_linjen", "specialist")
AGREEMENT_AREAS: tuple[str, ...] = ("barn_unga", "missbruk", "psykisk_funktionsnedsattning")
AREA_NAMES: dict[str, str] = {
    "barn_unga": "barn och unga",
    "missbruk": "missbruk och beroende",
    "psykisk_funktionsnedsattning": "psykisk funktionsnedsättning",
}
AGREEMENT_STATUSES: tuple[str, ...] = (
    "in_force",
    "in_progress",
    "under_revision",
    "none",
    "unknown",
)
DEVIATION_LEVELS: tuple[str, ...] = ("none", "few", "some")


@dataclass(frozen=True)
class Party:
    """A kind of service unit, as GLOSSARY.md fixes it.

    `huvudman` says whose unit it is when a text names the party without its owner: a region's
    BUP, a kommun's elevhälsa. "joint" and "varies" units are placed with the region, where
    GLOSSARY.md says they are most often run.
    """

    code: str
    name: str
    huvudman: Literal["kommun", "region"]
    care_level: str | None


PARTIES: dict[str, Party] = {
    p.code: p
    for p in (
        Party("BUP", "Barn- och ungdomspsykiatri", "region", "specialist"),
        Party("HAB", "Habilitering", "region", "specialist"),
        Party("OPPENPSYKIATRI", "Öppenpsykiatri", "region", "specialist"),
        Party("SLUTENVARD", "Slutenvård", "region", "specialist"),
        Party("VARDCENTRAL", "Vårdcentral", "region", "forsta_linjen"),
        Party("UM", "Ungdomsmottagning", "region", "forsta_linjen"),
        Party("SAMTALSMOTTAGNING", "Samtalsmottagning", "region", "forsta_linjen"),
        Party("FAMILJECENTRAL", "Familjecentral", "region", "bas"),
        Party("BVC", "Barnhälsovård", "region", "bas"),
        Party("MVC", "Mödrahälsovård", "region", "bas"),
        Party("ELEVHALSA", "Elevhälsa", "kommun", "bas"),
        Party("SKOLA", "Skola", "kommun", "bas"),
        Party("FORSKOLA", "Förskola", "kommun", "bas"),
        Party("SOCIALTJANST", "Socialtjänst", "kommun", "forsta_linjen"),
        Party("LSS", "LSS-verksamhet", "kommun", None),
        Party("VARD_OCH_OMSORG", "Vård och omsorg", "kommun", None),
        Party("SPECIALIST", "Specialistvården", "region", "specialist"),
    )
}

SPECIALIST_PARTIES: tuple[str, ...] = ("BUP", "HAB")

GROUP_TYPES: dict[str, str | None] = {
    "polsam": "politisk",
    "politisk_samverkan": "politisk",
    "kommunalt_forum": "politisk",
    "styrgrupp": "strategisk",
    "ledningsgrupp": "strategisk",
    "strategigrupp": "strategisk",
    "chefsgrupp": "strategisk",
    "reko": "strategisk",
    "arbetsgrupp": "operativ",
    "samverkansgrupp": "operativ",
    "beredningsgrupp": "operativ",
    "partssamverkan": "operativ",
    "lansdelsgrupp": "operativ",
    "narsjukvardsgrupp": "operativ",
    "konsultationsteam": "individ",
    "barnhalsoteam": "individ",
    "beh": "individ",
    "sambu": "individ",
    "trio": "individ",
    "elof": "individ",
    "lovis": "individ",
    "sip_samverkan": "individ",
    "familjecentral": "individ",
    "natverk": "operativ",
    "samverkan": None,
}


def default_level(group_type: str) -> str | None:
    """The collaboration level a group type has unless a source says otherwise.

    >>> default_level("styrgrupp")
    'strategisk'
    >>> default_level("okand") is None
    True
    """
    return GROUP_TYPES.get(group_type)
