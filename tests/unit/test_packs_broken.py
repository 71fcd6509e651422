"""Broken packs: every mistake is reported, each on the line the author must open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bilan_tui.packs import PackError, PackProblem, check_pack, load_pack

FIXTURES = Path(__file__).parent.parent / "fixtures" / "packs"


def reported(root: Path) -> list[str]:
    """The problems of a pack as ``file:line: message``, paths relative to the pack."""
    lines = []
    for problem in check_pack(root):
        relative = Path(problem.path).relative_to(root).as_posix()
        lines.append(f"{relative}:{problem.line}: {problem.message}")
    return lines


def test_many_mistakes_in_many_files_are_all_reported() -> None:
    root = FIXTURES / "broken-many"
    assert reported(root) == [
        "pack.toml:4: language 'de' is not supported (expected fr or en)",
        "pack.toml:9: exercise 'ghost' has no file 'ghost.md'",
        "typo.md:6: field 'name': missing required key 'label'",
        "typo.md:9: field 'name': unknown key 'lable' (did you mean 'label'?)",
        "typo.md:10: field 'name': 'required' must be true or false, not a string",
        "quiz.md:4: unknown kind 'quiz'"
        " (expected one of form, records, likert, cardsort, grid, matrix)",
        "likes.md:18: item 'a1': unknown dimension 'artistic'",
        "syntax.md:5: invalid TOML: something follows the value on the same line (column 14)",
        "map.md:5: source exercise 'nowhere' is not in this pack",
        "stray.md:1: file not listed in pack.toml",
    ]
    with pytest.raises(PackError) as caught:
        load_pack(root)
    assert caught.value.problems == check_pack(root)
    assert str(caught.value).splitlines() == [str(p) for p in check_pack(root)]


def test_front_matter_delimiters() -> None:
    assert reported(FIXTURES / "broken-frontmatter") == [
        "sans-ouverture.md:1: missing front matter: the file must start with a '+++' line",
        "sans-fermeture.md:1: missing closing '+++' line after the front matter",
        "trop-tard.md:3: misplaced '+++': the front matter must start on the first line",
        "vide.md:1: missing front matter: the file must start with a '+++' line",
    ]


def test_manifest_mistakes() -> None:
    order = "preliminaire, investigation, conclusions"
    assert reported(FIXTURES / "broken-manifest") == [
        "pack.toml:1: invalid id 'Mon Pack':"
        " use lowercase letters, digits, '-' and '_', starting with a letter",
        "pack.toml:1: missing required key 'title'",
        "pack.toml:4: unknown key 'lisence' (did you mean 'licence'?)",
        "pack.toml:8: exercise 'valeurs' is listed more than once",
        f"pack.toml:11: phase 'preliminaire' is out of order (the legal order is {order})",
        "pack.toml:12: invalid id 'Demande':"
        " use lowercase letters, digits, '-' and '_', starting with a letter",
        "pack.toml:15: phase 'investigation' is repeated",
        f"pack.toml:19: unknown phase 'synthese' (expected one of {order})",
        "pack.toml:21: exercise 'valeurs' is listed more than once",
        "pack.toml:26: phase 'conclusions': 'exercises' must not be empty",
    ]


def test_kind_specific_mistakes() -> None:
    types = "text, longtext, number, date, year, choice, multichoice, rating, checkbox, tags"
    assert reported(FIXTURES / "broken-kinds") == [
        "fields.md:5: 'minutes' must be an integer, not a string",
        "fields.md:6: key 'scale' does not apply to a form exercise",
        "fields.md:8: field 'funding': missing required key 'choices'",
        "fields.md:13: field 'mood': missing required key 'min'",
        "fields.md:13: field 'mood': missing required key 'max'",
        "fields.md:23: field 'energy': 'min' (5) must be less than 'max' (5)",
        "fields.md:26: duplicate field id 'funding'",
        "fields.md:29: field 'funding': 'help' must be a string, not an integer",
        "fields.md:32: field 'Age': invalid id 'Age':"
        " use lowercase letters, digits, '-' and '_', starting with a letter",
        f"fields.md:33: field 'Age': unknown type 'integer' (expected one of {types})",
        "fields.md:42: field 'format', choice 'remote': missing required key 'label'",
        "fields.md:42: field 'format', choice 'remote':"
        " unknown key 'lable' (did you mean 'label'?)",
        "fields.md:42: duplicate choice id 'remote'",
        "stories.md:5: 'summary_fields' names unknown field 'when'",
        "stories.md:6: 'sort_by' names unknown field 'year'",
        "likes.md:2: missing required key 'scale'",
        "likes.md:2: missing required key 'items'",
        "likes.md:5: 'top' (3) is more than the number of dimensions (2)",
        "likes.md:14: dimension 'artistic': letter 'S' is already used",
        "sort.md:2: missing required key 'piles'",
        "sort.md:5: 'top' (3) is more than the number of cards (2)",
        "sort.md:12: duplicate card id 'autonomy'",
        "map.md:5: source exercise 'fields' is a form exercise, not a records exercise",
        "map.md:13: item 'listen': unknown group 'hard'",
        "other-map.md:8: source field 'skills' of 'stories' is a text field;"
        " a grid takes its items from a tags field",
        "compare.md:2: missing required key 'source'",
        "compare.md:2: missing required key 'criteria'",
        "renamed.md:2: exercise id 'old-name' does not match the file name 'renamed.md'",
    ]


@pytest.fixture
def mini_copy(tmp_path: Path) -> Path:
    """A writable copy of the sound fixture pack, to break one thing at a time."""
    root = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", root)
    return root


def test_bad_utf8_is_reported_on_its_line(mini_copy: Path) -> None:
    (mini_copy / "plan.md").write_bytes(b'+++\nid = "plan"\ntitle = "caf\xe9"\n+++\n')
    assert reported(mini_copy) == [
        "plan.md:3: not valid UTF-8 (byte 0xe9); save it as UTF-8",
    ]


def test_folder_in_place_of_an_exercise_file(mini_copy: Path) -> None:
    (mini_copy / "plan.md").unlink()
    (mini_copy / "plan.md").mkdir()
    assert reported(mini_copy) == ["plan.md:1: cannot read: this is a folder, not a file"]


def test_missing_pack_toml_still_checks_the_exercise_files(mini_copy: Path) -> None:
    (mini_copy / "pack.toml").unlink()
    (mini_copy / "about.md").write_text("no front matter\n", encoding="utf-8")
    assert reported(mini_copy) == [
        "pack.toml:1: cannot read: file not found",
        "about.md:1: missing front matter: the file must start with a '+++' line",
    ]


def test_a_file_is_not_a_pack(tmp_path: Path) -> None:
    file = tmp_path / "pack.toml"
    file.write_text("", encoding="utf-8")
    assert check_pack(file) == [PackProblem(str(file), 1, "cannot read the pack: not a folder")]


def test_toml_error_at_end_of_front_matter_points_at_its_last_line(mini_copy: Path) -> None:
    (mini_copy / "plan.md").write_text(
        '+++\nid = "plan"\ntitle = "My plan"\nkind = \n\n+++\nBody\n', encoding="utf-8"
    )
    problems = reported(mini_copy)
    assert len(problems) == 1
    assert problems[0].startswith("plan.md:4: invalid TOML: ")


def test_source_field_missing_from_records_exercise(mini_copy: Path) -> None:
    path = mini_copy / "compare.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('field = "name"', 'field = "title"'), encoding="utf-8")
    assert reported(mini_copy) == [
        "compare.md:7: source field 'title' is not a field of 'leads'",
    ]


def test_source_to_a_broken_exercise_is_not_reported_twice(mini_copy: Path) -> None:
    (mini_copy / "leads.md").write_text("+++\nbroken = \n+++\n", encoding="utf-8")
    problems = reported(mini_copy)
    assert [line.split(":")[0] for line in problems] == ["leads.md"]


def test_values_in_messages_are_quoted_safely(mini_copy: Path) -> None:
    about, plan = mini_copy / "about.md", mini_copy / "plan.md"
    text = about.read_text(encoding="utf-8")
    about.write_text(text.replace('kind = "form"', 'kind = "\\u009bform"'), encoding="utf-8")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace('id = "due"', 'id = "\\u001b[2Jdue"'), encoding="utf-8")
    problems = check_pack(mini_copy)
    assert len(problems) == 2
    assert not any("\x1b" in str(problem) or "\x9b" in str(problem) for problem in problems)
    assert "'\\x9bform'" in problems[0].message
    assert "'\\x1b[2Jdue'" in problems[1].message


def test_rating_and_inline_source_problems_point_at_their_lines(mini_copy: Path) -> None:
    path = mini_copy / "skills.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace('field = "skills" }', 'feld = "skills" }')
    path.write_text(text, encoding="utf-8")
    assert reported(mini_copy) == [
        "skills.md:7: source: missing required key 'field'",
        "skills.md:7: source: unknown key 'feld' (did you mean 'field'?)",
    ]


def test_forced_choice_and_reversed_item_mistakes(mini_copy: Path) -> None:
    path = mini_copy / "interests.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'id = "r2"\ndimension = "realistic"\ntext = "Build a garden shed"',
        'id = "r2"\ndimension = "realistic"\ntext = "Build a garden shed"\nversus = "artistic"'
        '\nversus_text = "Paint a mural"',
    )
    text = text.replace(
        'id = "i1"\ndimension = "investigative"\ntext = "Find out why a plant is sick"',
        'id = "i1"\ndimension = "investigative"\ntext = "Find out why a plant is sick"'
        '\nversus = "investigative"\nversus_text = "Read about plants"\nreverse = true',
    )
    text = text.replace(
        'id = "i2"\ndimension = "investigative"\ntext = "Compare figures to spot a trend"',
        'id = "i2"\ndimension = "investigative"\ntext = "Compare figures to spot a trend"'
        '\nversus = "social"',
    )
    path.write_text(text, encoding="utf-8")
    problems = [line.split(": ", 1)[1] for line in reported(mini_copy)]
    assert problems == [
        "forced choices need 'pair_labels' in the scale",
        "item 'r2': unknown dimension 'artistic'",
        "item 'i1': a forced choice needs two different dimensions",
        "item 'i1': a forced choice cannot also be 'reverse'",
        "item 'i2': a forced choice needs both 'versus' and 'versus_text'",
    ]


def test_an_eliminatory_criterion_takes_no_weight(mini_copy: Path) -> None:
    path = mini_copy / "compare.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("[[criteria]]\n", "[[criteria]]\neliminatory = true\n", 1)
    path.write_text(text, encoding="utf-8")
    problems = [line.split(": ", 1)[1] for line in reported(mini_copy)]
    assert problems == ["criterion 'values': an eliminatory criterion has no weight"]
