"""French spacing for every French document: the rule lives in the domain.

The app shows French text with the same no-break spaces as the exports
(issue #20), and the interface may not import the exports (import-linter's
layers), so the pure rule moved to :mod:`bilan_tui.domain.french_typography`;
this module keeps the name the exports and their tests import.
"""

from __future__ import annotations

from bilan_tui.domain.french_typography import NARROW_NBSP, NBSP, typeset_french

__all__ = ["NARROW_NBSP", "NBSP", "typeset_french"]
