"""A sheet with one row per group and a column per party (ja / nej / delvis) into the store."""

import sys

from openpyxl import load_workbook

from loaders import extract_text
from lokgraph import Fact, open_store
from queries import run_all
from visualizations import matrix_html, save

PARTIES = {"BUP": "BUP", "HAB": "HAB", "Elevhälsa": "ELEVHALSA", "Socialtjänst": "SOCIALTJANST"}
MEMBER, ABSENT = {"kind": "member"}, {"kind": "absent", "reason": "not_participating"}
ANSWERS = {"ja": MEMBER, "delvis": {**MEMBER, "partial": True}, "nej": ABSENT}
sheet, store_path = sys.argv[1:3]  # e.g. examples/grupper.xlsx lokgraph-store.json

facts = []
header, *rows = load_workbook(sheet, read_only=True).active.iter_rows(values_only=True)
for values in rows:
    row = dict(zip(header, values, strict=True))
    kommun, name = row["Kommun"], row["Grupp"]
    if row["Kommentar"]:  # free text, read by the Swedish extractor
        facts += extract_text(row["Kommentar"], source=sheet, kommun=kommun)
    group = {"kommun": kommun, "group_type": row["Grupptyp"], "source": sheet}
    facts.append(Fact(kind="group", group_name=name, level=row["Nivå"], quote=name, **group))
    for column, party in PARTIES.items():
        answer = str(row[column] or "").strip().lower()
        if answer in ANSWERS:
            quote = f"{name}: {column} {answer}"
            facts.append(Fact(party=party, quote=quote, **ANSWERS[answer], **group))

with open_store(store_path) as store:  # holds the write lock; writes once, when the block ends
    store.merge_facts(facts, round="2025", title="Grupper och parter 2025")
graph = store.graph()  # read back from the store, as of the latest round
for gap in run_all(graph):
    print(f"{gap.kommun or 'Hela området'}: {gap.detail}")
save(matrix_html(graph), "matris.html")
