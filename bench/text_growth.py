"""How extraction time grows with the size of one text (issue 16): a long run without full
stops, as a pasted page or a broken export gives it, timed at two sizes; the growth exponent
log(t2 / t1) / log(size2 / size1) is 1.0 for linear work and 2 for quadratic.

The text is made of short phrases of our own, joined with commas, so every sentence the
extractor reads is as long as it allows (`loaders.extract.sentences.MAX_SENTENCE`).
"""

from __future__ import annotations

import math

from bench.registry import Context, measure

__all__ = ["run_without_stops"]

#: phrases of our own (no third-party text), about groups, members, absence and agreements
_PHRASES = (
    "i styrgruppen sitter socialchefen och skolchefen",
    "BUP deltar vid behov i arbetsgruppen",
    "habiliteringen har inte deltagit under året",
    "elevhälsan och IFO träffas varje vecka i konsultationsteamet",
    "den lokala överenskommelsen gäller från 2020-01-01 till 2023-12-31",
    "vårdcentralen och förskolan samverkar i familjecentralen",
    "det är svårt att få med BUP",
)

#: the two sizes (characters); the larger is four times the smaller
SIZES = (100_000, 400_000)


def run_without_stops(size: int) -> str:
    """A text of about ``size`` characters with no full stop in it.

    >>> text = run_without_stops(1000)
    >>> 900 < len(text) <= 1000 and "." not in text
    True
    """
    parts: list[str] = []
    length = 0
    i = 0
    while True:
        phrase = _PHRASES[i % len(_PHRASES)]
        if length + len(phrase) + 2 > size:
            break
        parts.append(phrase)
        length += len(phrase) + 2
        i += 1
    return ", ".join(parts)


def _time(ctx: Context, size: int) -> float:
    from loaders.extract import extract_text, load_vocabulary

    load_vocabulary()
    text = run_without_stops(size)
    return ctx.best(lambda: extract_text(text, source="bench", kommun="Orsa"), 1)


@measure("extract_text_small_s", "extract 100 kB without full stops s", once=True)
def _small(ctx: Context) -> float:
    ctx.values["extract_text_small_s"] = _time(ctx, SIZES[0])
    return float(ctx.values["extract_text_small_s"])  # type: ignore[arg-type]


@measure("extract_text_exponent", "extract: growth exponent in text size", "{:.2f}", once=True)
def _exponent(ctx: Context) -> float:
    small = ctx.values.get("extract_text_small_s") or _time(ctx, SIZES[0])
    large = _time(ctx, SIZES[1])
    return math.log(large / float(small)) / math.log(SIZES[1] / SIZES[0])  # type: ignore[arg-type]
