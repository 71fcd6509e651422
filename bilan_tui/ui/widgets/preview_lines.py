"""The export preview: a document's terminal lines, drawn only where they are seen.

A ``Static`` holding the whole document turns every one of its lines into a
strip each time it is laid out (hundreds for the detailed results, thousands
for a workbook kept for years), though the screen shows twenty. This view
keeps the lines as Rich drew them and makes a strip of a line only when it is
in view (Textual's Line API, as ``RichLog`` does; DESIGN §12).

The document may come in two parts: its beginning, drawn before the screen
is shown, and the rest, which the view asks for (``NearEnd``) when it is
scrolled within a screenful of the end of what it holds.
"""

from __future__ import annotations

from rich.segment import Segment, Segments
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip


class PreviewLines(ScrollView):
    """Lines of a document, or a short message wrapped to the view's width."""

    class NearEnd(Message):
        """The view comes near the end of its lines, and the document has more."""

    def __init__(self, message: Content, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.more = False
        """Whether the document goes on after the lines held (see ``append_lines``)."""
        self._asked = False
        self._end_wanted = False
        self._expected = 0
        """Lines counted for the rest of the document until it is drawn."""
        self._lines: list[list[Segment]] = []
        self._strips: dict[int, Strip] = {}
        """The lines made strips so far (those scrolled past)."""
        self._message: Content | None = message
        self._message_width = -1

    @property
    def text(self) -> str:
        """What the view shows, as plain text (for tests and the words checks)."""
        if self._message is not None:
            return self._message.plain
        return "\n".join("".join(segment.text for segment in line) for line in self._lines)

    def show_lines(self, segments: Segments, *, more: float = 0.0) -> None:
        """Show a document drawn by Rich: segments with a new line after each line.

        Args:
            segments: The document, or its beginning.
            more: How much longer than its beginning the rest of the document
                is (0: nothing follows; else ``append_lines`` brings it). The
                scrollbar counts the rest's lines as this share, so that it
                tells the length of the whole document from the start.
        """
        self._message = None
        self.more, self._asked, self._end_wanted = more > 0, False, False
        lines = _split_lines(segments)
        self._expected = round(len(lines) * more)
        self._set_lines(lines)

    def append_lines(self, segments: Segments) -> None:
        """Add the rest of the document, after the blank line Rich puts between blocks."""
        self.more = False
        self._expected = 0
        self._lines = [*self._lines, [], *_split_lines(segments)]
        self._set_lines(self._lines)
        if self._end_wanted:
            self.scroll_end(animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        """End reaches the end of the whole document, once its rest is drawn."""
        if self.more:
            self._end_wanted = True
            self._ask_more()
        super().action_scroll_end()

    def _ask_more(self) -> None:
        if self.more and not self._asked:
            self._asked = True
            self.post_message(self.NearEnd())

    def show_message(self, message: Content) -> None:
        """Show a short text (a wait, an error), wrapped at the view's width."""
        self._message = message
        self._message_width = -1
        self.more, self._expected = False, 0
        self._wrap_message()

    def _wrap_message(self) -> None:
        width = self.scrollable_content_region.width
        if self._message is None or width <= 0 or width == self._message_width:
            return
        self._message_width = width
        lines = self._message.wrap(width)
        self._set_lines([list(line.render_segments()) for line in lines])

    def _set_lines(self, lines: list[list[Segment]]) -> None:
        self._lines = lines
        self._strips = {}
        widest = max((Segment.get_line_length(line) for line in lines), default=0)
        self.virtual_size = Size(widest, len(lines) + self._expected)
        self.refresh()

    def on_resize(self) -> None:
        """A message wraps again at the new width (a document is drawn for its width)."""
        self._wrap_message()

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        index = scroll_y + y
        if self.more and index + self.size.height >= len(self._lines):
            self._ask_more()
        style = self.rich_style
        if index >= len(self._lines) or not self._lines[index]:
            return Strip([])  # padded with the background, as a Static pads its blank lines
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = Strip(self._lines[index])
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_style(style)


def _split_lines(segments: Segments) -> list[list[Segment]]:
    """Rich's segments cut into lines at each new line."""
    lines: list[list[Segment]] = []
    current: list[Segment] = []
    for segment in segments.segments:
        if segment.text == "\n" and segment.control is None:
            lines.append(current)
            current = []
        else:
            current.append(segment)
    if current:
        lines.append(current)
    return lines
