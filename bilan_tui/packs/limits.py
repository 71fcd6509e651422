"""How large a pack may be: every number that sizes the interface has a bound.

A pack comes from someone else, and the interface draws one widget per scale
point, item, card, option, criterion and block of guidance: a rating of
50,000,000 points or a guidance of 80,000 list items would freeze it while it
eats the memory. Each bound is about ten times what the shipped packs use
(measured on ``content/fr`` and ``content/en``, noted beside each one), so a
real pack never meets them; ``docs/authoring-packs.md`` lists them for authors.
"""

from __future__ import annotations

MAX_FILES = 300
"""Pack files in a folder or an archive (the shipped pack has 23)."""

MAX_FILE_BYTES = 256 << 10
"""One exercise file: 256 KiB is thousands of items (the largest shipped one is 10 KB).

Reading TOML costs about a second per MiB: this keeps checking any one file
well under a second.
"""

MAX_TOTAL_BYTES = 2 << 20
"""The whole pack (the shipped one is 140 KB)."""

MAX_FILE_LINES = 4_000
"""Lines of one pack file (shipped: 340).

Reading TOML costs about ten microseconds per line of short keys whatever
their size in bytes: lines, not bytes, bound the time a check takes.
"""

MAX_PACK_LINES = 40_000
"""Lines of all the pack's files together (shipped: 3,570)."""

MAX_SCALE_POINTS = 101
"""Points of a likert scale or a rating field, ``0`` to ``100`` at most (shipped: 11)."""

MAX_FIELDS = 200
"""Fields of one exercise (shipped: 19)."""

MAX_CHOICES = 100
"""Choices of one choice or multichoice field (shipped: 7)."""

MAX_ITEMS = 500
"""Items of a likert or grid exercise (shipped: 53)."""

MAX_DIMENSIONS = 100
"""Dimensions of a likert exercise (shipped: 12)."""

MAX_CARDS = 250
"""Cards of a card sort (shipped: 24)."""

MAX_PILES = 30
"""Piles of a card sort (shipped: 3)."""

MAX_GROUPS = 50
"""Groups of a grid (shipped: 3)."""

MAX_CRITERIA = 100
"""Criteria of a matrix (shipped: 9)."""

MAX_GUIDANCE_CHARS = 30_000
"""Characters of one exercise's guidance (shipped: 2,321)."""

MAX_PACK_GUIDANCE_CHARS = 400_000
"""Characters of guidance in the whole pack (shipped: 39,753)."""

MAX_GUIDANCE_BLOCKS = 1_000
"""Blocks of one guidance: paragraphs, headings, lists and their items... (shipped: 24)."""

MAX_GUIDANCE_LIST_ITEMS = 200
"""List items of one guidance (shipped: 8)."""

MAX_GUIDANCE_TABLE_ROWS = 200
"""Rows of the tables of one guidance (shipped: none; a table of 20 rows is already long)."""

MAX_GUIDANCE_NESTING = 16
"""Lists and quotes inside one another (shipped: 3)."""

MAX_GUIDANCE_LINES = 300
"""Lines of guidance a screen shows before it cuts (shipped: 37); see ``shown_guidance``."""
