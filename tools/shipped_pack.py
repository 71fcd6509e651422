"""Write the shipped packs read ahead of time, for commands that should not parse them.

    python tools/shipped_pack.py          # rewrite bilan_tui/packs/shipped_<lang>.pickle
    python tools/shipped_pack.py --check  # exit 1 if one of them is out of date

Run it after changing anything in ``content/``; the tests fail until it has
been run (the program itself still reads the files while the copy is out of
date: see ``bilan_tui/packs/shipped_cache.py``).
"""

from __future__ import annotations

import sys

from bilan_tui.packs.loader import _analyse
from bilan_tui.packs.names import LANGUAGES
from bilan_tui.packs.problems import PackError
from bilan_tui.packs.shipped import shipped_pack_root
from bilan_tui.packs.shipped_cache import cache_bytes, cache_path, cached_shipped_pack


def main(argv: list[str]) -> int:
    """Rewrite (or with ``--check``, compare) the read-ahead copy of each shipped pack."""
    check = "--check" in argv
    stale = []
    for language in LANGUAGES:
        root = shipped_pack_root(language)
        pack, problems = _analyse(root)
        if pack is None:
            raise PackError(problems)
        if check:
            if cached_shipped_pack(language, root) != pack:
                stale.append(language)
            continue
        cache_path(language).write_bytes(cache_bytes(pack, root))
        print(f"wrote {cache_path(language)}")
    if stale:
        print(f"out of date: {', '.join(stale)}; run python tools/shipped_pack.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
