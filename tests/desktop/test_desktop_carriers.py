"""The Carriers and routing page against the real service, as an admin uses it: add a carrier with a gateway
and see it listed, have a bad gateway port refused in the service's words with nothing created, switch a
carrier off, add a route, and explain a number on a seeded dial plan."""

from __future__ import annotations

from decimal import Decimal

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.pages.carriers import (
    COL_BUY_TARIFF,
    COL_CARRIER_NAME,
    COL_EXPLAIN_BUY,
    COL_EXPLAIN_REASON,
    COL_GATEWAYS,
    COL_ROUTE_CARRIERS,
    CarriersPage,
)
from desktop.pages.carriers_dialogs import CarrierDialog, GatewaysTable, RouteDialog
from desktop.qt import Qt
from desktop.session import sign_in
from switch_service.api.schemas.carriers import CarrierCreate, CarrierOut, CarrierPage, GatewayCreate
from switch_service.api.schemas.rates import RateCreate, RateOut, TariffCreate, TariffKind, TariffOut
from switch_service.api.schemas.routing import (
    DialPlanCreate,
    DialPlanOut,
    RouteCarrierIn,
    RouteCreate,
    RouteOut,
    RoutePage,
)


@pytest.fixture
def page(qtbot: QtBot, live_service: LiveService) -> CarriersPage:
    page = CarriersPage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.set_session(sign_in(live_service.url, "admin", PASSWORD))
    return page


def _carrier(api: ApiClient, name: str, buy_price: str | None = None, **extra: object) -> CarrierOut:
    tariff_id = None
    if buy_price is not None:
        tariff = api.post("/tariffs", TariffOut, TariffCreate(name=f"{name} buy", kind=TariffKind.BUY))
        api.post(f"/tariffs/{tariff.id}/rates", RateOut, RateCreate(prefix="44", price_per_minute=Decimal(buy_price)))
        tariff_id = tariff.id
    return api.post("/carriers", CarrierOut, CarrierCreate(
        name=name, buy_tariff_id=tariff_id, gateways=[GatewayCreate(host=f"{name.lower()}.example.net")],
        **extra))  # type: ignore[arg-type]


def _cell(page_model: object, row: int, column: int) -> str:
    return str(page_model.data(page_model.index(row, column)))  # type: ignore[attr-defined]


def _save(qtbot: QtBot, dialog: CarrierDialog | RouteDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def _save_and_close(qtbot: QtBot, dialog: CarrierDialog | RouteDialog) -> None:
    """Save, and wait for the dialog to report it saved (it then closes and deletes itself)."""
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        _save(qtbot, dialog)


def test_admin_adds_a_carrier_with_a_gateway_and_sees_it(qtbot: QtBot, page: CarriersPage,
                                                         admin_api: ApiClient) -> None:
    tariff = admin_api.post("/tariffs", TariffOut, TariffCreate(name="Globex buy", kind=TariffKind.BUY))
    tab = page.carriers_tab
    qtbot.waitUntil(lambda: not tab.model.loading, timeout=WAIT_MS)
    assert "No carriers yet" in tab.listing.status_label.text()

    dialog = tab.open_new()
    assert isinstance(dialog, CarrierDialog)
    dialog.name_edit.setText("Globex")
    qtbot.waitUntil(lambda: dialog.tariff_field.combo.count() == 1, timeout=WAIT_MS)
    dialog.tariff_field.combo.activated.emit(0)  # the user picks the buy tariff
    dialog.channels_edit.setText("60")
    qtbot.mouseClick(dialog.add_gateway_button, Qt.MouseButton.LeftButton)
    gateways = dialog.gateways
    assert gateways.item(0, GatewaysTable.COL_HOST) is not None
    gateways.item(0, GatewaysTable.COL_HOST).setText("sip.globex.example")  # type: ignore[union-attr]
    gateways.item(0, GatewaysTable.COL_PORT).setData(Qt.ItemDataRole.EditRole, 5080)  # type: ignore[union-attr]
    _save_and_close(qtbot, dialog)

    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=WAIT_MS)
    assert _cell(model, 0, COL_CARRIER_NAME) == "Globex"
    assert _cell(model, 0, COL_BUY_TARIFF) == "Globex buy"
    assert _cell(model, 0, COL_GATEWAYS) == "1"
    assert tab.listing.selected_id() == model.row_id(0)  # the new carrier is selected
    saved = admin_api.get("/carriers", CarrierPage).items
    assert [(c.name, c.max_channels, c.buy_tariff_id) for c in saved] == [("Globex", 60, tariff.id)]
    assert [(g.host, g.port) for g in saved[0].gateways] == [("sip.globex.example", 5080)]


