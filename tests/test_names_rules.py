"""The name redaction's hand-written tests agree with the patterns that define them.

`visualizations.names` keeps `_CAPITALISED_RE` (what a capitalised word is) and
`_SENTENCE_END` (what ends a sentence before a word) as the definitions, and tests words and
gaps with set lookups instead (a report redacts some 35,000 texts). These properties check the
two against each other on random texts of letters, hyphens, white space and punctuation.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from visualizations import names

# the letters of words (with hyphens), the kinds of white space the pattern knows, and every
# character that can end a sentence or open a quote
TEXT = st.text(
    alphabet=st.sampled_from(
        list("aAzZåÅöÖßÞþÿØøÀ×÷-") + list(" \t\n\r\u00a0\u2028\x0b") + list(".!?:;•-–—*\"”“'([)x")
    ),
    max_size=24,
)


@given(TEXT)
@settings(max_examples=400, deadline=None)
def test_a_capitalised_word_is_what_the_pattern_says(text: str):
    parts = names._TOKEN_SPLIT.split(text)
    for word in parts[1::2]:
        fast = len(word) > 1 and word[0] in names._UPPER and word[1] in names._LOWER
        assert fast == bool(names._CAPITALISED_RE.fullmatch(word)), word


@given(TEXT, TEXT)
@settings(max_examples=400, deadline=None)
def test_a_sentence_start_is_what_the_pattern_says(before: str, after: str):
    text = before + "Anna" + after
    parts = names._TOKEN_SPLIT.split(text)
    start = 0
    for i in range(len(parts) // 2):
        start += len(parts[2 * i])  # the gap before word i
        expected = bool(names._SENTENCE_END.search(text[:start]))
        assert names._at_sentence_start(parts, i) == expected, (text, i)
        start += len(parts[2 * i + 1])


def test_the_words_and_gaps_alternate():
    parts = names._TOKEN_SPLIT.split("Hej, Anna-Lena och Per!")
    assert parts == ["", "Hej", ", ", "Anna-Lena", " ", "och", " ", "Per", "!"]
