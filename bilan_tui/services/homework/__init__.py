"""Homework that travels as one plain file: writing it, importing it, showing it.

Headless (no Textual, no SQLModel import of its own): the command line and the
interface both use it. The modules: ``fileformat`` (the TOML file),
``create`` (the consultant's side), ``importer`` (the beneficiary's side),
``view`` (what screens and reports show).
"""
