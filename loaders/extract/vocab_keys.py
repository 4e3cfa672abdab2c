"""The headings of the vocabulary YAML that `vocab_extra` reads into `ExtraWords`, per section
(`loaders.extract.sections` checks them at load).

>>> "leader_cues" in EXTRA_MEMBER_KEYS and "agendas" in EXTRA_AGREEMENT_KEYS
True
"""

from __future__ import annotations

__all__ = ["EXTRA_AGREEMENT_KEYS", "EXTRA_COMPOUND_KEYS", "EXTRA_MEMBER_KEYS", "EXTRA_SECTIONS"]

#: headings under ``members:`` read into `ExtraWords`
EXTRA_MEMBER_KEYS = (
    "side_documents",
    "side_work",
    "group_references",
    "other_actors",
    "genitive_from",
    "formed_words",
    "meeting_groups",
    "casework_cues",
    "casework_sip",
    "political_parties",
    "place_determiners",
    "definitions",
    "projects",
    "place_irrealis",
    "colocation_breaks",
    "board_heads",
    "roster_roles",
    "place_pronouns",
    "speech_verbs",
    "unit_prepositions",
    "topic_verbs",
    "place_generic_lead",
    "place_generic_stem",
    "place_stems",
    "place_group_types",
    "place_plans",
    "place_modals",
    "place_start_verbs",
    "place_start_not_before",
    "place_exists",
    "place_exists_finns",
    "place_elsewhere",
    "place_joint",
    "centre_services",
    "joint_words",
    "joint_adjectives",
    "joint_works",
    "collaboration_verbs",
    "collaboration_nouns",
    "collaboration_stems",
    "joint_heads",
    "collaboration_having",
    "joint_modals",
    "joint_topics",
    "joint_articles",
    "notes_words",
    "role_receivers",
    "meeting_verbs",
    "meeting_words",
    "centre_staff",
    "centre_future",
    "place_parts",
    "group_ended",
    "group_ended_finns",
    "group_ended_new",
    "informant_cues",
    "informant_sources",
    "leader_cues",
    "basis_words",
    "group_plan_words",
    "group_start_verbs",
    "group_plan_practice",
)
#: headings under ``agreement:`` read into `ExtraWords` (``contract_frames`` into the agreement
#: words, `loaders.extract.contracts`)
EXTRA_AGREEMENT_KEYS = (
    "generic_plurals",
    "contract_frames",
    "agendas",
    "durations",
    "topic_openers",
    "presupposition",
    "side_prepositions",
    "plans",
    "fronted_openers",
    "plan_modals",
    "making_verbs",
    "making_present",
    "fronted_clauses",
    "validity_labels",
)
#: top-level headings read into `ExtraWords`
EXTRA_SECTIONS: dict[str, tuple[str, ...]] = {"group_levels": ()}
#: headings under ``group_compounds:`` read into `ExtraWords`
EXTRA_COMPOUND_KEYS = ("prefix_levels", "prefix_types", "network_heads", "network_types", "phrases")
