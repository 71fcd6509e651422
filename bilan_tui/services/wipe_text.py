"""What deleting a workbook does, said honestly, for ``bilan wipe`` and the interface's dialog.

Deleting a file does not always erase its bytes: an SSD writes elsewhere and
erases later, a copy-on-write file system (Btrfs, ZFS, APFS) or a snapshot
keeps the old blocks, and a backup of the whole computer keeps its own copy.
The wipe overwrites what it can (``store.wipe``); this text says what that
does and does not reach, rather than promising that nothing can be
recovered. For an encrypted workbook (DESIGN §14) destroying the key first
makes such traces unreadable, and the text says which of the two she had.
"""

from __future__ import annotations

from bilan_tui.i18n import _


def what_deletion_does(encrypted: bool = False) -> str:
    """The order, the overwriting, and its limits; ``encrypted``: the key goes first."""
    if encrypted:
        return _(
            "This workbook is encrypted: its key file is destroyed first, which makes the "
            "workbook and every backup unreadable at once, even where traces remain on the disk "
            "(an SSD, a copy-on-write file system, a backup of the whole computer). Then the "
            "backups and the workbook are overwritten with zeros and deleted."
        )
    return _(
        "The backups go first, then the workbook; each file is overwritten with zeros, where "
        "the system allows it, then deleted. On an SSD, a copy-on-write file system (Btrfs, "
        "ZFS, APFS) or in a backup of the whole computer, traces may remain that recovery tools "
        "could read, since the workbook is not encrypted."
    )


def backups_hold_cleared_answers(most_kept: int) -> str:
    """Why the backups must go too: they hold what was cleared since."""
    return _(
        "The automatic backups (up to {count}) hold earlier versions of your answers, "
        "including answers you have cleared since: they are deleted with the workbook."
    ).format(count=most_kept)


def keep_until_follow_up() -> str:
    """Why not to wipe before the follow-up interview."""
    return _(
        "Keep your workbook until your follow-up interview, about six months after the end of "
        "the bilan: you will go over your action plan there and compare your situation with "
        "where you started."
    )


def what_the_organisation_destroys() -> str:
    """The provider's side of the destruction (R6313-7), so she knows what to ask for."""
    return _(
        "On its side, the organisation that carried out your bilan must destroy the documents "
        "it made for it once the bilan is over (article R6313-7 of the Labour Code). It may "
        "keep them for one year at most in two cases only: with your written agreement, for "
        "the follow-up interview; or when the synthesis is sent to your career guidance "
        "adviser (CEP)."
    )
