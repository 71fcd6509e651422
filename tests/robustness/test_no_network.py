"""No network, ever: the demo, the interface and every export run with sockets refused.

Internet sockets (IPv4 and IPv6), ``create_connection`` and ``getaddrinfo``
raise; local Unix sockets stay allowed because asyncio needs a socket pair
for its own wake-ups. Every run must succeed and nothing may even try.
"""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from bilan_tui.cli import main
from bilan_tui.export.options import FORMATS, SCOPES

from ..ui.helpers import make_app, mini_pack, wait_for_session

INTERNET = {socket.AF_INET, socket.AF_INET6, -1}


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tried: list[str] = []
    real = socket.socket

    class Refused(real):  # type: ignore[misc, valid-type]
        def __init__(
            self, family: int = -1, type: int = -1, proto: int = -1, fileno: Any = None
        ) -> None:
            if fileno is None and family in INTERNET:
                tried.append(f"socket({family})")
                raise OSError("network disabled by the test")
            super().__init__(family, type, proto, fileno)

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            tried.append(f"{name}{args}")
            raise OSError("network disabled by the test")

        return refused

    monkeypatch.setattr(socket, "socket", Refused)
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    # The guard itself works:
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tried.clear()
    return tried


def test_demo_and_every_export_without_network(
    attempts: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--lang", "en", "demo", "--no-open"]) == 0
    written = 0
    for scope in SCOPES:
        for format_ in FORMATS:
            out = tmp_path / f"{scope}-{format_}"
            out.mkdir()
            code = main(
                [
                    "--lang",
                    "en",
                    "--workbook",
                    "demo",
                    "export",
                    "--scope",
                    scope,
                    "--format",
                    format_,
                    "--output",
                    str(out),
                ]
            )
            captured = capsys.readouterr()
            if scope == "homework" and code == 2:
                assert "no homework" in captured.err  # the demo may have none
                continue
            assert code == 0, captured.err
            written += len(list(out.iterdir()))
    assert written >= 6
    assert main(["--lang", "en", "--workbook", "demo", "status"]) == 0
    assert attempts == []


async def test_the_interface_without_network(attempts: list[str], tmp_path: Path) -> None:
    app = make_app(tmp_path / "wb.sqlite", mini_pack())
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_session(app, pilot)
        app.open_exercise("about")
        await pilot.pause()
        app.action_help()
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert app.return_value == 0
    assert attempts == []
