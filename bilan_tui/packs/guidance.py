"""Guidance a screen can draw: bounded when a pack is checked, cut when it is shown.

The exercise screen once turned the guidance's Markdown into one widget per
block: 80,000 list items or a 70,000-row table (both under the 1 MiB file
limit) froze the interface for minutes at several gigabytes. It now draws
the guidance as lines of one widget (``ui/widgets/guidance.py``), which
still parses and wraps every block. ``check_guidance``
refuses such a pack with a line-numbered problem, counting what the screen
would build with the same parser; ``shown_guidance`` is the screen's own
safety net, for whatever reaches it without that check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bilan_tui.i18n import _

from .limits import (
    MAX_GUIDANCE_BLOCKS,
    MAX_GUIDANCE_CHARS,
    MAX_GUIDANCE_LINES,
    MAX_GUIDANCE_LIST_ITEMS,
    MAX_GUIDANCE_NESTING,
    MAX_GUIDANCE_TABLE_ROWS,
)

if TYPE_CHECKING:
    from .source import FileReport


_NOT_BLOCKS = frozenset({"inline", "thead_open", "tbody_open", "tr_open", "th_open", "td_open"})
"""Tokens that are not blocks of their own: a table's parts are bounded by its rows."""


def _counts(text: str) -> tuple[int, int, int, int]:
    """(blocks, list items, table rows, deepest nesting), as the screen's parser sees them."""
    from markdown_it import MarkdownIt

    blocks = items = rows = depth = deepest = 0
    for token in MarkdownIt("gfm-like").parse(text):
        if token.block and token.nesting >= 0 and token.type not in _NOT_BLOCKS:
            blocks += 1
        if token.type == "list_item_open":
            items += 1
        elif token.type == "tr_open":
            rows += 1
        depth += token.nesting
        deepest = max(deepest, depth)
    return blocks, items, rows, deepest


def check_guidance(text: str, report: FileReport, line: int) -> None:
    """Report a guidance larger than the screen can draw.

    Args:
        text: The guidance (the Markdown after the front matter).
        report: The exercise file's report.
        line: The file line where the guidance starts.
    """
    if len(text) > MAX_GUIDANCE_CHARS:
        report.at_line(
            line,
            _("the guidance has {count} characters; at most {most} are allowed").format(
                count=len(text), most=MAX_GUIDANCE_CHARS
            ),
        )
        return  # not parsed: parsing it is what costs
    blocks, items, rows, deepest = _counts(text)
    found = (
        (items, MAX_GUIDANCE_LIST_ITEMS, _("the guidance has {count} list items")),
        (rows, MAX_GUIDANCE_TABLE_ROWS, _("the guidance has {count} table rows")),
        (deepest, MAX_GUIDANCE_NESTING, _("the guidance nests {count} levels deep")),
        (blocks, MAX_GUIDANCE_BLOCKS, _("the guidance has {count} blocks")),
    )
    for count, most, what in found:
        if count > most:
            message = _("{what}; at most {most} are allowed").format(
                what=what.format(count=count), most=most
            )
            report.at_line(line, message)
            return


def cut_notice() -> str:
    """The line shown where a guidance too long for the screen was cut."""
    return _("The guidance is too long to be shown in full: it was cut here.")


def shown_guidance(text: str) -> str:
    """``text`` as the screen shows it: whole, or cut to a size it can draw, with a notice.

    Cut at a line boundary (at most ``MAX_GUIDANCE_LINES`` lines and
    ``MAX_GUIDANCE_CHARS`` characters), so a table or list simply stops;
    the notice follows as its own paragraph, after a rule.
    """
    if len(text) <= MAX_GUIDANCE_CHARS and text.count("\n") < MAX_GUIDANCE_LINES:
        return text
    kept = text[:MAX_GUIDANCE_CHARS].split("\n")[:MAX_GUIDANCE_LINES]
    if len(kept) > 1 and len(text) > MAX_GUIDANCE_CHARS:
        kept.pop()  # the last line may be cut in the middle
    fences = [line.lstrip()[:3] for line in kept if line.lstrip()[:3] in ("```", "~~~")]
    if len(fences) % 2:
        kept.append(fences[-1])  # close a code block cut open, or the notice would be code
    return "\n".join(kept).rstrip() + "\n\n---\n\n" + _escape(cut_notice())


def _escape(text: str) -> str:
    """Our own notice as literal Markdown text (a translation could hold ``*`` or ``_``)."""
    return "".join("\\" + char if char in "\\`*_{}[]<>()#+-.!|~" else char for char in text)
