"""What the switch reads of an account, set in the desktop with the keyboard against the real service: the
company's defaults for new accounts, a new account that takes them, the account page saying what the switch
will do and why it cannot call, Edit… (a tariff in another currency refused at its field), a caller number with its
fixed destination, and a support rep's narrower Edit…."""

from __future__ import annotations

from decimal import Decimal

from desk_harness import PASSWORD, WAIT_MS, LiveService, pick, press_enter, type_into
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.main_window import MainWindow
from desktop.pages.account_details import AccountDetailsPage
from desktop.pages.account_tabs import AniList
from desktop.pages.lookups import LookupField
from desktop.qt import Qt
from desktop.session import sign_in
from switch_service.api.schemas import AccountCreate, AccountOut, PaymentCreate, ReceiptOut
from switch_service.api.schemas.rates import RateCreate, RateOut, TariffCreate, TariffOut
from switch_service.api.schemas.routing import DialPlanCreate, DialPlanOut, RouteCreate, RouteOut
from switch_service.api.schemas.setup import CompanyOut


def _pricing(api: ApiClient) -> dict[str, int]:
    """A USD sell tariff with a rate, a EUR one, and a dial plan with a route (set up by another admin)."""
    usd = api.post("/tariffs", TariffOut, TariffCreate(name="Retail", currency="USD"))
    api.post(f"/tariffs/{usd.id}/rates", RateOut, RateCreate(prefix="1", price_per_minute=Decimal("0.02")))
    eur = api.post("/tariffs", TariffOut, TariffCreate(name="Europe", currency="EUR"))
    plan = api.post("/dial-plans", DialPlanOut, DialPlanCreate(name="World"))
    api.post(f"/dial-plans/{plan.id}/routes", RouteOut, RouteCreate(prefix=""))
    return {"usd": usd.id, "eur": eur.id, "plan": plan.id}


def _window(qtbot: QtBot, live: LiveService, username: str) -> MainWindow:
    window = MainWindow(sign_in(live.url, username, PASSWORD))
    qtbot.addWidget(window)
    window.show()
    return window


def _choose(qtbot: QtBot, field: LookupField, text: str) -> None:
    pick(qtbot, field.combo, text)


def _open_account(qtbot: QtBot, window: MainWindow, account_id: int) -> AccountDetailsPage:
    accounts = window.show_page("accounts")
    assert accounts is window.accounts_page
    qtbot.waitUntil(lambda: accounts.model.row_of(account_id) is not None, timeout=WAIT_MS)
    row = accounts.model.row_of(account_id)
    assert row is not None
    accounts.table.selectRow(row)
    accounts.table.setFocus()
    qtbot.keyClick(accounts.table, Qt.Key.Key_Return)
    page = window.account_details_page
    qtbot.waitUntil(lambda: page.account is not None and page.calling.tariff_label.text() != "", timeout=WAIT_MS)
    return page


def _set_defaults(qtbot: QtBot, window: MainWindow) -> None:
    """Defaults for new accounts…: the tariff and the dial plan picked with the arrow keys, Enter saves."""
    accounts = window.accounts_page
    window.show_page("accounts")
    assert accounts.defaults_button.isVisible()
    defaults = accounts.open_defaults()
    assert defaults is not None
    qtbot.waitUntil(lambda: defaults.loaded, timeout=WAIT_MS)
    _choose(qtbot, defaults.tariff_field, "Retail (USD)")
    _choose(qtbot, defaults.plan_field, "World")
    with qtbot.waitSignal(defaults.finished, timeout=WAIT_MS):
        press_enter(qtbot, defaults.plan_field.combo)


def _new_account(qtbot: QtBot, window: MainWindow, admin_api: ApiClient) -> AccountOut:
    """New account…: the defaults are chosen already; number, name, a limit and a warning level typed."""
    dialog = window.accounts_page.open_new_account()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.tariff_field.combo.currentText() == "Retail (USD)", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.plan_field.combo.currentText() == "World", timeout=WAIT_MS)
    type_into(qtbot, dialog.number_edit, "8001")
    type_into(qtbot, dialog.name_edit, "Harbour Cafe")
    type_into(qtbot, dialog.max_calls_box, "2")
    type_into(qtbot, dialog.low_balance_edit, "1.50")
    with qtbot.waitSignal(dialog.finished, timeout=WAIT_MS):
        press_enter(qtbot, dialog.low_balance_edit)
    [created] = [a for a in admin_api.list_accounts().items if a.number == "8001"]
    return created


