"""The keys of the workbook's ``setting`` table, written once.

A light module (no SQLModel): the quick ``sqlite3`` read of the dashboard,
the repository and the headless use cases (``bilan_tui.services.person``) all name a
setting through these constants, so that a typo cannot read another key.
"""

from __future__ import annotations

DISPLAY_NAME = "display_name"
"""Her name as she wants it in the dashboard's title and on her documents."""
WELCOMED = "welcomed"
"""Set once the welcome screen was shown (skipping counts)."""
EXPORT_FOLDER = "export_folder"
"""The folder of the last export."""