def test_a_bad_gateway_port_shows_the_services_message_and_creates_nothing(qtbot: QtBot, page: CarriersPage,
                                                                           admin_api: ApiClient) -> None:
    dialog = page.carriers_tab.open_new()
    assert dialog is not None
    dialog.name_edit.setText("Initech")
    row = dialog.gateways.add_gateway()
    dialog.gateways.item(row, GatewaysTable.COL_HOST).setText("sip.initech.example")  # type: ignore[union-attr]
    dialog.gateways.item(row, GatewaysTable.COL_PORT).setData(Qt.ItemDataRole.EditRole, 70000)  # type: ignore
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "gateways" in dialog.errors.visible(), timeout=WAIT_MS)
    shown = dialog.errors.visible()["gateways"]
    assert shown == "Gateway 1, port: must be at most 65535"  # the service's refusal in the desktop's words
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
    assert admin_api.get("/carriers", CarrierPage).items == []

    dialog.gateways.item(row, GatewaysTable.COL_PORT).setData(Qt.ItemDataRole.EditRole, 5060)  # type: ignore
    _save_and_close(qtbot, dialog)
    assert [c.name for c in admin_api.get("/carriers", CarrierPage).items] == ["Initech"]


def test_edit_adds_a_gateway_and_switch_off_stops_the_carrier(qtbot: QtBot, page: CarriersPage,
                                                              admin_api: ApiClient) -> None:
    carrier = _carrier(admin_api, "Umbrella")
    tab = page.carriers_tab
    tab.listing.refresh()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and not tab.model.loading, timeout=WAIT_MS)
    tab.listing.table.selectRow(0)
    dialog = tab.open_edit()
    assert dialog is not None and dialog.gateways.rowCount() == 1
    row = dialog.gateways.add_gateway()
    dialog.gateways.item(row, GatewaysTable.COL_HOST).setText("backup.umbrella.example")  # type: ignore[union-attr]
    dialog.gateways.item(row, GatewaysTable.COL_PORT).setData(Qt.ItemDataRole.EditRole, 0)  # type: ignore
    dialog.cps_edit.setText("5")
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: "gateways" in dialog.errors.visible(), timeout=WAIT_MS)
    assert "backup.umbrella.example:0" in dialog.errors.visible()["gateways"]
    assert admin_api.get(f"/carriers/{carrier.id}", CarrierOut).cps_limit == 5  # saved before the bad gateway

    dialog.gateways.item(row, GatewaysTable.COL_PORT).setData(Qt.ItemDataRole.EditRole, 5062)  # type: ignore
    _save_and_close(qtbot, dialog)
    saved = admin_api.get(f"/carriers/{carrier.id}", CarrierOut)
    assert sorted((g.host, g.port) for g in saved.gateways) == [("backup.umbrella.example", 5062),
                                                                 ("umbrella.example.net", 5060)]

    qtbot.waitUntil(lambda: tab.listing.selected_id() == carrier.id, timeout=WAIT_MS)
    assert tab.toggle_button.text() == "Switch off"
    qtbot.mouseClick(tab.toggle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not admin_api.get(f"/carriers/{carrier.id}", CarrierOut).enabled, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.toggle_button.text() == "Switch on", timeout=WAIT_MS)
    assert "switched off" in tab.message_label.text()


