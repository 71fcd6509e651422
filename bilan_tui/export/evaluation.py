"""The end-of-bilan evaluation, as a document of its own.

How useful the bilan was, what was missing, whether its objectives were met:
the provider's evidence (Qualiopi asks for it), which the person hands to the
organisation if she wishes. It is never part of the synthesis or of the
detailed results (``export.contents.EVALUATION``), so a copy of those for an
employer cannot carry her opinion of the provider by accident.
"""

from __future__ import annotations

from .common import confidentiality, title_block
from .contents import EVALUATION
from .detail import exercise_section
from .doc import Doc
from .options import ExportOptions
from .source import ExportSource
from .wording import Wording

EVALUATION_ID = EVALUATION.exercises[0]
"""The shipped pack's evaluation exercise."""


def evaluation_markdown(source: ExportSource, options: ExportOptions) -> str:
    """The evaluation as Markdown: whose it is, then her answers, then the notice."""
    words = Wording(source.language)
    doc = Doc(words.colon())
    title_block(doc, words("evaluation_title"), source, options)
    doc.para(words("evaluation_intro", name=source.name or words("unnamed_person")))
    exercise = source.pack.exercise(EVALUATION_ID)
    if exercise is None:
        doc.note(words("evaluation_missing"))
    else:
        exercise_section(doc, source, options, exercise, 2)
    confidentiality(doc, source, options, 2)
    return doc.text()
