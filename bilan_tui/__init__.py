"""bilan-tui: a private terminal workbook for the French bilan de compétences."""

__version__ = "0.1.0"
