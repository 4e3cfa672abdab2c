"""Bounded YAML (issue 16): structure files and Forms mapping files cannot exhaust memory or
the stack, and a date that does not exist is named with its line and field."""

from __future__ import annotations

import doctest
from importlib import resources

import pytest
import yaml

import loaders.safe_yaml
from loaders.curated import load_structure_file
from loaders.forms import read_mapping
from loaders.safe_yaml import MAX_ALIAS_NODES, MAX_BYTES, MAX_DEPTH, load_yaml
from lokgraph.errors import InputError


def billion_laughs(levels: int = 9) -> str:
    text = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    previous = "a"
    for name in "bcdefghijk"[: levels - 1]:
        text += f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]\n"
        previous = name
    return text


def test_documented_examples_run():
    assert doctest.testmod(loaders.safe_yaml, optionflags=doctest.ELLIPSIS).failed == 0


def test_a_billion_laughs_is_refused_at_the_alias_that_crosses_the_limit():
    with pytest.raises(InputError) as caught:
        load_yaml(billion_laughs(), name="bomb.yaml")
    message = str(caught.value)
    assert message.startswith("bomb.yaml, rad 5: filen läses inte: aliasen *d")
    assert "10 000 värden" in message


def test_aliases_within_the_limit_still_work():
    text = "parter: &p [BUP, HAB, SOCIALTJANST]\ngrupper:\n" + "".join(
        f"  - parter: *p\n    namn: g{i}\n" for i in range(100)
    )
    doc = load_yaml(text, name="ok.yaml")
    assert len(doc["grupper"]) == 100 and doc["grupper"][99]["parter"] == [
        "BUP",
        "HAB",
        "SOCIALTJANST",
    ]
    assert MAX_ALIAS_NODES >= 400


@pytest.mark.parametrize("style", ["flow", "block", "mapping"])
def test_deep_nesting_is_refused_without_a_recursion_error(style):
    depth = 10_000 if style == "flow" else 500
    if style == "flow":
        text = "x: " + "[" * depth + "]" * depth + "\n"
    elif style == "block":
        text = "".join("  " * i + "-\n" for i in range(depth))
    else:
        text = "".join("  " * i + f"k{i}:\n" for i in range(depth))
    with pytest.raises(InputError, match=f"nästlade djupare än {MAX_DEPTH} nivåer"):
        load_yaml(text, name="djup.yaml")


def test_nesting_to_the_limit_is_read():
    text = "x: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n"
    value = load_yaml(text, name="djup.yaml")["x"]
    for _ in range(MAX_DEPTH - 2):
        value = value[0]
    assert value == [1]


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("2025-13-45", "månad 13 finns inte"),
        ("2025-02-30", "dag 30 finns inte i månad 2"),
        ("2023-00-10", "månad 0 finns inte"),
    ],
)
def test_a_date_that_does_not_exist_names_line_and_field(tmp_path, value, why):
    path = tmp_path / "struktur.yaml"
    path.write_text(
        "source:\n  title: Test\nagreements:\n  - name: LÖK Orsa\n    kind: LOK\n"
        f"    kommun: Orsa\n    valid_from: {value}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_structure_file(path)
    assert str(caught.value).startswith(f"{path}, rad 7 (valid_from): datumet {value} finns inte")
    assert why in str(caught.value)


def test_a_file_past_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "stor.yaml"
    path.write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    with pytest.raises(InputError, match="större än de 2,0 MB"):
        load_structure_file(path)
    with pytest.raises(InputError, match="större än de 2,0 MB"):
        read_mapping(path)


def test_a_bomb_in_a_mapping_file_is_refused(tmp_path):
    path = tmp_path / "mappning.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    with pytest.raises(InputError, match="mappning.yaml, rad 5: filen läses inte"):
        read_mapping(path)


def test_the_bundled_examples_read_the_same_as_with_the_plain_safe_loader():
    folder = resources.files("lokgraph") / "examples"
    names = [p for p in folder.iterdir() if p.name.endswith(".yaml")]
    assert names
    for path in names:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text, name=path.name) == yaml.safe_load(text)


def test_the_swedish_messages_helpers_examples_run():
    import loaders.sv_errors

    assert doctest.testmod(loaders.sv_errors).failed == 0
