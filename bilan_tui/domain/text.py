"""Make untrusted text safe to show in a terminal.

Pack files and the person's own answers are data, never instructions to the
terminal: an escape sequence in a label could move the cursor, change colours,
set the window title or hide text (bidi overrides reorder what is displayed).
``clean_text`` removes all of that and keeps everything a person can read,
including newlines and tabs.
"""

from __future__ import annotations

import functools
import re

# Whole escape sequences first, so that their parameters do not stay behind as
# visible garbage ("[31m"). OSC, DCS, SOS, PM and APC strings count only when
# terminated: an unterminated one must not swallow the rest of the text.
_SEQUENCES = r"""
    \x1b\[[0-?]*[ -/]*[@-~]                      # CSI: ESC [ params final
    | \x9b[0-?]*[ -/]*[@-~]                      # 8-bit CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])    # OSC, DCS, SOS, PM, APC (7 or 8 bit)
      [^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)       #   ... up to BEL or ST
    | \x1b[ -/]*[0-~]                            # other ESC sequences (charset, keypad...)
    """

# What is left: C0 controls except tab and newline, DEL, C1 controls, and the
# bidirectional embedding, override and isolate characters.
_CONTROLS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled on the first text that needs them: most text never does."""
    return re.compile(_SEQUENCES, re.VERBOSE), re.compile(_CONTROLS)


def clean_text(s: str) -> str:
    """Remove terminal control sequences and characters from ``s``.

    Escape sequences are removed whole; any stray control character left is
    then dropped. Newlines and tabs are kept. The result holds no ESC at all,
    so cleaning twice gives the same text as cleaning once.

    Args:
        s: Text from a pack file or typed by the person.

    Returns:
        The same text without anything a terminal would interpret.
    """
    if s.isprintable():
        return s  # the common case: nothing to strip, not even a newline
    sequences, controls = _patterns()
    return controls.sub("", sequences.sub("", s))
