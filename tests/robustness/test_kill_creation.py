"""A kill while a brand-new workbook is being made leaves no half-made workbook.

The very first start creates the workbook; if the terminal is closed in those
milliseconds, the next start must simply create it again. A half-made file
under the real name would be refused as damaged, with no backup to offer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilan_tui.domain.answers import Answer, AnswerKey
from bilan_tui.store.repository import open_workbook

DIE_WHILE_CREATING = """
import os, sys
from pathlib import Path
from bilan_tui.store import repository

real = repository.{target}

def die(*args, **kwargs):
    if {after}:
        real(*args, **kwargs)
    os._exit(137)  # as kill -9 would: no cleanup of any kind

repository.{target} = die
repository.open_workbook(Path(sys.argv[1]), language="en")
"""


@pytest.mark.parametrize(
    ("target", "after"),
    [
        ("_initialise", False),  # the draft exists, empty
        ("_initialise", True),  # the draft is complete, not linked yet
        ("sync_dir", False),  # linked, the draft not yet removed
    ],
)
def test_a_creation_cut_short_is_simply_made_again(
    tmp_path: Path, target: str, after: bool
) -> None:
    path = tmp_path / "workbooks" / "default.sqlite"
    script = DIE_WHILE_CREATING.format(target=target, after=after)
    done = subprocess.run([sys.executable, "-c", script, str(path)], check=False)
    assert done.returncode == 137
    if target == "sync_dir":
        assert path.exists()  # linked: complete, as the checks below show
    else:
        assert not path.exists()
    with open_workbook(path, language="en") as workbook:
        workbook.save_answers([Answer(AnswerKey("bilan", "demande", "declencheur"), "Kept")])
    with open_workbook(path, create=False) as workbook:
        assert [answer.value for answer in workbook.all_answers()] == ["Kept"]
        assert workbook.info().name == "default"
    leftovers = sorted(p.name for p in path.parent.iterdir() if ".new" in p.name)
    assert leftovers == []
    assert oct(os.stat(path).st_mode & 0o777) == oct(0o600)
