"""The follow-up reminder and session days in words, for the dashboard and ``bilan status``."""

from __future__ import annotations

from bilan_tui.domain.dates import long_date
from bilan_tui.domain.follow_up import FollowUpReminder
from bilan_tui.i18n import _, language, ngettext


def days_text(days: int) -> str:
    """``today``, ``tomorrow``, ``in 3 days``, ``3 days ago``."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days > 1:
        return ngettext("in {count} day", "in {count} days", days).format(count=days)
    return ngettext("{count} day ago", "{count} days ago", -days).format(count=-days)


def follow_up_text(found: FollowUpReminder) -> str:
    """The reminder in one or two sentences, for the dashboard and ``bilan status``."""
    day = long_date(found.date, language())
    if found.state == "later":
        return _("Follow-up interview: {date} ({when}).").format(
            date=day, when=days_text(found.days)
        )
    if found.state == "soon":
        return _("Your follow-up interview is on {date} ({when}).").format(
            date=day, when=days_text(found.days)
        )
    if found.state == "today":
        text = _("Your follow-up interview is today.")
    else:
        text = _("Your follow-up interview was planned for {date} ({when}).").format(
            date=day, when=days_text(found.days)
        )
    if found.title:
        text += " " + _("Record it in “{title}”, or note its new date.").format(title=found.title)
    return text
