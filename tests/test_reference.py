"""The 290 kommuner and 21 regions, and the names people write for them."""

from collections import Counter

import pytest

from lokgraph.errors import UnknownNameError
from lokgraph.reference import (
    find_kommun,
    find_region,
    kommuner,
    kommuner_in_lan,
    normalise,
    regioner,
)

# SCB's counts per län, as ../shared/reference/SOURCES.md gives them
LAN_COUNTS = {
    "01": 26, "03": 8, "04": 9, "05": 13, "06": 13, "07": 8, "08": 12, "09": 1, "10": 5,
    "12": 33, "13": 6, "14": 49, "17": 16, "18": 12, "19": 10, "20": 15, "21": 10, "22": 7,
    "23": 8, "24": 15, "25": 14,
}  # fmt: skip


def test_all_kommuner_and_regions():
    assert len(kommuner()) == 290
    assert len({k.kommunkod for k in kommuner()}) == 290
    assert len(regioner()) == 21
    assert Counter(k.lan_kod for k in kommuner()) == LAN_COUNTS


@pytest.mark.parametrize(
    "written", ["Malung-Sälen", "Malung Sälen kommun", "malung-sälens kommun", "MALUNG-SÄLEN"]
)
def test_name_variants_are_one_kommun(written):
    assert find_kommun(written).kommunkod == "2023"


def test_every_kommun_finds_itself_with_suffix_and_genitive():
    for k in kommuner():
        assert find_kommun(k.name) == k
        assert find_kommun(f"{k.name} kommun") == k
        assert find_kommun(k.kommunkod) == k


def test_normalise_folds_case_hyphens_and_suffix():
    assert normalise("Upplands-Bro kommun") == normalise("upplands bro")


def test_unknown_kommun_suggests_the_closest():
    with pytest.raises(UnknownNameError) as info:
        find_kommun("Leksnd", where="enkat.csv, row 4, column B")
    message = str(info.value)
    assert message.startswith("enkat.csv, row 4, column B: okänd kommun 'Leksnd'")
    assert "'Leksand'" in message
    assert info.value.suggestions[0] == "Leksand"


def test_regions_by_name_lan_and_code():
    assert find_region("Region Dalarna") == find_region("Dalarnas län") == find_region("20")
    assert find_region("Västra Götalandsregionen").lan_kod == "14"
    assert len(kommuner_in_lan("Västra Götalands län")) == 49
    with pytest.raises(UnknownNameError, match="okänd region 'Region Atlantis'"):
        find_region("Region Atlantis")
