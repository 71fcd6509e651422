"""What every command needs: where the workbook is, which language, which pack."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bilan_tui import paths
from bilan_tui.i18n import LANGUAGES, _, resolve_language, set_language

if TYPE_CHECKING:
    from bilan_tui.domain.model import Pack
    from bilan_tui.session import WorkbookSession


class UsageError(Exception):
    """Bad usage or invalid input: one line on stderr, exit status 2, nothing written."""


def shown_name(text: str) -> str:
    """``text`` with control characters and undecodable bytes written as escapes.

    A refused name is quoted back on one line: a newline or an escape
    sequence in it must show as ``\n``, not break the line or the terminal.
    """
    return "".join(
        char if char.isprintable() and not 0xD800 <= ord(char) <= 0xDFFF else repr(char)[1:-1]
        for char in text
    )


def valid_text(value: str, option: str) -> str:
    """``value`` if it is text that can be stored (UTF-8); else a usage error naming ``option``.

    Arguments reach Python as the bytes the terminal sent; bytes that are not
    UTF-8 arrive as lone surrogates, which SQLite cannot store.

    Raises:
        UsageError: ``value`` holds bytes that are not UTF-8.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(
            _(
                "{option} holds characters that are not valid text (UTF-8): check your "
                "terminal's encoding; nothing was written"
            ).format(option=option)
        ) from None
    return value


@dataclass
class CommandContext:
    """The resolved global options of one ``bilan`` invocation."""

    data_dir: Path
    workbook: str
    requested_language: str | None
    debug: bool
    language: str = "fr"
    passphrase_file: Path | None = None
    """``--passphrase-file``: where an encrypted workbook's passphrase is read (scripts)."""
    _library: tuple[Pack, Pack] | None = field(default=None, init=False, repr=False)

    @classmethod
    def from_args(cls, args: object, default_workbook: str) -> CommandContext:
        """Build the context from parsed arguments (``--data-dir`` wins over the environment)."""
        workbook = getattr(args, "workbook", None)
        return cls(
            data_dir=paths.data_dir(getattr(args, "data_dir", None)),
            workbook=default_workbook if workbook is None else workbook,
            requested_language=getattr(args, "lang", None),
            debug=bool(getattr(args, "debug", False)),
            passphrase_file=_optional_path(getattr(args, "passphrase_file", None)),
        )

    def workbook_path(self) -> Path:
        """The workbook's file; a bad name is a usage error."""
        try:
            return paths.workbook_path(self.data_dir, self.workbook)
        except paths.BadWorkbookName as error:
            raise UsageError(
                _("invalid workbook name: {name} (use letters, digits, '-', '_' or '.')").format(
                    name=shown_name(str(error))
                )
            ) from None

    def expect_workbook(self) -> Path:
        """The workbook's file, unless it is missing while workbooks sit elsewhere.

        Called before a command shows or creates a workbook that does not
        exist: if ``--data-dir`` names a folder holding workbook files where
        ``bilan`` does not look (``*.sqlite`` directly in it), a blank
        workbook would silently stand in for the real one.

        Raises:
            UsageError: naming the file found and the command to use.
        """
        path = self.workbook_path()
        if path.exists():
            return path
        from bilan_tui.cli.misplaced import misplaced_message, misplaced_workbooks

        found = misplaced_workbooks(self.data_dir)
        if found:
            raise UsageError(misplaced_message(self.data_dir, self.workbook, found))
        return path

    def settle_language(self) -> str:
        """Choose the language (``--lang``, the workbook's setting, ``$LANG``, French)."""
        from bilan_tui.store.saved_language import read_saved_language

        asked = self.requested_language in LANGUAGES  # then the saved one does not matter
        saved = None if asked else read_saved_language(self.workbook_path())
        self.language = resolve_language(self.requested_language, saved)
        set_language(self.language)
        return self.language

    def pack(self) -> Pack:
        """The library: the shipped pack in the chosen language, installed packs merged in.

        Read once per invocation (a few small packs: milliseconds); see
        ``bilan_tui.packs.library``.
        """
        from bilan_tui.packs import load_library, load_shipped_pack

        home = load_shipped_pack(self.language)
        cached = self._library
        if cached is None or cached[0] is not home:
            cached = (home, load_library(home, self.data_dir))
            self._library = cached
        return cached[1]

    def preview_pack(self) -> Pack:
        """The shipped pack's phases and titles, without parsing, for the first frame.

        The interface draws its dashboard from it, then reads the library
        (:meth:`pack`, tens of milliseconds of TOML) in its worker with the
        workbook, and shows the library instead (DESIGN §12).
        """
        from bilan_tui.packs.preview import shipped_preview

        return shipped_preview(self.language)

    def open_session(self, *, create: bool, integrity: bool = True) -> WorkbookSession:
        """Open (or create) the workbook with the library (see :meth:`pack`).

        ``integrity=False`` skips the whole-file check; only the interface
        does that, and runs the check in the background instead.
        """
        from bilan_tui.session import WorkbookSession

        self.unlock()
        session = WorkbookSession.open(
            self.workbook_path(),
            self.pack(),
            language=self.language,
            create=create,
            integrity=integrity,
            data_dir=self.data_dir,
        )
        return session

    def unlock(self) -> None:
        """Ask for an encrypted workbook's passphrase (or read ``--passphrase-file``) once.

        Raises:
            UsageError: A wrong passphrase, or nobody to ask (nothing opened).
        """
        from bilan_tui.cli.unlock import unlock_if_encrypted

        unlock_if_encrypted(self.workbook_path(), self.passphrase_file)

    def describe_error(self, error: BaseException) -> str:
        """One readable line for a failure."""
        from bilan_tui.cli.recovery import backup_hint, is_unreadable
        from bilan_tui.session import WorkbookSession

        message = WorkbookSession.describe_error(error)
        if is_unreadable(error):
            message += "\n" + backup_hint(self.workbook_path())
        return message


def _optional_path(value: object) -> Path | None:
    return None if value is None else Path(str(value))
