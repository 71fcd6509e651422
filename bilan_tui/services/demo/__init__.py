"""The demo workbook: a complete, fictional bilan to show what a finished one looks like.

Nadia, a night nurse of 41, weighs a move into occupational health; every
exercise of the shipped pack is answered, consistently from one exercise to
the next, with eight weeks of hours in the ledger. The answers are data
(``data/facts.toml`` for what does not depend on the language, ``fr.toml`` and
``en.toml`` for the texts); ``script`` turns them into domain answers for a
pack and a reference day, ``build`` writes them into the workbook ``demo``.

Nothing here imports Textual; importing this package reads no file.
"""

DEMO_WORKBOOK = "demo"
"""The workbook ``bilan demo`` (re)creates; it never touches another."""
