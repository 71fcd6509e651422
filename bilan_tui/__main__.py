"""``python -m bilan_tui``: the same as the ``bilan`` command.

Tests run the real program in a pseudo-terminal this way, with the
interpreter of the test run, whether or not the console script is installed.
"""

from __future__ import annotations

import sys

from bilan_tui.cli import main

if __name__ == "__main__":
    sys.exit(main())
