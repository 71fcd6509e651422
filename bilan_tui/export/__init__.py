"""Exports: the synthesis, the detailed results and homework, in Markdown, HTML and JSON.

Headless: this package reads domain objects (an :class:`ExportSource`) and
returns text; it imports neither Textual nor the storage layer. User text is
escaped so that it always comes out as typed (see ``escape``).
"""

from .api import NoHomework, Rendered, file_name, pick_homework, render, write
from .files import ExportExists
from .options import FORMATS, RECIPIENTS, SCOPES, ExportOptions
from .source import ExportSource, collect

__all__ = [
    "FORMATS",
    "RECIPIENTS",
    "SCOPES",
    "ExportExists",
    "ExportOptions",
    "ExportSource",
    "NoHomework",
    "Rendered",
    "collect",
    "file_name",
    "pick_homework",
    "render",
    "write",
]
