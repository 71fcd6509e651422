"""Maintain the gettext catalogs with Babel.

    python tools/i18n.py update   # extract strings from bilan_tui/, merge into the .po files
    python tools/i18n.py compile  # write the .mo files the program reads
    python tools/i18n.py check    # CI: every string translated into French, .mo up to date

English is the source language: its catalog is generated with each message
translated by itself, so both languages go through the same machinery.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bilan_tui"
LOCALE = PACKAGE / "locale"
DOMAIN = "bilan"
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None, "Nn_": (1, 2)}


def template() -> Catalog:
    """Every translatable string of the package, freshly extracted."""
    catalog = Catalog(project="bilan-tui", domain=DOMAIN, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        catalog.add(
            message,
            None,
            [(f"bilan_tui/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, fuzzy=False)
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def save(language: str, catalog: Catalog) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(
        buffer,
        catalog,
        width=100,
        omit_header=False,
        sort_output=False,
        ignore_obsolete=True,
        include_previous=False,
    )
    path.write_bytes(buffer.getvalue())


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    fresh = template()
    for language in ("fr", "en"):
        catalog = load(language)
        catalog.update(fresh, no_fuzzy_matching=True)
        if language == "en":
            for message in catalog:
                if message.id:
                    message.string = message.id
        catalog.fuzzy = False
        save(language, catalog)
    print(f"{len(fresh)} messages")


def compile_all() -> None:
    for language in ("fr", "en"):
        catalog = load(language)
        (po_path(language).with_suffix(".mo")).write_bytes(mo_bytes(catalog))


def check() -> int:
    fresh = template()
    problems: list[str] = []
    for language in ("fr", "en"):
        catalog = load(language)
        for message in fresh:
            if not message.id:
                continue
            found = catalog.get(message.id, context=message.context)
            where = ", ".join(f"{f}:{n}" for f, n in message.locations[:1])
            strings = found.string if found is not None else ""
            missing = not all(strings) if isinstance(strings, (tuple, list)) else not strings
            if found is None or missing or found.fuzzy:
                problems.append(f"{language}: untranslated: {message.id!r} ({where})")
        mo = po_path(language).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(catalog):
            problems.append(f"{language}: {mo.relative_to(ROOT)} is not up to date (run compile)")
    for problem in problems:
        print(problem)
    print(f"{len(fresh)} messages, {len(problems)} problems")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "update":
        update()
        return 0
    if command == "compile":
        compile_all()
        return 0
    if command == "check":
        return check()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
