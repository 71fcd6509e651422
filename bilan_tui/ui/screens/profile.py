"""My profile: the results as pictures, built from the whole workbook.

The screen receives a ready :class:`bilan_tui.services.profile.Profile` (the app builds
it from the session after saving any open exercise), so it only draws. Parts
the pack cannot feed are left out; parts still empty say what to do.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from bilan_tui.i18n import N_, _
from bilan_tui.services.profile import Profile, empty_hints
from bilan_tui.ui.text import plain
from bilan_tui.ui.widgets import profile_sections as sections
from bilan_tui.ui.widgets.footer import SteadyFooter


class ProfileScreen(Screen[None]):
    """Interests, aptitudes, values, motivations and skills, one under the other."""

    DEFAULT_CSS = """
    ProfileScreen #profile-header {
        height: 1;
        padding: 0 1;
        background: $panel;
        text-style: bold;
    }
    ProfileScreen #profile-body {
        height: 1fr;
        padding: 0 2;
    }
    ProfileScreen .profile-heading {
        margin: 1 0 0 0;
    }
    ProfileScreen .profile-bars {
        margin: 0 0 0 2;
    }
    ProfileScreen .profile-note {
        color: $text-muted;
        margin: 0 0 0 2;
    }
    ProfileScreen .profile-list {
        margin: 0 0 0 2;
    }
    ProfileScreen .profile-hint {
        color: $text-warning;
        margin: 0 0 0 2;
    }
    ProfileScreen #profile-nothing {
        margin: 1 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape", "back", N_("Back"), tooltip=N_("Back to where you were"), id="profile.back"
        ),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | escape | Back to where you were |
    """

    def __init__(self, profile: Profile) -> None:
        super().__init__(id="profile")
        self.profile = profile

    def compose(self) -> ComposeResult:
        yield Static(plain(_("My profile")), id="profile-header")
        with VerticalScroll(id="profile-body"):
            widgets = self.parts()
            if not widgets:
                widgets = [
                    Static(
                        plain(_("This pack has no exercise that builds a profile.")),
                        id="profile-nothing",
                    )
                ]
            yield from widgets
        yield SteadyFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#profile-body").focus()

    def parts(self) -> list[Widget]:
        """Every part the pack feeds, in reading order."""
        profile, hints = self.profile, empty_hints(self.profile)
        widgets: list[Widget] = []
        if profile.interests is not None:
            widgets += sections.interests(profile.interests, hints.get("interests", ""))
        if profile.aptitudes is not None:
            widgets += sections.ranked_bars(
                profile.aptitudes, hints.get("aptitudes", ""), only_top=False
            )
        if profile.values is not None:
            widgets += sections.values(profile.values, hints.get("values", ""))
        if profile.motivations is not None:
            widgets += sections.ranked_bars(
                profile.motivations, hints.get("motivations", ""), only_top=True
            )
        if profile.skills is not None:
            widgets += sections.skills(profile.skills, hints.get("skills", ""))
        return widgets

    def action_back(self) -> None:
        """Return to the dashboard (or the exercise the profile was opened from)."""
        self.dismiss(None)