def test_add_a_route_with_carriers_in_order(qtbot: QtBot, page: CarriersPage, admin_api: ApiClient) -> None:
    alpha, beta = _carrier(admin_api, "Alpha"), _carrier(admin_api, "Beta")
    plan = admin_api.post("/dial-plans", DialPlanOut, DialPlanCreate(name="Retail"))
    tab = page.dial_plans_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.plans.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.plans.model.rowCount() == 1, timeout=WAIT_MS)
    tab.plans.listing.table.selectRow(0)
    assert "Choose a dial plan" not in tab.routes.listing.status_label.text()
    dialog = tab.routes.open_new()
    assert isinstance(dialog, RouteDialog)
    dialog.prefix_edit.setText("44")
    combo = dialog.carrier_field.combo
    qtbot.waitUntil(lambda: combo.count() == 2, timeout=WAIT_MS)
    for name in ("Beta", "Alpha"):
        combo.activated.emit(combo.findText(name))
        qtbot.mouseClick(dialog.add_carrier_button, Qt.MouseButton.LeftButton)
    dialog.carriers.setCurrentCell(1, 0)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)  # Alpha first
    dialog.carriers.item(0, dialog.carriers.COL_PINNED).setCheckState(Qt.CheckState.Checked)  # type: ignore
    _save_and_close(qtbot, dialog)

    routes = tab.routes.model
    qtbot.waitUntil(lambda: routes.rowCount() == 1 and not routes.loading, timeout=WAIT_MS)
    assert _cell(routes, 0, COL_ROUTE_CARRIERS) == "Alpha (pinned), Beta"
    saved = admin_api.get(f"/dial-plans/{plan.id}/routes", RoutePage).items
    assert [(e.carrier_id, e.pinned) for e in saved[0].carriers] == [(alpha.id, True), (beta.id, False)]


def test_explain_shows_the_carriers_in_the_order_tried(qtbot: QtBot, page: CarriersPage,
                                                       admin_api: ApiClient) -> None:
    carriers = {name: _carrier(admin_api, name, price, **extra) for name, price, extra in (
        ("Dear", "0.050", {}), ("Cheap", "0.020", {}), ("Middle", "0.030", {}), ("Idle", "0.010", {"enabled": False}),
        ("Unpriced", None, {}))}
    plan = admin_api.post("/dial-plans", DialPlanOut, DialPlanCreate(name="Wholesale"))
    admin_api.post(f"/dial-plans/{plan.id}/routes", RouteOut, RouteCreate(
        prefix="44", carriers=[RouteCarrierIn(carrier_id=carrier.id) for carrier in carriers.values()]))
    tab = page.explain_tab
    page.dial_plans_tab.plans.listing.refresh()  # the plan list the explain box chooses from
    page.tabs.setCurrentWidget(tab)
    tab.number_edit.setText("+44 20 7946 0000")
    qtbot.mouseClick(tab.explain_button, Qt.MouseButton.LeftButton)  # no account and no plan: the service says
    qtbot.waitUntil(lambda: bool(tab.errors.visible()), timeout=WAIT_MS)
    assert tab.errors.visible()["dial_plan_id"] == "choose a dial plan, or an account whose dial plan is used"

    tab.plan_field.select_id(plan.id)
    qtbot.waitUntil(lambda: tab.plan_field.combo.currentText() == "Wholesale", timeout=WAIT_MS)
    qtbot.mouseClick(tab.explain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 5, timeout=WAIT_MS)
    assert tab.carriers_shown() == [("Cheap", "tried"), ("Middle", "tried"), ("Dear", "tried"),
                                    ("Idle", "skipped"), ("Unpriced", "skipped")]
    buy_rates = [tab.table.item(row, COL_EXPLAIN_BUY).text() for row in range(3)]  # type: ignore[union-attr]
    assert buy_rates == ["$0.02", "$0.03", "$0.05"]
    reasons = [tab.table.item(row, COL_EXPLAIN_REASON).text() for row in (3, 4)]  # type: ignore[union-attr]
    assert reasons[0].startswith("switched off") and reasons[1].startswith("no buy rate")
    assert "Wholesale" in tab.summary_label.text() and "routed" in tab.summary_label.text()

    tab.account_edit.setText("no-such-account")
    qtbot.mouseClick(tab.explain_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "account_id" in tab.errors.visible(), timeout=WAIT_MS)
    assert "no-such-account" in tab.errors.visible()["account_id"]
