"""What every command needs: where the workbook is, which language, which pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from bilan_tui import paths
from bilan_tui.i18n import LANGUAGES, _, resolve_language, set_language

if TYPE_CHECKING:
    from bilan_tui.domain.model import Pack
    from bilan_tui.services.session import WorkbookSession
    from bilan_tui.store.repository import Workbook

T = TypeVar("T")


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
    quick_reads: ClassVar[bool] = True
    """Whether reads may go through ``store.quick_workbook`` (tests turn it off to compare)."""

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
        from bilan_tui.services.session import WorkbookSession

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

    def quick_session(self) -> WorkbookSession | None:
        """The workbook opened for reading without SQLAlchemy; ``None``: use :meth:`open_session`.

        A read command pays half a second for importing the storage layer,
        several times the rest of its work (DESIGN §12). This opens the same
        file through ``store.quick_workbook`` instead, with the same locks and
        checks; ``None`` means a case only the full open handles (encrypted,
        another schema version, damaged, blank, missing).
        """
        if not self.quick_reads:
            return None
        from bilan_tui.services.session import WorkbookSession
        from bilan_tui.store.quick_workbook import open_quick_workbook

        workbook = open_quick_workbook(self.workbook_path())
        if workbook is None:
            return None
        # The quick workbook has the reads of ``Workbook`` (a test compares them).
        session = WorkbookSession(self.pack(), cast("Workbook", workbook))
        session.data_dir = self.data_dir
        try:
            session.use_homework_packs()
        except Exception:  # noqa: BLE001 - the full open meets it again and reports it
            session.close()
            return None
        return session

    def read_workbook(self, read: Callable[[WorkbookSession], T]) -> T:
        """``read(session)`` on the existing workbook: quickly if possible, else by the full open.

        Whatever goes wrong in the quick read (a value that does not parse,
        a busy or damaged file) is left to the full open, which meets the
        same problem and reports it as every command always has: one line,
        and a backup offered for damage. ``read`` must not write.

        Raises:
            UsageError: From ``read``, at once.
        """
        session = self.quick_session()
        if session is not None:
            try:
                return read(session)
            except UsageError:
                raise
            except Exception:  # noqa: BLE001 - the full open below reports it
                pass
            finally:
                session.close()
        session = self.open_session(create=False)
        try:
            return read(session)
        finally:
            session.close()

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
        from bilan_tui.services.session import WorkbookSession

        message = WorkbookSession.describe_error(error)
        if is_unreadable(error):
            message += "\n" + backup_hint(self.workbook_path())
        return message


def _optional_path(value: object) -> Path | None:
    return None if value is None else Path(str(value))
