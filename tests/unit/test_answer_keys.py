"""Answer keys: one type per key space, the stored text unchanged, no key built by hand.

``tests/fixtures/keys/demo_*.tsv`` list every (pack, exercise, field) key the
demo stored before the key spaces became types (``domain.keys``): a workbook
written then must find every answer now.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilan_tui.domain import keys
from bilan_tui.domain.keys import KeySpace
from bilan_tui.packs import load_shipped_pack
from bilan_tui.services.demo.script import demo_script

from .demo_helpers import LANGUAGES, REFERENCE

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "keys"

SPACES = {name: value for name, value in vars(keys).items() if isinstance(value, KeySpace)}
PREFIXES = tuple(space.prefix for space in SPACES.values())
OLD_NAMES = {"ITEM", "PILE", "DEFINITION", "RATING", "WEIGHT", "SCORE", "GAP"}
OLD_NAMES |= {"CUSTOM_PREFIX", "TAG_PREFIX"}
"""The prefix constants the key spaces replaced: using one again is building a key by hand."""


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_stores_the_keys_it_always_stored(language: str) -> None:
    script = demo_script(load_shipped_pack(language), REFERENCE)
    stored = sorted(
        {f"{a.key.pack_id}\t{a.key.exercise_id}\t{a.key.field_id}" for a in script.answers}
    )
    golden = (GOLDEN / f"demo_{language}.tsv").read_text(encoding="utf-8").splitlines()
    assert stored == golden


def test_each_key_space_has_its_own_prefix() -> None:
    assert len(set(PREFIXES)) == len(PREFIXES)
    assert not any(a != b and a.startswith(b) for a in PREFIXES for b in PREFIXES)
    assert keys.CUSTOM_ITEM_KEYS.prefix != keys.CUSTOM_ITEMS, "a field id, not the prefix"


@given(st.sampled_from(sorted(SPACES)), st.text(max_size=20))
def test_a_key_parses_back_to_its_id_in_its_own_space_only(space_name: str, name: str) -> None:
    space = SPACES[space_name]
    key = space.key(name)
    assert space.owns(key) and space.name(key) == name
    for other in SPACES.values():
        if other is not space:
            assert other.name(key) is None


def _prefix_text(node: ast.expr) -> bool:
    """Whether ``node`` spells a key prefix: a literal, or a prefix constant by name."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.startswith(PREFIXES)
    if isinstance(node, ast.Name):
        return node.id in OLD_NAMES
    if isinstance(node, ast.Attribute):
        return node.attr == "prefix" or node.attr in OLD_NAMES
    if isinstance(node, ast.JoinedStr) and node.values:
        return _prefix_text(node.values[0])
    return False


def _hand_built_keys(path: Path) -> list[str]:
    """Where ``path`` builds or cuts a key with string arithmetic."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            if _prefix_text(node.left):
                found.append(f"{where}:{node.lineno}: prefix + ...")
        elif isinstance(node, ast.JoinedStr) and len(node.values) > 1:
            if _prefix_text(node.values[0]):
                found.append(f"{where}:{node.lineno}: f-string key")
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            named = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if named in ("startswith", "len", "removeprefix") and _prefix_text(node.args[0]):
                found.append(f"{where}:{node.lineno}: {named}(prefix)")
    return found


def test_no_module_builds_or_cuts_a_key_by_hand() -> None:
    """Only ``domain/keys.py`` joins a prefix to an id or cuts it off again."""
    allowed = {ROOT / "bilan_tui" / "domain" / "keys.py"}
    paths = [
        path
        for folder in ("bilan_tui", "tests", "benchmarks", "tools")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path not in allowed and "__snapshots__" not in path.parts
    ]
    found = [line for path in paths for line in _hand_built_keys(path)]
    assert found == []


def test_the_scan_sees_a_key_built_by_hand(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'ITEM = "item:"\n'
        'a = ITEM + "r1"\n'
        'b = f"rating:{a}"\n'
        'c = "weight:" + a\n'
        'd = a.startswith("gap:")\n'
        "e = a[len(ITEM) :]\n"
        'f = "rank" + a  # a whole field id, not a key space\n',
        encoding="utf-8",
    )
    lines = sorted(int(found.split(":")[1]) for found in _hand_built_keys(sample))
    assert lines == [2, 3, 4, 5, 6]
