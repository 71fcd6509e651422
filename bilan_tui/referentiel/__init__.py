"""The occupation referential (ROME 4.0): import, search, fiches and Holland matching.

DESIGN §13. Headless: stdlib ``sqlite3``, ``csv`` and ``zipfile`` over the domain;
never Textual nor SQLModel. Import what you need from the modules:
``importer.import_referentiel``, ``reader.open_latest``, ``messages.missing_referential``.
"""
