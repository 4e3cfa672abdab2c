"""Say what was doubtful (issue 16): a misspelt kommun in a survey dump is an error with a
suggestion; random bytes are refused; mixed UTF-8/cp1252 text reads right with a note; text
that is not Swedish or carries replacement characters is imported with a note counting it."""

from __future__ import annotations

import doctest
import random
from pathlib import Path

import pytest

import loaders.text_quality
from loaders.importer import read_path
from loaders.survey import load_survey
from loaders.text import read_text
from lokgraph.errors import InputError, UnknownNameError

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_documented_examples_run():
    assert doctest.testmod(loaders.text_quality).failed == 0


def test_a_dump_whose_only_kommun_is_misspelt_names_it_with_a_suggestion(tmp_path):
    path = tmp_path / "enkat.txt"
    path.write_text(
        "\tKommun\n\t1. Har ni en LÖK?\n\t2. Beskriv er samverkansstruktur\n"
        "\tLexand\n\tJa, vi har en LÖK.\n\tVi har en styrgrupp där BUP deltar.\n",
        encoding="utf-8",
    )
    with pytest.raises(UnknownNameError) as caught:
        load_survey(path)
    assert str(caught.value).startswith("enkat.txt, rad 4, kolumn 1: okänd kommun 'Lexand'")
    assert "Leksand" in caught.value.suggestions


def test_random_bytes_are_refused(tmp_path):
    rng = random.Random(7)
    undefined = {0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x00}
    data = bytes(b for b in rng.randbytes(24_000) if b not in undefined)[:20_000]
    path = tmp_path / "brus.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_path(path, kommun="Leksand")
    assert "filen ser inte ut som text" in str(caught.value)
    with_nul = tmp_path / "binar.txt"
    with_nul.write_bytes(rng.randbytes(20_000))
    with pytest.raises(InputError, match="inte en textfil"):
        read_path(with_nul, kommun="Leksand")


def test_mixed_utf8_and_cp1252_reads_right_with_a_note(tmp_path):
    path = tmp_path / "blandad.txt"
    path.write_bytes(
        "Vi har en styrgrupp där BUP och elevhälsan deltar.\n\n".encode()
        + "Socialtjänsten saknas i arbetsgruppen för barn och unga.\n".encode("cp1252")
    )
    decoded = read_text(path)
    assert "Socialtjänsten saknas i arbetsgruppen för barn" in decoded.text
    assert "elevhälsan" in decoded.text
    assert decoded.encoding == "utf-8+cp1252"
    assert decoded.notes == (
        "blandad.txt blandar två teckenkodningar: 2 ställen var inte UTF-8 och lästes som "
        "cp1252 (Windows); kontrollera å, ä och ö i de citaten",
    )
    imported = read_path(path, kommun="Leksand")
    assert decoded.notes[0] in imported.notes
    quotes = {f.quote for f in imported.facts}
    assert "Socialtjänsten saknas i arbetsgruppen för barn och unga." in quotes


def test_a_cp1252_file_alone_is_no_mixture():
    assert loaders.text_quality.decode_mixed("Älvdalen och Orsa".encode("cp1252")) == (
        "Älvdalen och Orsa",
        0,
    )


def test_replacement_characters_are_counted(tmp_path):
    path = tmp_path / "trasig.txt"
    path.write_text("Vi har en styrgrupp d\ufffdr BUP deltar.\n" * 12, encoding="utf-8")
    notes = read_text(path).notes
    assert len(notes) == 1 and notes[0].startswith("12 tecken i trasig.txt gick inte att läsa")


def test_text_that_is_not_swedish_gets_a_note(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text(
        "The steering group meets every month and child psychiatry does not take part. " * 6,
        encoding="utf-8",
    )
    imported = read_path(path, kommun="Leksand")
    assert any("ser inte ut att vara på svenska: 0 av 78 ord" in n for n in imported.notes)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_real_seeds_read_without_doubt(seed):
    assert read_text(SEEDS / seed).notes == ()


def test_the_one_pass_check_counts_the_characters_the_rule_names():
    """check_text finds unexpected characters with one regular expression: it must agree with
    the rule (not white space, not `_expected`) on every code point."""
    from loaders.text_quality import _UNEXPECTED, _expected

    disagree = [
        c
        for c in map(chr, range(0x110000))
        if (not c.isspace() and not _expected(c)) != bool(_UNEXPECTED.fullmatch(c))
    ]
    assert disagree == []
