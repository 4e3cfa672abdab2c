"""The bad-input battery (issue 16): hostile, huge, corrupt and mistaken input to every loader,
the store and the command line's options, through the installed console script.

Every case asserts the exit code, one Swedish paragraph on stderr without a traceback, that
the store is byte-identical afterwards, and that no temporary or lock file is left beside it.
The two size cases (a 5 MB text without a full stop, 100,000 short lines about one kommun)
must import, not fail; they guard against work that grows faster than the input.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import pytest

from lokgraph.graph import build_graph, merge
from lokgraph.store import FileStore, graph_to_json
from tests.cli_run import assert_clean_failure, lokgraph, snapshot
from tests.test_store_damage import DAMAGED

Content = bytes | str | Callable[[], bytes | str]


@dataclass(frozen=True)
class Case:
    """One bad input: the files it needs, the command, and what the message must name.

    In `args`, ``{store}`` is the good store's copy and ``{dir}`` the case's folder; with
    `store` set, that file of `files` is the store instead (a damaged one).
    """

    id: str
    args: tuple[str, ...]
    files: dict[str, Content] = field(default_factory=dict)
    mentions: tuple[str, ...] = ()
    code: int = 1
    env: dict[str, str] = field(default_factory=dict)
    store: str | None = None


# --- inputs to build the cases from -------------------------------------------------------

GOOD_YAML = """\
source:
  title: Testfil för trasig indata
  date: 2024-05-01
region: Region Dalarna
groups:
  - name: Styrgrupp Orsa
    type: styrgrupp
    serves: Orsa
    members: [SOCIALTJANST, BUP]
agreements:
  - name: LÖK barn och unga, Orsa
    kind: LOK
    kommun: Orsa
    area: barn_unga
    status: in_force
    valid_from: 2024-01-01
