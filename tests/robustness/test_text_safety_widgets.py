"""Property tests of text safety: the cleaner, ``plain``, and every exercise body.

Hypothesis checks the cleaner and ``plain`` on 5,000 strings. Then 5,000
generated strings (plus the known payloads) are poured, 160 at a time, into
a pack and its answers, and every exercise body of every kind, the phase
list and the field editors are rendered with them: no exception, no control
character in what reaches the terminal, no action or link made of our text.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from textual.app import App, ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style

import bilan_tui.ui
from bilan_tui.domain.answers import Answer, Entry, ExerciseAnswers
from bilan_tui.domain.model import Pack
from bilan_tui.domain.text import clean_text
from bilan_tui.ui.kinds import ExerciseContext, body_for
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets.phase_list import PhaseList

from ..ui.helpers import mini_pack
from .hostile import (
    CONTROL,
    MARKER,
    PAYLOADS,
    generated,
    hostile_answers,
    hostile_pack,
    hostile_text_strategy,
)

GENERATED = 5000
BATCH = 160


@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text_strategy())
def test_plain_shows_text_literally_and_without_controls(text: str) -> None:
    cleaned = clean_text(text)
    assert CONTROL.search(cleaned) is None
    assert "\x1b" not in cleaned
    assert clean_text(cleaned) == cleaned
    content = plain(text)
    assert content.plain == cleaned, "markup must not be parsed"
    for segment in content.render_segments(Style()):
        assert CONTROL.search(segment.text) is None
        style = segment.style
        if style is not None:
            assert not style.meta, "no action or data may come from the text"
            assert not style.link


class Gallery(App[None]):
    """An empty app with the real stylesheet, to mount widgets one by one."""

    CSS_PATH = str(Path(bilan_tui.ui.__file__).parent / "app.tcss")

    def compose(self) -> ComposeResult:
        yield Vertical(id="stage")


def grouped(pack: Pack, answers: list[Answer]) -> dict[str, ExerciseAnswers]:
    by_exercise: dict[str, list[Answer]] = defaultdict(list)
    for answer in answers:
        by_exercise[answer.key.exercise_id].append(answer)
    return {
        exercise.id: ExerciseAnswers.from_answers(
            pack.id, exercise.id, by_exercise.get(exercise.id, [])
        )
        for exercise in pack.exercises
    }


def rendered(app: Gallery, where: str) -> str:
    """The screen as sent to the terminal, checked segment by segment."""
    lines = []
    for strip in app.screen._compositor.render_strips():
        line = []
        for segment in strip:
            found = CONTROL.search(segment.text)
            assert found is None, f"{where}: {found.group()!r} in {segment.text!r}"
            style = segment.style
            if style is not None:
                assert MARKER not in str((style.meta or {}).get("@click", "")), where
                assert MARKER not in (style.link or ""), where
            line.append(segment.text)
        lines.append("".join(line))
    return "\n".join(lines)


def visible_start(text: str) -> str | None:
    """The first few characters of a string as the screen must show them, if plain enough."""
    start = " ".join(clean_text(text).split())[:5]
    if len(start) < 5 or not start.isascii() or "\\" in start:
        return None
    return start


async def test_every_body_renders_generated_and_known_strings() -> None:
    base = mini_pack()
    strings = [*PAYLOADS, *generated(GENERATED, seed=7)]
    batches = [strings[start : start + BATCH] for start in range(0, len(strings), BATCH)]
    shown = checked = seen = 0
    app = Gallery()
    async with app.run_test(size=(120, 60)) as pilot:
        stage = app.query_one("#stage")
        for number, batch in enumerate(batches):
            pack = hostile_pack(base, batch)
            answers = grouped(
                pack, hostile_answers(pack, list(reversed(batch)), entries=10, custom=8)
            )

            def entries(
                exercise_id: str, found: dict[str, ExerciseAnswers] = answers
            ) -> list[Entry]:
                return found[exercise_id].entries() if exercise_id in found else []

            context = ExerciseContext(source_entries=entries)
            widgets = [PhaseList(pack)] + [
                body_for(exercise, answers[exercise.id], context) for exercise in pack.exercises
            ]
            screens = []
            for widget in widgets:
                await stage.mount(widget)
                await pilot.pause()
                screens.append(rendered(app, f"batch {number}, {widget!r}"))
                await widget.remove()
            assert app._exception is None
            everything = "\n".join(screens)
            starts = [start for start in map(visible_start, batch) if start]
            checked += len(starts)
            seen += sum(start in everything for start in starts)
            shown += len(batch)
    print(f"\n{shown} strings in {len(batches)} batches; {seen}/{checked} checked starts seen")
    assert shown == len(PAYLOADS) + GENERATED
    assert seen >= checked * 0.5, "most strings must really be on screen"


def test_content_from_plain_is_never_markup() -> None:
    """The one entry point: ``plain`` builds Content, it never parses."""
    for payload in PAYLOADS:
        assert isinstance(plain(payload), Content)
        assert plain(payload).plain == clean_text(payload)
