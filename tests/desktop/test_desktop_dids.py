"""The DIDs page against the real service: add a DID whose fields follow its kind, see it in the lazily paged
table, filter, change and delete it (the service's answer shown), customer trunks with a write-only password, and
what support may not do is not offered."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desk_harness import PASSWORD, WAIT_MS, LiveService
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.pages.dids import (
    COL_ACCOUNT,
    COL_ACTIVE,
    COL_FORWARD_TO,
    COL_KIND,
    COL_NUMBER,
    COL_TRUNK,
    TRUNK_COL_CPS,
    TRUNK_COL_PASSWORD,
    DidsPage,
    DidsTab,
)
from desktop.qt import QMessageBox, Qt
from desktop.session import sign_in
from switch_service.api.schemas import AccountCreate
from switch_service.api.schemas.dids import DidCreate, DidKind, DidOut, DidPage, TrunkAuth, TrunkCreate, TrunkOut
from switch_service.api.schemas.fees import RecurringFeePage
from switch_service.api.schemas.routing import DialPlanCreate, DialPlanOut

PROMPT_DATA = Path(__file__).parent.parent / "data" / "prompts"


def _api(live: LiveService) -> ApiClient:
    client = ApiClient(live.url)
    client.login("admin", PASSWORD)
    return client


def _page(qtbot: QtBot, live: LiveService, username: str = "admin") -> DidsPage:
    page = DidsPage()
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.set_session(sign_in(live.url, username, PASSWORD))
    page.show()
    return page


def _column(page: DidsPage, column: int) -> list[str]:
    model = page.dids_tab.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def _idle(qtbot: QtBot, page: DidsPage) -> None:
    qtbot.waitUntil(lambda: not page.dids_tab.model.loading, timeout=WAIT_MS)


def _dids(api: ApiClient) -> list[DidOut]:
    return api.get("/dids", DidPage, {"limit": 500}).items


def test_add_a_forward_did_for_an_account_and_see_it(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    api.create_account(AccountCreate(number="1001", name="Forward customer"))
    page = _page(qtbot, live_service)
    tab = page.dids_tab
    _idle(qtbot, page)
    assert tab.listing.status_label.text() == "No DIDs yet: add the numbers callers dial with “Add DID…”."

    dialog = tab.open_add()
    assert dialog is not None
    assert dialog.kind() is DidKind.FORWARD
    assert dialog.account_edit.isVisibleTo(dialog) and dialog.forward_edit.isVisibleTo(dialog)
    assert not dialog.trunk_combo.isVisibleTo(dialog) and not dialog.welcome_field.isVisibleTo(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("access_number"))
    assert not dialog.account_edit.isVisibleTo(dialog) and dialog.welcome_field.isVisibleTo(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("forward"))

    dialog.number_edit.setText("+44 20 7946 0001")
    dialog.account_edit.setText("1001")
    dialog.forward_edit.setText("+1 (305) 555-0101")
    dialog.monthly_fee_edit.setText("2.50")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    assert _column(page, COL_NUMBER) == ["+442079460001"]
    assert _column(page, COL_KIND) == ["Forward"]
    assert _column(page, COL_ACCOUNT) == ["1001"]
    assert _column(page, COL_FORWARD_TO) == ["+13055550101"]
    assert _column(page, COL_ACTIVE) == ["Yes"]
    assert tab.message_label.text() == "DID +442079460001 saved."
    assert tab.listing.selected_id() == _dids(api)[0].id
    assert tab.listing.status_label.text().startswith("1 DID")  # plural forms come from the catalogue


def test_a_bad_forward_number_shows_the_service_message_and_creates_nothing(qtbot: QtBot,
                                                                            live_service: LiveService) -> None:
    api = _api(live_service)
    api.create_account(AccountCreate(number="1002", name="Careless customer"))
    page = _page(qtbot, live_service)
    dialog = page.dids_tab.open_add()
    assert dialog is not None
    dialog.number_edit.setText("+44 20 7946 0002")
    dialog.account_edit.setText("1002")
    dialog.forward_edit.setText("+1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "forward_to" in dialog.errors.visible(), timeout=WAIT_MS)  # under the field
    assert dialog.errors.visible()["forward_to"].startswith("not a")
    assert "'+1'" in dialog.errors.visible()["forward_to"]
    assert dialog.isVisible() and dialog.ok_button.isEnabled()  # to correct and try again

    dialog.forward_edit.setText("+1 305 555 0102")
    dialog.account_edit.setText("9999")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "9999" in dialog.error_label.text(), timeout=WAIT_MS)
    assert dialog.error_label.text() == "No account you may see has the number 9999"
    assert _dids(api) == []


def _set_a_language_menu(qtbot: QtBot, tab: DidsTab, api: ApiClient) -> None:
    """The access number (row 2): a language that has no prompts is refused under the field, then Spanish on key
    1 and English on key 2 are saved."""
    tab.listing.table.selectRow(2)  # its language menu: Spanish on 1, English on 2
    access = tab.open_edit()
    assert access is not None and access.menu_edit.isVisibleTo(access) and access.menu_edit.text() == ""
    access.menu_edit.setText("es, xx")
    qtbot.mouseClick(access.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "language_menu" in access.errors.visible(), timeout=WAIT_MS)
    assert access.errors.visible()["language_menu"].startswith("no prompts in xx"), access.errors.visible()
    access.menu_edit.setText("es, en")
    qtbot.mouseClick(access.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _dids(api)[2].language_menu == ["es", "en"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.message_label.text() == "DID +18005550100 saved." and not tab.model.loading,
                    timeout=WAIT_MS)
    assert _dids(api)[2].minute_shrink_percent == 20


def test_filters_edit_and_delete(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    account = api.create_account(AccountCreate(number="1003", name="Busy customer"))
    for number in ("442079460010", "442079460011"):
        api.post("/dids", DidOut, DidCreate(number=f"+{number}", kind=DidKind.FORWARD, account_id=account.id,
                                            forward_to="+13055550101"))
    api.post("/dids", DidOut, DidCreate(number="+18005550100", kind=DidKind.ACCESS_NUMBER))
    page = _page(qtbot, live_service)
    tab = page.dids_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3 and not tab.model.loading, timeout=WAIT_MS)

    tab.kind_combo.setCurrentIndex(tab.kind_combo.findData("access_number"))
    qtbot.waitUntil(lambda: _column(page, COL_NUMBER) == ["+18005550100"], timeout=WAIT_MS)
    assert _column(page, COL_ACCOUNT) == [""]
    tab.kind_combo.setCurrentIndex(0)
    tab.number_edit.setText("7946 0011")
    tab.apply_filters()
    qtbot.waitUntil(lambda: _column(page, COL_NUMBER) == ["+442079460011"], timeout=WAIT_MS)
    tab.number_edit.setText("999")
    tab.apply_filters()
    qtbot.waitUntil(lambda: tab.listing.status_label.text() == "No DID matches these filters.", timeout=WAIT_MS)
    tab.number_edit.clear()
    tab.apply_filters()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3 and not tab.model.loading, timeout=WAIT_MS)

    tab.listing.table.selectRow(0)
    dialog = tab.open_edit()
    assert dialog is not None
    assert dialog.account_edit.text() == "1003"
    dialog.forward_edit.setText("+1 305 555 0199")
    dialog.active_check.setChecked(False)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _column(page, COL_FORWARD_TO)[:1] == ["+13055550199"], timeout=WAIT_MS)
    assert _column(page, COL_ACTIVE)[0] == "No"
    assert _dids(api)[0].account_id == account.id  # unchanged, so not sent

    tab.listing.table.selectRow(2)  # the access number: its IVR announces 20 % fewer minutes
    access = tab.open_edit()
    assert access is not None and access.shrink_box.isVisibleTo(access) and access.shrink_box.value() == 0
    access.shrink_box.setValue(20)
    qtbot.mouseClick(access.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _dids(api)[2].minute_shrink_percent == 20, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.message_label.text() == "DID +18005550100 saved." and not tab.model.loading,
                    timeout=WAIT_MS)

    _set_a_language_menu(qtbot, tab, api)

    tab.listing.table.selectRow(2)
    box = tab.delete_selected()
    assert isinstance(box, QMessageBox) and "+18005550100" in box.text()
    delete = next(button for button in box.buttons() if button.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.message_label.text() == "DID +18005550100 deleted.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2 and not tab.model.loading, timeout=WAIT_MS)
    assert [did.number for did in _dids(api)] == ["442079460010", "442079460011"]


def test_trunks_with_a_write_only_password_and_a_trunk_did(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    api.create_account(AccountCreate(number="2001", name="PBX customer"))
    page = _page(qtbot, live_service)
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.trunks_tab))
    tab = page.trunks_tab
    page.tabs.setCurrentWidget(tab)

    dialog = tab.open_add()
    assert dialog is not None
    assert not dialog.password_edit.isVisibleTo(dialog)  # IP trunks have no password
    dialog.auth_combo.setCurrentIndex(dialog.auth_combo.findData("digest"))
    assert dialog.password_edit.isVisibleTo(dialog)
    dialog.name_edit.setText("Head office PBX")
    dialog.account_edit.setText("2001")
    dialog.source_ip_edit.setText("203.0.113.10")
    dialog.username_edit.setText("headoffice")
    dialog.password_edit.setText("s3cret-pass")
    dialog.channels_box.setValue(30)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    model = tab.model
    assert model.data(model.index(0, TRUNK_COL_PASSWORD)) == "stored"

    tab.listing.table.selectRow(0)
    dialog = tab.open_edit()
    assert dialog is not None
    assert dialog.password_edit.text() == ""  # never shown again
    assert dialog.password_edit.placeholderText() == "stored; type a new one to replace it"
    dialog.cps_box.setValue(5)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.data(model.index(0, TRUNK_COL_CPS)) == "5", timeout=WAIT_MS)
    assert tab.message_label.text() == "Trunk Head office PBX saved."
    stored = api.get(f"/trunks/{model.row_id(0)}", TrunkOut)
    assert (stored.cps_limit, stored.password_set, stored.username) == (5, True, "headoffice")

    did_dialog = page.dids_tab.open_add()
    assert did_dialog is not None
    did_dialog.kind_combo.setCurrentIndex(did_dialog.kind_combo.findData("trunk"))
    assert not did_dialog.account_edit.isVisibleTo(did_dialog)
    qtbot.waitUntil(lambda: did_dialog.trunk_combo.count() == 1, timeout=WAIT_MS)
    assert did_dialog.trunk_combo.currentText() == "Head office PBX (203.0.113.10)"
    did_dialog.number_edit.setText("+44 20 7946 0500")
    qtbot.mouseClick(did_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _column(page, COL_TRUNK) == ["Head office PBX"], timeout=WAIT_MS)
    assert _column(page, COL_ACCOUNT) == ["2001"]  # the trunk's account, filled in by the service


def test_deleting_a_trunk_in_use_shows_the_service_refusal(qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    account = api.create_account(AccountCreate(number="2002", name="Trunk customer"))
    trunk = api.post("/trunks", TrunkOut, TrunkCreate(account_id=account.id, name="Branch", auth=TrunkAuth.IP,
                                                      source_ip="198.51.100.7"))
    api.post("/dids", DidOut, DidCreate(number="+442079460600", kind=DidKind.TRUNK, trunk_id=trunk.id))
    page = _page(qtbot, live_service)
    tab = page.trunks_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    tab.listing.table.selectRow(0)
    box = tab.delete_selected()
    assert box is not None
    delete = next(button for button in box.buttons() if button.text() == "Delete")
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.message_label.isVisible, timeout=WAIT_MS)
    assert tab.message_label.text() == (f"trunk {trunk.id} delivers DIDs 442079460600: change or delete them first")
    assert api.get(f"/trunks/{trunk.id}", TrunkOut).name == "Branch"


def test_support_reads_dids_but_is_offered_no_changes_and_no_trunks(qtbot: QtBot,
                                                                    live_service: LiveService) -> None:
    api = _api(live_service)
    account = api.create_account(AccountCreate(number="3001", name="Read only"))
    api.post("/dids", DidOut, DidCreate(number="+442079460700", kind=DidKind.FORWARD, account_id=account.id,
                                        forward_to="+13055550101"))
    page = _page(qtbot, live_service, "support")
    tab = page.dids_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    assert _column(page, COL_ACCOUNT) == ["3001"]
    for button in (tab.add_button, tab.edit_button, tab.delete_button):
        assert not button.isVisible()
    tab.listing.table.selectRow(0)
    assert tab.open_add() is None and tab.open_edit() is None and tab.delete_selected() is None
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.trunks_tab))


def test_a_dids_dial_plan_is_chosen_and_kept_in_the_dialog_by_keyboard(qtbot: QtBot,
                                                                        live_service: LiveService) -> None:
    api = _api(live_service)
    api.create_account(AccountCreate(number="1004", name="Rented number"))
    plan = api.post("/dial-plans", DialPlanOut, DialPlanCreate(name="Standard"))
    page = _page(qtbot, live_service)
    tab = page.dids_tab
    dialog = tab.open_add()
    assert dialog is not None
    plans = dialog.plan_field.combo
    qtbot.waitUntil(lambda: plans.count() == 1, timeout=WAIT_MS)
    assert plans.currentIndex() == -1  # none: the caller's account's dial plan
    for edit, text in ((dialog.number_edit, "+44 20 7946 0004"), (dialog.account_edit, "1004"),
                       (dialog.forward_edit, "+1 305 555 0104")):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    dialog.monthly_fee_edit.selectAll()
    qtbot.keyClicks(dialog.monthly_fee_edit, "1.25")
    plans.setFocus()
    qtbot.keyClick(plans, Qt.Key.Key_Down)
    assert plans.currentText() == "Standard" and dialog.plan_field.current_id() == plan.id
    dialog.ok_button.setFocus()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Space)
    [did] = _dids(api)
    assert (did.dial_plan_id, did.monthly_fee, did.forward_to) == (plan.id, Decimal("1.25"), "13055550104")

    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    tab.listing.table.selectRow(0)
    edit = tab.open_edit()
    assert edit is not None
    qtbot.waitUntil(lambda: edit.plan_field.combo.currentText() == "Standard", timeout=WAIT_MS)
    edit.monthly_fee_edit.selectAll()
    qtbot.keyClicks(edit.monthly_fee_edit, "1.5")
    edit.ok_button.setFocus()
    with qtbot.waitSignal(edit.saved, timeout=WAIT_MS):
        qtbot.keyClick(edit.ok_button, Qt.Key.Key_Space)
    [changed] = _dids(api)
    assert (changed.dial_plan_id, changed.monthly_fee, changed.forward_to) == (plan.id, Decimal("1.5"), "13055550104")
    [fee] = api.get("/recurring-fees", RecurringFeePage).items  # the DID's rent, charged to its account
    assert (fee.did_id, fee.account_id, fee.amount) == (did.id, did.account_id, Decimal("1.5"))


def test_an_access_numbers_welcome_prompt_is_chosen_refused_and_removed_in_its_dialog(
        qtbot: QtBot, live_service: LiveService) -> None:
    api = _api(live_service)
    api.post("/dids", DidOut, DidCreate(number="+18005550177", kind=DidKind.ACCESS_NUMBER))
    page = _page(qtbot, live_service)
    tab = page.dids_tab
    _idle(qtbot, page)
    new = tab.open_add()
    assert new is not None
    new.kind_combo.setCurrentIndex(new.kind_combo.findData("access_number"))
    assert not new.welcome_field.choose_button.isEnabled()  # a DID not saved yet has no id to record for
    new.reject()

    tab.listing.table.selectRow(0)
    dialog = tab.open_edit()
    assert dialog is not None
    field = dialog.welcome_field
    assert field.isVisibleTo(dialog) and field.choose_button.isEnabled() and not field.remove_button.isEnabled()
    assert field.state_label.text() == "the standard welcome"
    field.send(PROMPT_DATA / "silence.wav")
    qtbot.waitUntil(lambda: "silence.wav was not taken" in field.status.text(), timeout=WAIT_MS)
    assert "holds only silence" in field.status.text()
    assert _dids(api)[0].has_welcome is False

    field.send(PROMPT_DATA / "operator_hello.mp3")
    qtbot.waitUntil(lambda: "Your MP3 recording" in field.status.text(), timeout=WAIT_MS)
    assert field.state_label.text() == "its own recording" and field.remove_button.isEnabled()
    assert _dids(api)[0].has_welcome is True
    qtbot.mouseClick(field.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "standard welcome plays again" in field.status.text(), timeout=WAIT_MS)
    assert _dids(api)[0].has_welcome is False and not field.remove_button.isEnabled()
