"""Markdown to one self-contained, print-friendly HTML file.

The page loads nothing: styles are inline, there are no scripts, fonts,
images or links to follow, and a Content-Security-Policy forbids the browser
from fetching anything should a reference ever slip in. Raw HTML in the
Markdown is not passed through, and links, images and bare URLs are not
recognised: the person's text is escaped before it gets here, and the parser
would not honour those constructs anyway.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from bilan_tui.domain.text import clean_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'"

STYLE = """
:root { color-scheme: light; }
body { margin: 0; background: #f4f2ee; color: #1f2328;
  font: 11pt/1.55 Georgia, "Times New Roman", serif; }
main { max-width: 44rem; margin: 2rem auto; padding: 2.5rem 3rem; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1, h2, h3, h4 { font-family: "Helvetica Neue", Arial, sans-serif; color: #1d3557;
  line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9rem; margin: 0 0 .4rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem;
  border-bottom: 2px solid #457b9d; }
h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p, li { orphans: 3; widows: 3; }
em { color: #57606a; }
ul, ol { padding-left: 1.4rem; }
li { margin: .25rem 0; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .92em;
  break-inside: auto; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left;
  vertical-align: top; }
th { background: #eef3f8; }
tr { break-inside: avoid; page-break-inside: avoid; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2 { break-before: auto; }
}
@page { margin: 2cm 1.8cm; }
"""


UNUSED_RULES = [
    "code",
    "fence",
    "blockquote",
    "hr",
    "reference",
    "html_block",
    "lheading",
    "backticks",
    "link",
    "image",
    "autolink",
    "html_inline",
]
"""Constructs the documents never write: turned off, which is both safer and faster."""

_parser: MarkdownIt | None = None


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables, without raw HTML, links, images or code (built once)."""
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        parser = MarkdownIt("commonmark", {"html": False, "linkify": False})
        _parser = parser.enable("table").disable(UNUSED_RULES)
    return _parser


def to_html(markdown: str, *, title: str, language: str) -> str:
    """A complete HTML page for a Markdown document.

    Args:
        markdown: A document written by this package (user text escaped).
        title: The page title (plain text; escaped here).
        language: ``fr`` or ``en``, for the ``lang`` attribute.
    """
    body = markdown_parser().render(markdown)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(clean_text(title))}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
