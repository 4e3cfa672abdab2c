"""A question about who takes part, answered by the paragraph under it (loaders/extract/
document.py): "Vilka brukar vara med?" then "Det avgörs från fall till fall. Oftast är det personal
från skolan och BUP." makes the services of the answer members of the document's group; a
meeting under a regional brand ("ett Norrbusmöte") is that group, about one child, where the
text says who takes part. A question with no participation word, and an answer in a new
paragraph after an unrelated one, give none. Texts written for these tests in our own words.
"""

from __future__ import annotations

from loaders.extract import extract_text

PAGE = (
    "Inför ett Norrbusmöte\n\n"
    "Vad händer på mötet?\n"
    "Alla som hjälper ditt barn samlas vid ett och samma bord.\n\n"
    "Vilka brukar vara med?\n"
    "Det avgörs från fall till fall. Oftast är det personal från elevhälsan, BUP och "
    "socialtjänsten som träffas med familjen.\n"
)


def members(text: str) -> set[tuple[str | None, str | None]]:
    facts = extract_text(text, source="test")
    return {(f.party, f.level) for f in facts if f.kind == "member" and f.party}


def test_the_answer_to_who_takes_part_names_the_meetings_members():
    assert members(PAGE) == {
        ("ELEVHALSA", "individ"),
        ("BUP", "individ"),
        ("SOCIALTJANST", "individ"),
    }


def test_a_question_without_a_participation_word_opens_no_list():
    text = PAGE.replace("Vilka brukar vara med?", "Hur länge varar det?")
    assert members(text) == set()


def test_the_answer_ends_with_its_paragraph():
    text = PAGE.replace(
        "Det avgörs från fall till fall. Oftast", "Det avgörs från fall till fall.\n\nOftast"
    )
    assert members(text) == set()