def _register_ani_with_destination(qtbot: QtBot, page: AccountDetailsPage, admin_api: ApiClient) -> None:
    anis = page.anis_tab
    assert anis is not None and page.account is not None
    account_id = page.account.id
    page.tabs.setCurrentWidget(anis)
    qtbot.waitUntil(lambda: anis.loaded_for == account_id and not anis.model.loading, timeout=WAIT_MS)
    type_into(qtbot, anis.number_edit, "+1 305 555 0101")
    type_into(qtbot, anis.destination_edit, "+52 55 1234 5678")
    press_enter(qtbot, anis.destination_edit)
    qtbot.waitUntil(lambda: anis.model.rowCount() == 1 and anis.destination_button.isEnabled(), timeout=WAIT_MS)
    assert anis.model.data(anis.model.index(0, 2)) == "+525512345678"
    change = anis.open_destination()
    assert change is not None and change.destination_edit.text() == "+525512345678"  # the stored one, kept
    type_into(qtbot, change.destination_edit, "+44 20 7946 0018")
    with qtbot.waitSignal(change.finished, timeout=WAIT_MS):
        press_enter(qtbot, change.destination_edit)
    qtbot.waitUntil(lambda: anis.model.rowCount() == 1 and anis.model.data(anis.model.index(0, 2))
                    == "+442079460018", timeout=WAIT_MS)
    assert [a.destination for a in admin_api.get(f"/accounts/{account_id}/anis", AniList).root] == ["442079460018"]


def test_an_admin_sets_defaults_creates_an_account_and_sees_why_it_cannot_call(
        qtbot: QtBot, live_service: LiveService, admin_api: ApiClient) -> None:
    ids = _pricing(admin_api)
    window = _window(qtbot, live_service, "admin")
    _set_defaults(qtbot, window)
    company = admin_api.get("/company", CompanyOut)
    assert (company.default_tariff_id, company.default_dial_plan_id) == (ids["usd"], ids["plan"])
    created = _new_account(qtbot, window, admin_api)
    assert (created.tariff_id, created.dial_plan_id, created.max_concurrent_calls) == (ids["usd"], ids["plan"], 2)
    assert created.low_balance_threshold == Decimal("1.50")

    page = _open_account(qtbot, window, created.id)
    calling = page.calling
    assert calling.tariff_label.text().startswith("Retail (USD, 1 rate")  # plural forms: the catalogue's
    assert calling.plan_label.text().startswith("World (1 route")
    assert "calls at once: 2" in calling.limits_label.text()
    assert calling.why_label.isVisibleTo(page) and not calling.can_label.isVisibleTo(page)
    assert calling.why_label.text() == ("Why can't this account call? Because it has no money left to call with; "
                                        "no caller number (ANI), DID or trunk leads a call to it.")
    _register_ani_with_destination(qtbot, page, admin_api)
    admin_api.post(f"/accounts/{created.id}/payments", ReceiptOut, PaymentCreate(amount=Decimal("5")))
    qtbot.mouseClick(page.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: calling.can_label.isVisibleTo(page), timeout=WAIT_MS)
    assert calling.can_label.text() == "It can call: $5.00 available."

    edit = page.open_edit()
    assert edit is not None
    qtbot.waitUntil(lambda: edit.tariff_field.combo.currentText() == "Retail (USD)", timeout=WAIT_MS)
    _choose(qtbot, edit.tariff_field, "Europe (EUR)")
    press_enter(qtbot, edit.name_edit)
    qtbot.waitUntil(lambda: "tariff_id" in edit.errors.visible(), timeout=WAIT_MS)
    assert "is in EUR, not USD" in edit.errors.visible()["tariff_id"]
    assert admin_api.get_account(created.id).tariff_id == ids["usd"]  # nothing changed
    _choose(qtbot, edit.tariff_field, "Retail (USD)")
    edit.status_combo.setFocus()
    qtbot.keyClick(edit.status_combo, Qt.Key.Key_Down)  # Active -> Suspended
    with qtbot.waitSignal(edit.finished, timeout=WAIT_MS):
        press_enter(qtbot, edit.name_edit)
    qtbot.waitUntil(lambda: calling.why_label.isVisibleTo(page), timeout=WAIT_MS)
    assert calling.why_label.text() == "Why can't this account call? Because it is suspended."
    assert page.header.status_label.text() == "Suspended"


def test_support_edits_who_the_customer_is_only(qtbot: QtBot, live_service: LiveService,
                                                admin_api: ApiClient) -> None:
    account: AccountOut = admin_api.create_account(AccountCreate(number="8101", name="Dock Shop"))
    window = _window(qtbot, live_service, "support")
    page = _open_account(qtbot, window, account.id)
    edit = page.open_edit()
    assert edit is not None
    for admins_only in (edit.tariff_field, edit.plan_field, edit.status_combo, edit.max_calls_box,
                        edit.credit_limit_edit):
        assert not admins_only.isVisibleTo(edit)
    type_into(qtbot, edit.name_edit, "Dock Shop Ltd")
    type_into(qtbot, edit.email_edit, "owner@dock.example")
    with qtbot.waitSignal(edit.finished, timeout=WAIT_MS):
        press_enter(qtbot, edit.email_edit)
    shown = admin_api.get_account(account.id)
    assert (shown.name, shown.email) == ("Dock Shop Ltd", "owner@dock.example")
    qtbot.waitUntil(lambda: page.title_label.text() == "8101 — Dock Shop Ltd", timeout=WAIT_MS)