"""

FORMS_CSV = (
    "ID;Starttid;Namn;Vilken kommun gäller svaret?;Beskriv er samverkansstruktur\n"
    "1;2024-03-01;Anna Andersson;Orsa;Vi har en styrgrupp där BUP och elevhälsan deltar.\n"
)
GOOD_MAPPING = (
    "kommun: Vilken kommun gäller svaret?\nquestions:\n  Q2: Beskriv er samverkansstruktur\n"
)

DUMP_HEADER = (
    "\tKommun\n\t1. Har ni en lokal överenskommelse?\n\t2. Beskriv er samverkansstruktur\n"
)
LATIN1_STORE = (
    '{"edges": [], "format": "lokgraph-store", "nodes": [{"id": "kommun:malung-salen", '
    '"kind": "kommun", "label": "Principal", "name": "Malung-Sälen"}], "version": 1}'
)
REVIEW_HEADER = "\ufeffkind,kommun,party,group_type,level,status,quote,source\n"


def billion_laughs() -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
    return text


def _yaml(old: str, new: str) -> str:
    assert old in GOOD_YAML, old
    return GOOD_YAML.replace(old, new)


def _random(n: int, *, seed: int, keep_nul: bool) -> Callable[[], bytes]:
    def make() -> bytes:
        rng = random.Random(seed)
        drop = set() if keep_nul else {0, 0x81, 0x8D, 0x8F, 0x90, 0x9D}
        return bytes(b for b in rng.randbytes(n + n // 4) if b not in drop)[:n]

    return make


def _zip(members: dict[str, str]) -> Callable[[], bytes]:
    def make() -> bytes:
        buffer = BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, text in members.items():
                archive.writestr(name, text)
        return buffer.getvalue()

    return make


def _damaged_store(make_doc: Callable[[], dict]) -> Callable[[], str]:
    return lambda: json.dumps(make_doc(), ensure_ascii=False, indent=1)


def _imp(name: str, *extra: str) -> tuple[str, ...]:
    return ("import", "{dir}/" + name, "--store", "{store}", *extra)


# --- the cases ------------------------------------------------------------------------------

STRUCTURE = [
    Case(
        "yaml: billion laughs",
        _imp("bomb.yaml"),
        {"bomb.yaml": billion_laughs()},
        ("bomb.yaml, rad 5", "alias"),
    ),
    Case(
        "yaml: 10,000 nested lists",
        _imp("djup.yaml"),
        {"djup.yaml": "groups: " + "[" * 10_000 + "]" * 10_000 + "\n"},
        ("djup.yaml", "nivåer"),
    ),
    Case(
        "yaml: 300 nested mappings",
        _imp("djup.yaml"),
        {"djup.yaml": "".join("  " * i + f"k{i}:\n" for i in range(300))},
        ("nivåer",),
    ),
    Case(
        "yaml: a file of 3 MB",
        _imp("stor.yaml"),
        {"stor.yaml": lambda: GOOD_YAML + ("# kommentar\n" * 260_000)},
        ("stor.yaml", "MB"),
    ),
    Case(
        "yaml: valid_from 2025-13-45",
        _imp("datum.yaml"),
        {"datum.yaml": _yaml("2024-01-01", "2025-13-45")},
        ("rad 16 (valid_from)", "2025-13-45"),
    ),
    Case(
        "yaml: valid_from 2025-02-30",
        _imp("datum.yaml"),
        {"datum.yaml": _yaml("2024-01-01", "2025-02-30")},
        ("valid_from", "dag 30"),
    ),
    Case(
        "yaml: source date 2024-00-01",
        _imp("datum.yaml"),
        {"datum.yaml": _yaml("2024-05-01", "2024-00-01")},
        ("rad 3 (date)", "månad 0"),
    ),
    Case(
        "yaml: bad indentation",
        _imp("indrag.yaml"),
        {"indrag.yaml": _yaml("    type: styrgrupp", "   type: styrgrupp")},
        ("indrag.yaml", "rad"),
    ),
    Case(
        "yaml: tab indentation",
        _imp("tabb.yaml"),
        {"tabb.yaml": _yaml("    serves: Orsa", "\tserves: Orsa")},
        ("tabb.yaml",),
    ),
    Case(
        "yaml: unclosed bracket",
        _imp("klammer.yaml"),
        {"klammer.yaml": _yaml("[SOCIALTJANST, BUP]", "[SOCIALTJANST, BUP")},
        ("klammer.yaml",),
    ),
    Case(
        "yaml: top-level list",
        _imp("lista.yaml"),
        {"lista.yaml": "- Orsa\n- Mora\n"},
        ("lista.yaml", "groups"),
    ),
    Case("yaml: top-level text", _imp("text.yaml"), {"text.yaml": "hej hej\n"}, ("text.yaml",)),
    Case("yaml: empty file", _imp("tom.yaml"), {"tom.yaml": ""}, ("tom.yaml",)),
    Case(
        "yaml: only comments",
        _imp("kommentar.yaml"),
        {"kommentar.yaml": "# inget här\n"},
        ("kommentar.yaml",),
    ),
    Case(
        "yaml: unknown top-level key",
        _imp("nyckel.yaml"),
        {"nyckel.yaml": _yaml("groups:", "grupper:")},
        ("grupper",),
    ),
    Case(
        "yaml: unknown field in a group",
        _imp("falt.yaml"),
        {"falt.yaml": _yaml("members:", "medlemmar:")},
        ("medlemmar", "rad 6"),
    ),
    Case(
        "yaml: misspelt kommun",
        _imp("kommun.yaml"),
        {"kommun.yaml": _yaml("serves: Orsa", "serves: Orssa")},
        ("Orssa", "Orsa"),
    ),
    Case(
        "yaml: unknown party code",
        _imp("part.yaml"),
        {"part.yaml": _yaml("[SOCIALTJANST, BUP]", "[SOCIALTJANST, BUPP]")},
        ("BUPP",),
    ),
    Case(
        "yaml: unknown level",
        _imp("niva.yaml"),
        {"niva.yaml": _yaml("    type: styrgrupp\n", "    type: styrgrupp\n    level: taktisk\n")},
        ("taktisk",),
    ),
    Case(
        "yaml: valid_to before valid_from",
        _imp("ordning.yaml"),
        {
            "ordning.yaml": _yaml(
                "valid_from: 2024-01-01", "valid_from: 2024-01-01\n    valid_to: 2023-01-01"
            )
        },
        ("valid_to", "2023-01-01"),
    ),
    Case(
        "yaml: saved as latin-1",
        _imp("latin1.yaml"),
        {"latin1.yaml": lambda: GOOD_YAML.encode("latin-1")},
        ("latin1.yaml", "UTF-8"),
    ),
    Case(
        "yaml: undefined alias",
        _imp("alias.yaml"),
        {"alias.yaml": _yaml("[SOCIALTJANST, BUP]", "*parter")},
        ("alias.yaml", "parter"),
    ),
    Case(
        "yaml: random bytes",
        _imp("brus.yaml"),
        {"brus.yaml": _random(4000, seed=3, keep_nul=True)},
        ("brus.yaml",),
    ),
    Case(
        "yaml: a NUL byte",
        _imp("nul.yaml"),
        {"nul.yaml": lambda: GOOD_YAML.encode() + b"\x00\n"},
        ("nul.yaml",),
    ),
    Case(
        "yaml: unknown region",
        _imp("region.yaml"),
        {"region.yaml": _yaml("region: Region Dalarna", "region: Region Dalarnna")},
        ("Dalarnna",),
    ),
    Case(
        "yaml: reports_to an unknown group",
        _imp("styr.yaml"),
        {
            "styr.yaml": _yaml(
                "    serves: Orsa\n", "    serves: Orsa\n    reports_to: Ledningsgruppen\n"
            )
        },
        ("Ledningsgruppen",),
    ),
    Case(
        "yaml: groups is not a list",
        _imp("grupper.yaml"),
        {"grupper.yaml": "source:\n  title: T\nregion: Region Dalarna\ngroups: Styrgrupp\n"},
        ("groups",),
    ),
    Case(
        "yaml: a group without a name",
        _imp("namn.yaml"),
        {"namn.yaml": _yaml("  - name: Styrgrupp Orsa\n    type", "  - type")},
        ("name",),
    ),
    Case(
        "yaml: unknown agreement area",
        _imp("status.yaml"),
        {"status.yaml": _yaml("area: barn_unga", "area: barn_och_unga")},
        ("barn_och_unga", "barn_unga"),
    ),
    Case(
        "yaml: unknown agreement kind",
        _imp("sort.yaml"),
        {"sort.yaml": _yaml("kind: LOK", "kind: XÖK")},
        ("XÖK",),
    ),
    Case(
        "yaml: a python tag",
        _imp("tagg.yaml"),
        {"tagg.yaml": "source: !!python/object/apply:os.system ['echo hej']\n"},
        ("tagg.yaml",),
    ),
]

MAPPING = [
    Case(
        "mapping: billion laughs",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": billion_laughs()},
        ("karta.yaml, rad 5", "alias"),
    ),
    Case(
        "mapping: 10,000 nested lists",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "kommun: " + "[" * 10_000 + "]" * 10_000},
        ("karta.yaml", "nivåer"),
    ),
    Case(
        "mapping: a file of 3 MB",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": lambda: GOOD_MAPPING + "#" * 3_000_000},
        ("karta.yaml", "MB"),
    ),
    Case(
        "mapping: not YAML",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "kommun: [Vilken\n"},
        ("karta.yaml",),
    ),
    Case(
        "mapping: a list",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "- kommun\n"},
        ("karta.yaml",),
    ),
    Case(
        "mapping: unknown key",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "kommunen: D\n"},
        ("kommunen",),
    ),
    Case(
        "mapping: points at the names",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "kommun: Namn\n"},
        ("Namn",),
    ),
    Case(
        "mapping: unknown column",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "kommun: Ort\n"},
        ("Ort",),
    ),
    Case(
        "mapping: the file is missing",
        _imp("svar.csv", "--mapping", "{dir}/saknas.yaml"),
        {"svar.csv": FORMS_CSV},
        ("saknas.yaml",),
    ),
    Case(
        "mapping: question Q7",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "questions:\n  Q7: E\n"},
        ("Q7",),
    ),
    Case(
        "mapping: a date that does not exist",
        _imp("svar.csv", "--mapping", "{dir}/karta.yaml"),
        {"svar.csv": FORMS_CSV, "karta.yaml": "kommun: D\nregion: 2025-13-45\n"},
        ("karta.yaml, rad 2", "2025-13-45"),
    ),
]

FORMS = [
    Case(
        "forms: misspelt kommun",
        _imp("svar.csv"),
        {"svar.csv": FORMS_CSV.replace(";Orsa;", ";Orssa;")},
        ("Orssa", "Orsa"),
    ),
    Case(
        "forms: no kommun column",
        _imp("svar.csv"),
        {"svar.csv": "ID;Namn;Ort;Övrigt\n1;Anna;Kil;Bra\n"},
        ("svar.csv", "kommun"),
    ),
    Case("forms: empty csv", _imp("svar.csv"), {"svar.csv": ""}, ("svar.csv",)),
    Case(
        "forms: a byte cp1252 lacks",
        _imp("svar.csv"),
        {"svar.csv": b"ID;Kommun\r\n1;Kil\x81\r\n"},
        ("svar.csv", "0x81"),
    ),
    Case(
        "forms: xlsx that is no workbook",
        _imp("svar.xlsx"),
        {"svar.xlsx": b"inte en arbetsbok"},
        ("svar.xlsx",),
    ),
    Case(
        "forms: xlsx zip without a workbook",
        _imp("svar.xlsx"),
        {"svar.xlsx": _zip({"hej.txt": "hej"})},
        ("svar.xlsx",),
    ),
    Case(
        "forms: random bytes as csv",
        _imp("svar.csv"),
        {"svar.csv": _random(20_000, seed=5, keep_nul=False)},
        ("svar.csv",),
    ),
]

TEXT = [
    Case(
        "text: 20 KB of random bytes",
        _imp("brus.txt", "--kommun", "Orsa"),
        {"brus.txt": _random(20_000, seed=1, keep_nul=True)},
        ("brus.txt", "textfil"),
    ),
    Case(
        "text: random bytes without NUL",
        _imp("brus.txt", "--kommun", "Orsa"),
        {"brus.txt": _random(20_000, seed=2, keep_nul=False)},
        ("brus.txt", "inte ut som text"),
    ),
    Case(
        "text: mostly replacement characters",
        _imp("trasig.txt", "--kommun", "Orsa"),
        {"trasig.txt": ("Orsa " + "\ufffd" * 6 + " BUP " + "\ufffd" * 4 + ".\n") * 50},
        ("trasig.txt", "ersättningstecken"),
    ),
    Case("text: empty file", _imp("tom.txt", "--kommun", "Orsa"), {"tom.txt": ""}, ("tom.txt",)),
    Case(
        "text: only blanks",
        _imp("tom.txt", "--kommun", "Orsa"),
        {"tom.txt": " \n\t\n \n"},
        ("tom.txt",),
    ),
    Case(
        "text: misspelt --kommun",
        _imp("text.txt", "--kommun", "Lexand"),
        {"text.txt": "BUP deltar inte.\n"},
        ("Lexand", "Leksand"),
    ),
    Case(
        "text: no kommun anywhere",
        _imp("text.txt"),
        {"text.txt": "BUP deltar inte.\n"},
        ("--kommun",),
    ),
    Case(
        "text: a PDF renamed .txt",
        _imp("rapport.txt", "--kommun", "Orsa"),
        {
            "rapport.txt": lambda: (
                b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + _random(5000, seed=4, keep_nul=True)()
            )
        },
        ("rapport.txt",),
    ),
    Case(
        "text: a Word file renamed .txt",
        _imp("svar.txt", "--kommun", "Orsa"),
        {"svar.txt": _zip({"word/document.xml": "<w:document/>" * 50})},
        ("svar.txt",),
    ),
    Case(
        "text: UTF-16 with a broken BOM",
        _imp("utf16.txt", "--kommun", "Orsa"),
        {"utf16.txt": lambda: b"\xff\xfe" + "BUP deltar inte.".encode("utf-16-le") + b"\x00"},
        ("utf16.txt",),
    ),
    Case(
        "text: an unknown suffix",
        _imp("enkat.odt"),
        {"enkat.odt": "BUP deltar inte.\n"},
        (".odt", ".txt"),
    ),
]

DUMP = [
    Case(
        "dump: the only kommun misspelt",
        _imp("enkat.txt"),
        {"enkat.txt": DUMP_HEADER + "\tLexand\n\tJa.\n\tVi har en styrgrupp.\n"},
        ("enkat.txt, rad 4", "Lexand", "Leksand"),
    ),
    Case(
        "dump: a later kommun misspelt",
        _imp("enkat.txt"),
        {"enkat.txt": DUMP_HEADER + "\tOrsa\n\tJa.\n\tStyrgrupp.\n\tMorra\n\tNej.\n\tInget.\n"},
        ("Morra", "Mora"),
    ),
    Case(
        "dump: a row with too few cells",
        _imp("enkat.txt"),
        {"enkat.txt": DUMP_HEADER + "\tOrsa\n\tJa.\n\tStyrgrupp.\n\tMora\n\tNej.\n"},
        ("enkat.txt",),
    ),
    Case(
        "dump: a heading before the table, read as text",
        _imp("enkat.txt"),
        {"enkat.txt": "Enkät 2024\n" + DUMP_HEADER + "\tOrsa\n\tJa.\n\tStyrgrupp.\n"},
        ("enkat.txt", "--kommun"),
    ),
    Case(
        "dump: a long text where a kommun belongs",
        _imp("enkat.txt"),
        {
            "enkat.txt": DUMP_HEADER
            + "\tOrsa\n\tJa.\n\tStyrgrupp.\n"
            + "\tVi har också en arbetsgrupp för unga\n\tNej.\n\tInget.\n"
        },
        ("enkat.txt",),
    ),
]

DOCX = [
    Case(
        "docx: not a zip",
        _imp("enkat.docx"),
        {"enkat.docx": b"inte ett Word-dokument"},
        ("enkat.docx", ".docx"),
    ),
    Case(
        "docx: a zip without a document",
        _imp("enkat.docx"),
        {"enkat.docx": _zip({"hej.txt": "hej"})},
        ("enkat.docx",),
    ),
    Case(
        "docx: random bytes",
        _imp("enkat.docx"),
        {"enkat.docx": _random(8000, seed=6, keep_nul=True)},
        ("enkat.docx",),
    ),
]

REVIEW = [
    Case(
        "review: no kind column",
        _imp("granskning.csv"),
        {
            "granskning.csv": REVIEW_HEADER.replace("kind,", "")
            + "Orsa,BUP,styrgrupp,strategisk,,BUP är med.,enkat.txt\n"
        },
        ("granskning.csv", "saknar kolumnen slag (kind)"),
    ),
    Case(
        "review: no quote column",
        _imp("granskning.csv"),
        {
            "granskning.csv": REVIEW_HEADER.replace("quote,", "")
            + "member,Orsa,BUP,styrgrupp,strategisk,,enkat.txt\n"
        },
        ("granskning.csv", "saknar kolumnen citat (quote)"),
    ),
    Case(
        "review: unknown kind",
        _imp("granskning.csv"),
        {
            "granskning.csv": REVIEW_HEADER
            + "medlemm,Orsa,BUP,styrgrupp,strategisk,,BUP är med.,enkat.txt\n"
        },
        ("granskning.csv", "medlemm"),
    ),
    Case(
        "review: unknown party",
        _imp("granskning.csv"),
        {
            "granskning.csv": REVIEW_HEADER
            + "member,Orsa,BUPP,styrgrupp,strategisk,,BUP är med.,enkat.txt\n"
        },
        ("BUPP",),
    ),
    Case(
        "review: misspelt kommun",
        _imp("granskning.csv"),
        {
            "granskning.csv": REVIEW_HEADER
            + "member,Orssa,BUP,styrgrupp,strategisk,,BUP är med.,enkat.txt\n"
        },
        ("Orssa",),
    ),
    Case(
        "review: unknown level",
        _imp("granskning.csv"),
        {
            "granskning.csv": REVIEW_HEADER
            + "member,Orsa,BUP,styrgrupp,taktisk,,BUP är med.,enkat.txt\n"
        },
        ("taktisk",),
    ),
]

STORE = (
    [
        Case(
            f"store: {name}",
            ("gaps", "--store", "{dir}/lagret.json"),
            {"lagret.json": _damaged_store(make)},
            ("lagret.json", *mentions),
            store="lagret.json",
        )
        for name, make, mentions in DAMAGED
    ]
    + [
        Case(
            f"store, import into it: {name}",
            ("import", "{dir}/ok.yaml", "--store", "{dir}/lagret.json"),
            {"lagret.json": _damaged_store(make), "ok.yaml": GOOD_YAML},
            ("lagret.json", *mentions),
            store="lagret.json",
        )
        for name, make, mentions in DAMAGED[:6]
    ]
    + [
        Case(
            "store: saved again as latin-1",
            ("gaps", "--store", "{dir}/lagret.json"),
            {"lagret.json": lambda: LATIN1_STORE.encode("latin-1")},
            ("lagret.json, rad 1", "UTF-8"),
            store="lagret.json",
        ),
        Case(
            "store: cut off half-way",
            ("gaps", "--store", "{dir}/lagret.json"),
            {"lagret.json": '{"format": "lokgraph-store", "version": 1, "nodes": [{"id": "k'},
            ("lagret.json", "JSON"),
            store="lagret.json",
        ),
        Case(
            "store: an empty file",
            ("gaps", "--store", "{dir}/lagret.json"),
            {"lagret.json": ""},
            ("lagret.json",),
            store="lagret.json",
        ),
        Case(
            "store: random bytes",
            ("gaps", "--store", "{dir}/lagret.json"),
            {"lagret.json": _random(5000, seed=8, keep_nul=True)},
            ("lagret.json",),
            store="lagret.json",
        ),
        Case(
            "store: a JSON list",
            ("summary", "--store", "{dir}/lagret.json"),
            {"lagret.json": "[1, 2, 3]"},
            ("lagret.json", "lokgraph-lager"),
            store="lagret.json",
        ),
        Case(
            "store: another program's JSON",
            ("map", "-o", "{dir}/k.html", "--store", "{dir}/lagret.json"),
            {"lagret.json": '{"nodes": [], "links": []}'},
            ("lagret.json",),
            store="lagret.json",
        ),
        Case(
            "store: version 99",
            ("report", "-o", "{dir}/r.html", "--store", "{dir}/lagret.json"),
            {"lagret.json": '{"format": "lokgraph-store", "version": 99, "nodes": []}'},
            ("version 99",),
            store="lagret.json",
        ),
        Case(
            "store: damaged, through $LOKGRAPH_STORE",
            ("matrix", "-o", "{dir}/m.html"),
            {"lagret.json": _damaged_store(DAMAGED[4][1])},
            ("lagret.json", "saknar 'label'"),
            env={"LOKGRAPH_STORE": "lagret.json"},
            store="lagret.json",
        ),
        Case(
            "store: damaged, for export",
            (
                "export",
                "--format",
                "graphml",
                "-o",
                "{dir}/k.graphml",
                "--store",
                "{dir}/lagret.json",
            ),
            {"lagret.json": _damaged_store(DAMAGED[10][1])},
            ("kommun:mora",),
            store="lagret.json",
        ),
    ]
)

OPTIONS = [
    Case(
        "option: LOKGRAPH_LOCK_TIMEOUT is not a number",
        _imp("ok.yaml"),
        {"ok.yaml": GOOD_YAML},
        ("LOKGRAPH_LOCK_TIMEOUT", "sekunder"),
        env={"LOKGRAPH_LOCK_TIMEOUT": "länge"},
    ),
    Case(
        "option: LOKGRAPH_LOCK_TIMEOUT is negative",
        _imp("ok.yaml"),
        {"ok.yaml": GOOD_YAML},
        ("LOKGRAPH_LOCK_TIMEOUT",),
        env={"LOKGRAPH_LOCK_TIMEOUT": "-5"},
    ),
    Case(
        "option: a second file is bad, the first is not kept",
        ("import", "{dir}/ok.yaml", "{dir}/datum.yaml", "--store", "{store}"),
        {"ok.yaml": GOOD_YAML, "datum.yaml": _yaml("2024-01-01", "2024-02-31")},
        ("datum.yaml",),
    ),
    Case(
        "option: a bomb mapping for an xlsx",
        _imp("svar.xlsx", "--mapping", "{dir}/karta.yaml"),
        {"svar.xlsx": b"inte en arbetsbok", "karta.yaml": billion_laughs()},
        ("karta.yaml",),
    ),
    Case(
        "option: extract with a bomb mapping",
        ("extract", "{dir}/svar.csv", "--mapping", "{dir}/karta.yaml", "--json"),
        {"svar.csv": FORMS_CSV, "karta.yaml": billion_laughs()},
        ("karta.yaml",),
    ),
    Case(
        "option: extract random bytes",
        ("extract", "{dir}/brus.txt", "--kommun", "Orsa", "--json"),
        {"brus.txt": _random(20_000, seed=9, keep_nul=False)},
        ("brus.txt",),
    ),
    Case(
        "option: extract a misspelt dump",
        ("extract", "{dir}/enkat.txt", "--json"),
        {"enkat.txt": DUMP_HEADER + "\tLexand\n\tJa.\n\tStyrgrupp.\n"},
        ("Lexand", "Leksand"),
    ),
    Case(
        "option: map --area unknown",
        ("map", "--area", "Norrlandet", "-o", "{dir}/k.html", "--store", "{store}"),
        {},
        ("Norrlandet",),
    ),
    Case(
        "option: import a file that is not there, with others",
        ("import", "{dir}/ok.yaml", "{dir}/saknas.yaml", "--store", "{store}"),
        {"ok.yaml": GOOD_YAML},
        ("saknas.yaml", "finns inte"),
    ),
    Case(
        "option: import --kommun that is a region",
        _imp("text.txt", "--kommun", "Region Dalarna"),
        {"text.txt": "BUP deltar inte.\n"},
        ("Region Dalarna",),
    ),
]

CASES: list[Case] = STRUCTURE + MAPPING + FORMS + TEXT + DUMP + DOCX + REVIEW + STORE + OPTIONS


def test_the_battery_has_at_least_100_cases():
    assert len(CASES) >= 100, len(CASES)
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def good_store(tmp_path_factory) -> bytes:
    """A store with the Dalarna example and one survey text: what each case must leave alone."""
    from importlib import resources

    from loaders.curated import load_structure_file
    from loaders.importer import read_path

    example = Path(str(resources.files("lokgraph") / "examples" / "dalarna.yaml"))
    graph = build_graph(load_structure_file(example))
    text = tmp_path_factory.mktemp("good") / "leksand.txt"
    text.write_text("Leksand\n\nBUP deltar inte i styrgruppen.\n", encoding="utf-8")
    merge(graph, read_path(text).structure)
    return graph_to_json(graph).encode("utf-8")


def _write(folder: Path, files: dict[str, Content]) -> None:
    for name, content in files.items():
        value = content() if callable(content) else content
        path = folder / name
        if isinstance(value, bytes):
            path.write_bytes(value)
        else:
            path.write_text(value, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input_is_one_paragraph_and_leaves_the_store(tmp_path, good_store, case):
    _write(tmp_path, case.files)
    store = tmp_path / (case.store or "lokgraph-store.json")
    if case.store is None:
        store.write_bytes(good_store)
    before = snapshot(store)
    args = [a.format(store=store, dir=tmp_path) for a in case.args]
    result = lokgraph(*args, cwd=tmp_path, env=case.env, timeout=120)
    assert result.returncode == case.code, str(result)
    assert_clean_failure(result, codes=(case.code,), mentions=case.mentions)
    assert snapshot(store) == before
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(store.name + ".")]
    assert not left, left


def test_a_writer_waiting_for_a_held_lock_gives_up_naming_the_holder(tmp_path, good_store):
    store = tmp_path / "lokgraph-store.json"
    store.write_bytes(good_store)
    (tmp_path / "ok.yaml").write_text(GOOD_YAML, encoding="utf-8")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from lokgraph.lock import store_lock\n"
            "with store_lock(sys.argv[1]):\n"
            "    print('held', flush=True); time.sleep(120)\n",
            str(store),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = lokgraph(
            "import",
            tmp_path / "ok.yaml",
            "--store",
            store,
            cwd=tmp_path,
            env={"LOKGRAPH_LOCK_TIMEOUT": "0.5"},
        )
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1, str(result)
    waited, failure = result.stderr.strip().split("\n", 1)
    assert "väntar" in waited and f"process {holder.pid}" in waited
    assert_clean_failure(
        result.__class__(result.args, result.returncode, result.stdout, failure),
        mentions=(f"process {holder.pid}", "låst", "0.5 s"),
    )
    assert snapshot(store) == good_store


# --- the two size cases: they must import, and finish ------------------------------------


def test_a_5_mb_text_without_a_full_stop_imports(tmp_path):
    words = "barn och unga samverkan med skolan elevhälsan och socialtjänsten i orsa kommun "
    path = tmp_path / "lang.txt"
    path.write_text(
        "Orsa\n\n" + (words * (5_000_000 // len(words) + 1))[:5_000_000] + "\n", "utf-8"
    )
    store = tmp_path / "lagret.json"
    result = lokgraph("import", path, "--store", store, cwd=tmp_path, timeout=600)
    assert result.returncode == 0, str(result)
    assert "Traceback" not in result.stderr
    assert store.exists()


def test_100000_short_lines_about_one_kommun_import(tmp_path):
    path = tmp_path / "rader.txt"
    lines = [f"BUP deltar inte i styrgruppen, rad {i}." for i in range(100_000)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path / "lagret.json"
    result = lokgraph(
        "import", path, "--kommun", "Leksand", "--store", store, cwd=tmp_path, timeout=600
    )
    assert result.returncode == 0, str(result)
    graph = FileStore(store).load()
    edge = next(d for _, _, key, d in graph.edges(keys=True, data=True) if key == "ABSENT_FROM")
    assert len(edge["evidence"]) == 100_000
