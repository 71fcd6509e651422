"""Exports: the synthesis, the detailed results and homework, as Markdown, HTML, JSON, PDF, DOCX.

Headless: this package reads domain objects (an ``ExportSource``, see
``source``) and returns text; it imports neither Textual nor the storage
layer. User text is escaped so that it always comes out as typed (``escape``).
The entry points are in ``api`` (``render``, ``write``); nothing is imported
here, so that ``bilan --help`` does not load the documents' code.
"""
