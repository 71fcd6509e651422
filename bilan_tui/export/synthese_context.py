"""What every part of the synthesis reads: the source, the options, the profile."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bilan_tui.domain.model import Exercise
from bilan_tui.domain.profile import Profile, build_profile

from .doc import Doc, labelled
from .options import ExportOptions
from .source import ExportSource
from .values import Reader
from .wording import Wording


@dataclass
class Synthesis:
    """The synthesis being written.

    Attributes:
        source: The workbook's snapshot.
        options: The export request (privacy, recipient, date).
        words: The document's language.
        doc: The Markdown written so far.
        profile: The scored results, as the profile screen shows them.
    """

    source: ExportSource
    options: ExportOptions
    words: Wording
    doc: Doc
    profile: Profile

    @classmethod
    def start(cls, source: ExportSource, options: ExportOptions) -> Synthesis:
        """An empty synthesis for this workbook."""
        words = Wording(source.language)
        profile = build_profile(source.pack, lambda ex: source.exercise_answers(ex.ref))
        return cls(source, options, words, Doc(words.colon()), profile)

    def exercise(self, exercise_id: str) -> Exercise | None:
        """An exercise of the pack."""
        return self.source.pack.exercise(exercise_id)

    def reader(self, exercise_id: str) -> Reader:
        """The answers of an exercise, private fields filtered."""
        return Reader(
            self.exercise(exercise_id),
            self.source.exercise_answers(exercise_id),
            self.words,
            self.options.include_private,
        )

    def includes(self, part_id: str) -> bool:
        """Whether the document holds this part of the bilan (``export.contents``)."""
        return part_id in self.options.parts

    def explored(self, exercise_id: str) -> bool:
        """Whether the exercise exists and holds an answer."""
        return self.source.explored(self.exercise(exercise_id))

    def not_explored(self, exercise_id: str) -> None:
        """The one line standing in for an exercise not done yet."""
        exercise = self.exercise(exercise_id)
        if exercise is None:
            self.doc.note(self.words("not_in_pack"))
        else:
            self.doc.note(self.words("not_explored", title=exercise.title))

    def require(self, exercise_id: str) -> bool:
        """Whether there is something to write; if not, say it is not yet explored."""
        if self.explored(exercise_id):
            return True
        self.not_explored(exercise_id)
        return False

    def facts(self, pairs: Sequence[tuple[str, str | None]]) -> None:
        """A bullet list of ``**label** : value``, skipping empty values."""
        colon = self.words.colon()
        self.doc.bullets([labelled(label, value, colon) for label, value in pairs if value])

    def answers(self, exercise_id: str, pairs: Sequence[tuple[str, str]]) -> None:
        """Paragraphs ``**label** : answer`` for the given (phrase key, field id) pairs."""
        reader = self.reader(exercise_id)
        for key, field_id in pairs:
            self.doc.labelled(self.words(key), reader.text(field_id))
