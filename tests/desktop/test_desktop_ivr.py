"""The IVR page against the real service: an admin sees the prompt sets by language, plays a prompt, replaces one
with an MP3 (a refused file's reason shown, nothing changed) and restores the product's recording; other roles are
not shown the page."""

from __future__ import annotations

import io
import wave
from pathlib import Path

import miniaudio
from desk_harness import PASSWORD, WAIT_MS, LiveService
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.main_window import MainWindow
from desktop.pages.ivr import COL_RECORDING, IvrPage
from desktop.qt import Qt
from desktop.session import sign_in
from desktop.sound import SoundPlayer
from switch_service.api.schemas import Role
from switch_service.api.schemas.users import UserCreate, UserDetailOut

DATA = Path(__file__).parent.parent / "data" / "prompts"
SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "prompts"


def _window(qtbot: QtBot, live: LiveService, username: str) -> MainWindow:
    window = MainWindow(sign_in(live.url, username, PASSWORD))
    qtbot.addWidget(window)
    window.show()
    return window


def _page(qtbot: QtBot, window: MainWindow) -> IvrPage:
    page = window.show_page("ivr")
    assert isinstance(page, IvrPage)
    qtbot.waitUntil(lambda: page.language_list.count() >= 25, timeout=WAIT_MS)
    return page


def test_an_admin_replaces_a_prompt_and_restores_it(qtbot: QtBot, live_service: LiveService,
                                                    admin_api: ApiClient) -> None:
    window = _window(qtbot, live_service, "admin")
    page = _page(qtbot, window)
    assert page.select_language("es") and page.select_prompt("invalid_pin")
    assert page.play_button.isEnabled() and page.replace_button.isEnabled()
    assert not page.restore_button.isEnabled()  # the product's recording
    assert page.language_list.currentItem().text() == "Spanish (es)"

    page.send(DATA / "silence.wav")
    qtbot.waitUntil(lambda: "silence.wav was not taken" in page.status.text(), timeout=WAIT_MS)
    assert "holds only silence" in page.status.text()
    assert admin_api.download("/ivr/prompts/es/invalid_pin.wav") == (SHIPPED / "es" / "invalid_pin.wav").read_bytes()

    page.send(DATA / "operator_hello.mp3")
    qtbot.waitUntil(lambda: "invalid_pin replaced by your MP3 recording" in page.status.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.language_list.currentItem().text() == "Spanish (es) — 1 replaced", timeout=WAIT_MS)
    prompt = page.selected_prompt()
    assert prompt is not None and prompt.name == "invalid_pin" and prompt.replaced
    row = page.table.currentRow()
    assert page.table.item(row, COL_RECORDING).text() == "replaced"
    with wave.open(io.BytesIO(admin_api.download("/ivr/prompts/es/invalid_pin.wav"))) as heard:
        assert (heard.getnchannels(), heard.getsampwidth(), heard.getframerate()) == (1, 2, 8000)

    assert page.restore_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "the product's recording plays again" in page.status.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.language_list.currentItem().text() == "Spanish (es)", timeout=WAIT_MS)
    assert admin_api.download("/ivr/prompts/es/invalid_pin.wav") == (SHIPPED / "es" / "invalid_pin.wav").read_bytes()
    assert not page.restore_button.isEnabled()


def test_play_fetches_the_prompt_and_plays_it_to_the_end(qtbot: QtBot, live_service: LiveService) -> None:
    """On a machine without speakers miniaudio's null output plays it (in real time); where no output opens at all
    the page says so."""
    window = _window(qtbot, live_service, "admin")
    page = _page(qtbot, window)
    page.player = SoundPlayer([miniaudio.Backend.NULL])
    assert page.select_language("en") and page.select_prompt("goodbye")
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Playing goodbye ("), timeout=WAIT_MS)
    assert page.stop_button.isEnabled()
    qtbot.waitUntil(lambda: not page.stop_button.isEnabled(), timeout=WAIT_MS)  # played to its end
    assert not page.player.playing

    page.player = SoundPlayer([miniaudio.Backend.NULL])
    qtbot.mouseClick(page.play_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.stop_button.isEnabled, timeout=WAIT_MS)
    qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
    assert not page.player.playing and not page.stop_button.isEnabled()


def test_only_admins_are_shown_the_page(qtbot: QtBot, live_service: LiveService, admin_api: ApiClient) -> None:
    admin_api.post("/users", UserDetailOut, UserCreate(username="helpdesk", password=PASSWORD, role=Role.SUPPORT))
    window = _window(qtbot, live_service, "helpdesk")
    row = window.page_keys().index("ivr")
    assert window.navigation.item(row).isHidden()
    assert window.ivr_page.language_list.count() == 0  # nothing asked of the service
