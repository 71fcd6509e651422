"""``bilan export --format pdf|docx``: private files, never overwritten, consent, and no typst.

Without the ``[pdf]`` extra, asking for a PDF says in one line how to add
it and exits 2 having written nothing; every other format still works.
"""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bilan_tui.cli import main
from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.export.api import render
from bilan_tui.export.options import ExportOptions
from bilan_tui.export.typst_render import PdfUnavailable, forget_compiler
from bilan_tui.store.repository import open_workbook
from tests.unit.export_helpers import demo_source
from tests.unit.page_readers import docx_document, pdf_pages, squeeze

TYPED = "#strong[not bold] $x$ *stars* <b>tag</b> \\ ]"


@pytest.fixture
def workbook(data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workbook "w" with one answer full of markup; the commands run from an empty folder."""
    path = data_dir / "workbooks" / "w.sqlite"
    with open_workbook(path, language="en") as opened:
        opened.save_answers([Answer(AnswerKey("bilan", "demande", "declencheur"), TYPED)])
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    return path


@pytest.fixture
def without_typst(monkeypatch: pytest.MonkeyPatch) -> None:
    """``import typst`` fails, as on an install without the ``[pdf]`` extra."""
    forget_compiler()  # an earlier test may have made one
    monkeypatch.setitem(sys.modules, "typst", None)


def bilan(*args: str) -> int:
    return main(["--workbook", "w", "--lang", "en", "export", *args])


@pytest.mark.parametrize("format_", ["pdf", "docx"])
@pytest.mark.parametrize("scope", ["synthese", "detail"])
def test_pdf_and_docx_are_private_files_that_are_never_overwritten(
    workbook: Path, format_: str, scope: str
) -> None:
    assert bilan("--format", format_, "--scope", scope) == 0
    assert bilan("--format", format_, "--scope", scope) == 0
    written = sorted(Path.cwd().iterdir())
    assert [path.suffix for path in written] == [f".{format_}"] * 2
    assert written[0].name != written[1].name
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    data = written[0].read_bytes()
    text = (
        squeeze(" ".join(pdf_pages(data)))
        if format_ == "pdf"
        else "\n".join(p.text for p in docx_document(data).paragraphs)
    )
    assert TYPED in text
    chosen = Path.cwd() / "mine"
    chosen.write_bytes(b"keep")
    assert bilan("--format", format_, "--output", str(chosen)) == 2
    assert chosen.read_bytes() == b"keep"


def test_a_pdf_for_the_consultant_records_the_consent(workbook: Path) -> None:
    assert (
        bilan("--format", "pdf", "--for", "consultant", "--agree-to-share", "--despite-modalites")
        == 0
    )
    with open_workbook(workbook, create=False) as opened:
        [consent] = opened.consents()
    assert (consent.recipient, consent.scope, consent.format) == ("consultant", "synthese", "pdf")
    assert consent.path and consent.path.endswith(".pdf")


@pytest.mark.usefixtures("without_typst")
def test_without_typst_pdf_says_how_to_add_it_and_writes_nothing(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        bilan("--format", "pdf", "--for", "consultant", "--agree-to-share", "--despite-modalites")
        == 2
    )
    error = capsys.readouterr().err.strip().splitlines()
    assert error == [
        "bilan: PDF needs the Typst package: pip install 'bilan-tui[pdf]' (other formats work)."
    ]
    assert list(Path.cwd().iterdir()) == []
    with open_workbook(workbook, create=False) as opened:
        assert opened.consents() == []
    for format_ in ("md", "html", "json", "docx"):
        assert bilan("--format", format_) == 0
    assert len(list(Path.cwd().iterdir())) == 4


@pytest.mark.usefixtures("without_typst")
def test_without_typst_the_french_line_is_french(
    workbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workbook", "w", "--lang", "fr", "export", "--format", "pdf"]) == 2
    error = capsys.readouterr().err
    assert "pip install 'bilan-tui[pdf]'" in error
    assert "PDF needs" not in error


@pytest.mark.usefixtures("without_typst")
def test_without_typst_render_raises_pdf_unavailable() -> None:
    with pytest.raises(PdfUnavailable):
        render(demo_source("en"), ExportOptions(format="pdf"))
    assert render(demo_source("en"), ExportOptions(format="docx")).data


def test_other_formats_do_not_load_typst_or_docx() -> None:
    code = (
        "import sys\n"
        "from tests.unit.export_helpers import demo_source\n"
        "from bilan_tui.export.api import render\n"
        "from bilan_tui.export.options import ExportOptions\n"
        "source = demo_source('en')\n"
        "for f in ('md', 'html', 'json'):\n"
        "    render(source, ExportOptions(scope='detail', format=f))\n"
        "print(sorted(m for m in ('typst', 'docx', 'lxml') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
