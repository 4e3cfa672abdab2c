"""The gap queries by name, with their Swedish titles and descriptions, in report order.

Plain data, so that `lokgraph query --list` prints it without loading networkx or pydantic;
`queries.registry` joins each entry to its function and its Cypher twin.

>>> [entry.name for entry in CATALOG][:2]
['missing_specialist', 'lok_status']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CATALOG", "QueryText"]


@dataclass(frozen=True)
class QueryText:
    """What a planner reads about one gap query."""

    name: str
    title_sv: str
    description_sv: str
    short_sv: str  # a column heading in the summary of `lokgraph gaps`


CATALOG: tuple[QueryText, ...] = (
    QueryText(
        "missing_specialist",
        "Specialistnivån saknas",
        "Kommuner där BUP, HAB eller specialistnivån inte är med i någon grupp för kommunen "
        "och inte är part i LÖK för barn och unga; rapporterat saknad eller inte registrerad.",
        "specialist",
    ),
    QueryText(
        "lok_status",
        "LÖK saknas eller gäller inte",
        "Kommuner vars LÖK per område saknas, tas fram, revideras eller har okänd status, "
        "och LÖK:ar som gäller längre än den RÖK de bygger på.",
        "LÖK",
    ),
    QueryText(
        "ungoverned_group",
        "Grupp utan styrning",
        "Grupper på operativ nivå och individnivå som inte rapporterar, direkt eller via "
        "andra grupper, till någon grupp på strategisk nivå.",
        "styrning",
    ),
    QueryText(
        "missing_level",
        "Nivå saknas",
        "Kommuner utan grupp på strategisk nivå, operativ nivå eller individnivå.",
        "nivå",
    ),
    QueryText(
        "no_answer",
        "Inget enkätsvar",
        "Kommuner som fick en enkät men inte svarade på den.",
        "svar",
    ),
    QueryText(
        "single_bridge",
        "Enda länken till specialistnivån",
        "Grupper och verksamheter som är kommunens enda väg till specialistnivån: utan dem "
        "når ingen av kommunens grupper någon verksamhet på specialistnivå.",
        "enda länk",
    ),
    QueryText(
        "hard_to_engage",
        "Svåra att få med",
        "Parter som rapporteras saknas eller vara svåra att få med i minst två kommuner, "
        "flest kommuner först.",
        "svåra",
    ),
)
