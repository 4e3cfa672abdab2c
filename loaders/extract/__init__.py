"""Rule-based extraction of facts (groups, members, absences, LÖK status) from Swedish answers.

The extractor reads free text sentence by sentence with regular expressions built from
``loaders/vocabulary.yaml`` (no model, no download). Every fact keeps the original sentence as
its quote; sentences that no rule places become ``unplaced`` facts.

How a sentence is read:

- **Entities**: party words (BUP, socialförvaltningen …), group words (styrgrupp, SAMBU-team …)
  and kommun names. Overlaps are resolved by the earliest, then the most specific match, so
  "partssamverkansgruppen" is a Partssamverkan and not a samverkansgrupp, and party words
  inside a group's name ("Styrgrupp Familjecentral 0-5 år") are not parties.
- **Clauses**: a sentence is cut at commas and at words like "men", "där", "eftersom"; a
  comma piece that is only a list of parties stays with its neighbour, so "BUP, HAB och LSS"
  is one clause.
- **Absence first**: a party in a clause with an absence phrase ("har inte deltagit",
  "svårt att få med", "avsaknad av" …, or a negated member word: "ingår inte") is absent, with
  the phrase's reason, and never a member from that sentence. A negated phrase ("det är inte
  svårt att få med", "deltar inte bara … utan även") is none. "utan" makes only the list right
  after it absent ("arbetar utan BUP och HAB", but not "utan även HAB").
- **Members**: when the sentence has a member word outside absence phrases ("med
  representanter från", "där ingår", "består av", "sitter med i" …), its other parties are
  members, except one after a subordinate clause opener ("deltar i utbildningar som BUP
  håller"); ``partial`` when their clause says "en gång i månaden", "vid behov" … ("rektor och
  vid behov BUP": only what follows the cue). A list right after a group and "med", "finns",
  a colon or a dash ("en styrgrupp med socialchef, skolchef och vårdcentralens chef",
  "Styrgrupp: …"), and items one a line after "Styrgruppen består av:", are the group's
  members without a member word. A person stands for the party named with it ("verksamhetschef
  på BUP", "vårdcentralens chef"). A party word used as a place or a topic ("i skolan",
  "remisser till BUP", "BUP:s väntetider") is no member. A member word after a wish ("BUP
  borde delta") is an absence (needed). A bare "kommunen" is the answer's own kommun
  (``member_kommun``); a bare "regionen" is no unit and gives no fact. "Specialistvården"
  (SPECIALIST) is dropped when the same sentence names BUP, HAB or another specialist unit.
  Weak member words ("samlar", "möts", "rymmer", "samverkar" …) count only in a sentence
  that names a group, not with a particle ("samlar in") and not for a party after "att"/"om"
  that follows the group ("Styrgruppen ansvarar för att IFO och BUP samverkar"). A genitive
  before a unit word (``members.units``: "IFO:s mottagningsgrupp", "BUP:s öppenvård",
  "socialtjänstens förebyggande enhet") is the party, not a topic. A familjecentral named as
  a place where two or more services work ("på familjecentralen arbetar …", "familjecentralen
  där … finns", "samlokaliserad med …", ``members.colocation``) is a group of type
  familjecentral and the services are its members. A line that opens with a bare group word
  and a short name before a colon ("Arbetsgrupp tidiga insatser: IFO, EHT") lists members.
- **Target**: the group named in the sentence (the one after "sitter med i", else the one
  before the party, else the first one), else the agreement when the sentence names it (LÖK,
  överenskommelse) or the answer is to Q1, else the last group named earlier in the same
  answer, else none (a Q4 complaint "svårt att få med BUP" may have no group).
  Parties in brackets right after a group ("Ledningsgruppen (socialchef, skolchef)") are its
  members without a member word.
- **Groups**: type from the vocabulary, level from the nearest level word in the sentence,
  else from a heading line ("Strategiskt"), else the type's default; a name when words follow
  the group word ("Styrgrupp God och nära vård"); ``governed_by`` from phrases like "får
  uppdrag från", "har gett … i uppdrag", "kopplat till", and "Under den finns …" for the
  group of the sentence before.
- **LÖK status** (Q1 answers, or any sentence naming the agreement when the question is not
  known): strong phrases win over weak ones ("finns") in a sentence; negated ones flip to
  ``none``, planned ones ("kommer … att") count not. Per answer: revision, or an old agreement
  plus a new one in progress, is ``under_revision``; then in progress, in force, none.
- **Deviation reporting** (Q5, or sentences on avvikelser when the question is not known):
  the first phrase of the answer decides none, few or some.
- **Real-text membership** (documents; the settled conventions of tests/realtext/README.md):
  the sides of an agreement, the scope of an audit and general statements give no member
  (``sides.py``, ``membership._aimed``); suspended compounds name each party ("skol- och
  socialchefer", ``suspended.py``); compounds on -grupp, -team, -nätverk, -forum, -råd are
  groups, with a level from a first part like "chefs-" (``compounds.py``); a family centre's
  services, and a place's, are its members (``colocation.py``), but not in a definition of
  family centres in general; examples of who meets before a group is formed, and a SIP
  meeting that someone takes part in, give the meeting's members (``examples.py``,
  ``meetings.py``); the lists of these passes are ``Vocabulary.extra`` (``vocab_extra.py``).

Speed (the prefilter, ``triggers.py``): a list's terms are looked up by their anchors among
the sentence's words, so a list yields only the terms that can match (`candidates`); and a
pass that finds nothing without a term of certain vocabulary lists says so with
``@triggered_by("list", …, empty=…)`` (fields of `Vocabulary` or ``grammar.…``, never words
typed in code): it is skipped on a sentence without them. A pass without the decorator always
runs. ``tests/test_extract_prefilter.py`` extracts every real-text set, the held-out sets,
the Dalarna survey and a synthetic survey with the prefilter off (`triggers.prefilter_off`)
and on and asserts the same facts; a cache of pass results registers itself with
`triggers.forget_with_prefilter` so the two runs share nothing.
"""

from __future__ import annotations

from .facts import extract_answers, extract_text
from .sentences import Sentence, split_sentences
from .terms import Term
from .vocabulary import Vocabulary, load_vocabulary

__all__ = [
    "Vocabulary",
    "Term",
    "load_vocabulary",
    "extract_answers",
    "extract_text",
    "split_sentences",
    "Sentence",
]
