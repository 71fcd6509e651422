"""Property tests: whatever an author writes, the loader answers with data or problems."""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilan_tui.domain.model import Kind
from bilan_tui.domain.parts import FieldType
from bilan_tui.domain.text import clean_text
from bilan_tui.packs import PackError, check_pack, load_pack

MINI = Path(__file__).parent.parent / "fixtures" / "packs" / "mini"
NAME_LABEL = 'label = "What should we call you?"'


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One writable copy of the mini pack per test; each example rewrites one file."""
    root = tmp_path_factory.mktemp("pack") / "mini"
    shutil.copytree(MINI, root)
    return root


@pytest.fixture
def fresh_pack(pack_dir: Path) -> Path:
    """The module's copy, restored to the fixture's content before each test."""
    for path in MINI.iterdir():
        shutil.copyfile(path, pack_dir / path.name)
    return pack_dir


def toml_string(text: str) -> str:
    """A TOML basic string that decodes to exactly ``text``."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_value(value: Any) -> str:
    """Any generated value as inline TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    pairs = ", ".join(f"{toml_string(key)} = {toml_value(item)}" for key, item in value.items())
    return "{ " + pairs + " }"


def is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def toml_document(data: dict[str, Any], headers: bool) -> str:
    """``data`` as TOML; with ``headers``, lists of tables are written as ``[[key]]``."""
    arrays = {key: value for key, value in data.items() if headers and is_table_list(value)}
    lines = [
        f"{toml_string(key)} = {toml_value(v)}" for key, v in data.items() if key not in arrays
    ]
    for key, entries in arrays.items():
        for entry in entries:
            lines.append("")
            lines.append(f"[[{key}]]")
            lines.extend(f"{toml_string(k)} = {toml_value(v)}" for k, v in entry.items())
    return "\n".join(lines)


def file_lengths(root: Path) -> dict[str, int]:
    """How many lines each file of the pack has (a reported line must exist)."""
    return {
        str(path): max(1, path.read_bytes().count(b"\n") + 1)
        for path in root.iterdir()
        if path.is_file()
    }


def assert_problems_point_into_files(root: Path) -> None:
    lengths = file_lengths(root)
    for problem in check_pack(root):
        assert problem.message
        assert 1 <= problem.line <= lengths.get(problem.path, 1), str(problem)


SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(label=st.text())
def test_any_label_round_trips_cleaned(fresh_pack: Path, label: str) -> None:
    path = fresh_pack / "about.md"
    text = (MINI / "about.md").read_text(encoding="utf-8")
    path.write_text(text.replace(NAME_LABEL, f"label = {toml_string(label)}"), encoding="utf-8")
    expected = clean_text(label).strip()
    if not expected:
        with pytest.raises(PackError, match="'label' must not be empty"):
            load_pack(fresh_pack)
        return
    about = load_pack(fresh_pack).exercise("about")
    assert about is not None
    name = about.field("name")
    assert name is not None and name.label == expected


@SETTINGS
@given(body=st.text())
def test_any_guidance_round_trips_cleaned(fresh_pack: Path, body: str) -> None:
    path = fresh_pack / "plan.md"
    text = (MINI / "plan.md").read_text(encoding="utf-8")
    front = text[: text.rindex("+++\n") + 4]
    path.write_text(front + body, encoding="utf-8", newline="")
    plan = load_pack(fresh_pack).exercise("plan")
    assert plan is not None
    assert plan.guidance == clean_text(body).strip()


@SETTINGS
@given(data=st.binary(max_size=400))
def test_any_bytes_as_an_exercise_give_data_or_problems(fresh_pack: Path, data: bytes) -> None:
    (fresh_pack / "values.md").write_bytes(data)
    try:
        load_pack(fresh_pack)
    except PackError as error:
        assert error.problems
    assert_problems_point_into_files(fresh_pack)


@SETTINGS
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(lambda t: ("+++\n" + t).encode()))
def test_any_bytes_as_pack_toml_give_data_or_problems(fresh_pack: Path, data: bytes) -> None:
    (fresh_pack / "pack.toml").write_bytes(data)
    with pytest.raises(PackError):
        load_pack(fresh_pack)
    assert_problems_point_into_files(fresh_pack)


IDS = st.sampled_from(["about", "stories", "leads", "a", "Bad", "", "x-1"])
SCALARS = st.one_of(st.booleans(), st.integers(-5, 12), st.text(max_size=12), st.floats(), IDS)
ANYTHING = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "label", "x", "min"]), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELD = st.fixed_dictionaries(
    {"id": IDS, "type": st.sampled_from([*FieldType, "integer"])},
    optional={
        "label": st.text(max_size=8) | ANYTHING,
        "lable": st.text(max_size=8),
        "required": st.booleans() | ANYTHING,
        "min": st.integers(-2, 12) | ANYTHING,
        "max": st.integers(-2, 12),
        "choices": st.lists(
            st.fixed_dictionaries({"id": IDS}, optional={"label": st.text(max_size=5)}),
            max_size=3,
        )
        | ANYTHING,
    },
)
TITLED = st.fixed_dictionaries(
    {"id": IDS},
    optional={
        "title": st.text(max_size=5) | ANYTHING,
        "text": st.text(max_size=5),
        "dimension": IDS,
        "group": IDS,
        "letter": st.text(max_size=2),
        "weight": st.integers(-1, 7) | ANYTHING,
    },
)
FRONT_MATTER = st.fixed_dictionaries(
    {"id": st.just("values") | IDS, "kind": st.sampled_from([*Kind, "quiz"]) | ANYTHING},
    optional={
        "title": st.text(max_size=8) | ANYTHING,
        "minutes": st.integers(-3, 90) | ANYTHING,
        "fields": st.lists(FIELD, max_size=3) | ANYTHING,
        "entry_label": st.text(max_size=5),
        "summary_fields": st.lists(IDS, max_size=3) | ANYTHING,
        "top": st.integers(-1, 8) | ANYTHING,
        "scale": st.fixed_dictionaries(
            {}, optional={"min": st.integers(0, 3), "max": st.integers(0, 6), "labels": ANYTHING}
        )
        | ANYTHING,
        "dimensions": st.lists(TITLED, max_size=3) | ANYTHING,
        "items": st.lists(TITLED, max_size=3) | ANYTHING,
        "piles": st.lists(TITLED, max_size=3),
        "cards": st.lists(TITLED, max_size=3) | ANYTHING,
        "groups": st.lists(TITLED, max_size=2),
        "criteria": st.lists(TITLED, max_size=3) | ANYTHING,
        "source": st.fixed_dictionaries(
            {}, optional={"exercise": IDS, "field": st.sampled_from(["name", "skills", "x"])}
        )
        | ANYTHING,
        "extra": ANYTHING,
    },
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(front=FRONT_MATTER, headers=st.booleans())
def test_any_front_matter_gives_data_or_located_problems(
    fresh_pack: Path, front: dict[str, Any], headers: bool
) -> None:
    text = "+++\n" + toml_document(front, headers) + "\n+++\nGuidance.\n"
    (fresh_pack / "values.md").write_text(text, encoding="utf-8")
    try:
        pack = load_pack(fresh_pack)
    except PackError as error:
        assert error.problems == check_pack(fresh_pack)
    else:
        values = pack.exercise("values")
        assert values is not None and values.kind == front["kind"]
    assert_problems_point_into_files(fresh_pack)
