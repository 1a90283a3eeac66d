"""Lists and figures in the desktop against the real service: the accounts table hides the card accounts until the
Type filter asks for them, filters by balance as typed, sorts by the column clicked (in the service, every page in
order); Live calls names the carrier, the destination and the account, and says when a hang-up came after the call
ended; the dashboard's tiles show today's figures and "calls now" follows the stream, its time axis reads clock
times; the carriers page shows a gateway's state since when; Place test call sends with Enter; dial plans and the
reseller tree sort in the service by the header clicked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService, add_cdrs, call_event, cdr, start_live_page
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from sqlalchemy.orm import Session

from desktop.api_client import ApiClient
from desktop.live_stream import LiveStream
from desktop.pages.account_refs import IdLabels
from desktop.pages.accounts import COL_BALANCE, COL_KIND, COL_NAME, AccountsPage
from desktop.pages.band_schedules import band_schedule_columns
from desktop.pages.cards import voucher_columns
from desktop.pages.carriers import COL_PLAN_NAME, COL_PLAN_ROUTES, COL_STATE, CarriersPage, plan_columns, route_columns
from desktop.pages.dashboard import DashboardPage
from desktop.pages.dids import trunk_columns
from desktop.pages.fees_tab import fee_columns
from desktop.pages.live_calls import COL_ACCOUNT, COL_CARRIER, COL_DESTINATION_NAME, COL_RATE, LiveCallsPage
from desktop.pages.rates import package_columns, tax_profile_columns
from desktop.pages.resellers import COL_CREDIT_LIMIT, SORT_KEYS, ResellersPage, rule_columns
from desktop.qt import QHeaderView, QMessageBox, QModelIndex, QPoint, Qt
from desktop.session import sign_in
from switch_service.api.schemas import AccountCreate, PaymentCreate, ReceiptOut
from switch_service.api.schemas.cards import CardBatchCreate
from switch_service.api.schemas.carriers import CarrierCreate, CarrierOut, GatewayCreate
from switch_service.api.schemas.jobs import JobOut
from switch_service.api.schemas.resellers import ResellerCreate, ResellerOut
from switch_service.api.schemas.routing import DialPlanCreate, DialPlanOut, RouteCreate, RouteOut
from switch_service.events import CallEventKind, GatewayEvent, GatewayEventKind
from switch_service.sip.controller import HangupOutcome
from switch_service.store.engine import make_engine
from switch_service.store.models import Gateway


def _admin(service: LiveService) -> ApiClient:
    client = ApiClient(service.url)
    client.login("admin", PASSWORD)
    return client


def _customers(client: ApiClient) -> dict[str, int]:
    """Three customers with balances 12.50, -3.20 (a refund) and 0, and a batch of five 5.00 cards."""
    made = {}
    for number, name, amount, kind in (("201", "Zoe", "12.5", "topup"), ("202", "Ana", "3.2", "refund"),
                                       ("203", "Max", None, None)):
        account = client.create_account(AccountCreate(number=number, name=name))
        if amount is not None:
            client.post(f"/accounts/{account.id}/payments", ReceiptOut,
                        PaymentCreate(amount=Decimal(amount), kind=kind))
        made[name] = account.id
    client.post("/card-batches", JobOut, CardBatchCreate(name="Shop", count=5, face_value=Decimal(5)))
    return made


def _names(page: AccountsPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, COL_NAME)) for row in range(model.rowCount())]


def _click_header(qtbot: QtBot, header: QHeaderView, column: int) -> None:
    position = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(position, header.height() // 2))


def test_accounts_hide_cards_filter_by_balance_and_sort_in_the_service(qtbot: QtBot,
                                                                        live_service: LiveService) -> None:
    client = _admin(live_service)
    _customers(client)
    qtbot.waitUntil(lambda: len(client.account_ids(selection={"kind": ["card"]})) == 5, timeout=WAIT_MS)
    page = AccountsPage()
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.model.page_size = 2  # several pages, so the order holds across them
    page.set_session(sign_in(live_service.url, "admin", PASSWORD))
    qtbot.waitUntil(lambda: sorted(_names(page)) == ["Ana", "Max", "Zoe"], timeout=WAIT_MS)  # no cards

    page.kind_combo.setFocus()
    qtbot.keyClick(page.kind_combo, Qt.Key.Key_End)  # the last choice: every account
    qtbot.waitUntil(lambda: page.model.rowCount() == 8 and not page.model.loading, timeout=WAIT_MS)
    qtbot.keyClick(page.kind_combo, Qt.Key.Key_Up)  # cards only
    qtbot.waitUntil(lambda: page.model.rowCount() == 5 and not page.model.loading, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: {page.model.data(page.model.index(row, COL_KIND)) for row in range(5)} == {"Card"},
                    timeout=WAIT_MS)  # pages of 2: the later rows come as they are fetched
    qtbot.keyClick(page.kind_combo, Qt.Key.Key_Home)  # back to the customers
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and not page.model.loading, timeout=WAIT_MS)

    header = page.table.horizontalHeader()
    _click_header(qtbot, header, COL_BALANCE)
    qtbot.waitUntil(lambda: _names(page) == ["Ana", "Max", "Zoe"], timeout=WAIT_MS)
    assert page.model.data(page.model.index(0, COL_BALANCE)) == "-$3.20"
    _click_header(qtbot, header, COL_BALANCE)  # again: the other way round
    qtbot.waitUntil(lambda: _names(page) == ["Zoe", "Max", "Ana"], timeout=WAIT_MS)
    assert header.sortIndicatorSection() == COL_BALANCE

    page.balance_edit.setFocus()
    qtbot.keyClicks(page.balance_edit, "0")
    qtbot.keyClick(page.balance_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _names(page) == ["Ana"], timeout=WAIT_MS)  # below zero


def _carrier(client: ApiClient, name: str = "Bluewave Telecom") -> CarrierOut:
    return client.post("/carriers", CarrierOut,
                       CarrierCreate(name=name, gateways=[GatewayCreate(host="127.0.0.1", port=5999)]))


def test_live_calls_name_carrier_destination_and_account(qtbot: QtBot, live_service: LiveService,
                                                         live_stream: LiveStream, tmp_path: Path) -> None:
    client = _admin(live_service)
    account_id = client.create_account(AccountCreate(number="1001", name="Live customer")).id
    carrier = _carrier(client)
    page = LiveCallsPage(live_stream)
    start_live_page(qtbot, live_service, live_stream, page)
    bus = live_service.live.bus
    for n in (1, 2):
        bus.publish(call_event(CallEventKind.STARTED, n, account_id=account_id, destination_name="Mexico"))
    bus.publish(dataclasses.replace(call_event(CallEventKind.ANSWERED, 1, account_id=account_id),
                                    carrier_id=carrier.id, sell_rate=Decimal("0.036")))
    model = page.model
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_CARRIER)) == "Bluewave Telecom", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: model.data(model.index(1, COL_ACCOUNT)) == "1001", timeout=WAIT_MS)
    assert model.data(model.index(0, COL_DESTINATION_NAME)) == "Mexico"
    assert model.data(model.index(0, COL_RATE)) == "$0.036"

    # the switch no longer has the call (it ended while the owner clicked), its record is written
    live_service.live._hangup = lambda _call_id: HangupOutcome.NOT_FOUND
    add_cdrs(tmp_path, [cdr(1, account_id=account_id)])
    page.table.selectRow(0)
    box = page.hang_up_selected()
    assert isinstance(box, QMessageBox)
    [hang_up] = [button for button in box.buttons() if button.text() == "Hang up"]
    hang_up.click()
    qtbot.waitUntil(lambda: "had already ended" in page.message_label.text(), timeout=WAIT_MS)
    assert page.message_label.text() == "The call from 13055550101 to 525512345678 had already ended."
    assert "conf-1" not in page.message_label.text()
    assert model.rowCount() == 1


def test_dashboard_tiles_follow_the_day_and_the_stream(qtbot: QtBot, live_service: LiveService,
                                                       live_stream: LiveStream, tmp_path: Path) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    add_cdrs(tmp_path, [cdr(1, account_id=None, duration_s=90, price="0.088348", cost="0.03", started_at=now),
                        cdr(2, account_id=None, result="busy", started_at=now)])
    page = DashboardPage(live_stream)
    start_live_page(qtbot, live_service, live_stream, page)
    tiles = page.tiles
    qtbot.waitUntil(lambda: tiles.text("minutes") == "1.5", timeout=WAIT_MS)
    assert tiles.text("asr") == "50.0 %" and tiles.text("acd") == "1:30"
    assert tiles.text("revenue") == "$0.09" and tiles.text("profit") == "$0.06"  # to the cent, with the currency
    assert tiles.text("carriers_down") == "0 of 0"

    live_service.live.bus.publish(call_event(CallEventKind.ANSWERED, 7))
    qtbot.waitUntil(lambda: tiles.text("calls_now") == "1", timeout=WAIT_MS)
    page.concurrent_graph.draw()
    labels = page.concurrent_graph.tick_labels()
    assert labels and all(re.fullmatch(r"\d\d:\d\d(:\d\d)?", label) for label in labels), labels
    page.stop()


def test_carriers_show_each_gateways_state_since_when(qtbot: QtBot, live_service: LiveService,
                                                      live_stream: LiveStream, tmp_path: Path) -> None:
    client = _admin(live_service)
    carrier = _carrier(client)
    page = CarriersPage()
    live_stream.gateway_changed.connect(page.gateway_changed)
    start_live_page(qtbot, live_service, live_stream, page)
    model = page.carriers_tab.model
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_STATE)) == "Not checked yet", timeout=WAIT_MS)
    since = dt.datetime(2026, 12, 6, 9, 30, 5, tzinfo=dt.UTC)
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")  # as the switch stores its keep-alive's verdict
    with Session(engine) as session, session.begin():
        session.execute(update(Gateway).values(options_up=False, options_checked_at=since))
    engine.dispose()
    live_service.live.gateways.publish(GatewayEvent(GatewayEventKind.DOWN, carrier.id, carrier.gateways[0].id,
                                                    "127.0.0.1:5999/udp", None, since))
    local = since.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_STATE)) == f"Down since {local}", timeout=WAIT_MS)
    tip = model.data(model.index(0, COL_STATE), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"127.0.0.1:5999/udp: down since {local} (no answer to the switch's OPTIONS)"


def test_place_test_call_sends_with_enter_and_says_why_not(qtbot: QtBot, live_service: LiveService,
                                                           live_stream: LiveStream) -> None:
    client = _admin(live_service)
    client.create_account(AccountCreate(number="100001", name="Maria"))
    page = DashboardPage(live_stream)
    start_live_page(qtbot, live_service, live_stream, page)
    dialog = page.open_test_call()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.account_edit.text() == "100001", timeout=WAIT_MS)  # offered, and kept
    qtbot.keyClick(dialog.number_edit, Qt.Key.Key_Return)  # the pre-filled values kept
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT_MS)
    assert dialog.error_label.text() == "this service runs no SIP switch, so it cannot place a test call"
    assert dialog.isVisible()
    page.stop()


def test_dial_plans_and_the_reseller_tree_sort_in_the_service(qtbot: QtBot, live_service: LiveService) -> None:
    """Routes per plan are only known to the service: a click on that header orders the plans by them across
    pages of two; the reseller tree reads every level again in the order of the header clicked."""
    client = _admin(live_service)
    for name, prefixes in (("Retail", ["44", "4420"]), ("Cheap", []), ("Wholesale", ["52"]), ("Export", [])):
        plan = client.post("/dial-plans", DialPlanOut, DialPlanCreate(name=name))
        for prefix in prefixes:
            client.post(f"/dial-plans/{plan.id}/routes", RouteOut, RouteCreate(prefix=prefix))
    page = CarriersPage()
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.tabs.setCurrentWidget(page.dial_plans_tab)
    page.plans_model.page_size = 2
    page.set_session(sign_in(live_service.url, "admin", PASSWORD))
    listing = page.dial_plans_tab.plans.listing
    model = page.plans_model

    def column(index: int) -> list[str]:
        return [model.data(model.index(row, index)) for row in range(model.rowCount())]

    def loaded() -> bool:  # every page fetched (the view asks for the next one as the rows come)
        if model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        return model.at_end and not model.loading

    qtbot.waitUntil(lambda: loaded() and {"Retail", "Cheap", "Wholesale", "Export"} <= set(column(COL_PLAN_NAME)),
                    timeout=WAIT_MS)
    header = listing.table.horizontalHeader()
    for descending in (False, True):
        _click_header(qtbot, header, COL_PLAN_ROUTES)
        qtbot.waitUntil(lambda: model.order.key == "routes" and loaded(), timeout=WAIT_MS)
        counts = [int(text) for text in column(COL_PLAN_ROUTES)]
        assert counts == sorted(counts, reverse=descending)  # by id it would be 2, 0, 1, 0
        assert model.order.descending is descending

    for name, limit in (("North", "50"), ("East", "5"), ("South", "500")):
        client.post("/resellers", ResellerOut, ResellerCreate(name=name, credit_limit=Decimal(limit)))
    resellers = ResellersPage()
    qtbot.addWidget(resellers)
    resellers.resize(1000, 600)
    resellers.show()
    resellers.set_session(sign_in(live_service.url, "admin", PASSWORD))
    tree = resellers.model

    def names() -> list[str]:
        return [tree.data(tree.index(row, 0)) for row in range(tree.rowCount())]

    qtbot.waitUntil(lambda: names() == ["North", "East", "South"], timeout=WAIT_MS)  # by id
    tree_header = resellers.tree.header()
    _click_header(qtbot, tree_header, COL_CREDIT_LIMIT)
    qtbot.waitUntil(lambda: names() == ["East", "North", "South"] and not tree.loading, timeout=WAIT_MS)
    _click_header(qtbot, tree_header, COL_CREDIT_LIMIT)
    qtbot.waitUntil(lambda: names() == ["South", "North", "East"] and not tree.loading, timeout=WAIT_MS)
    assert tree_header.sortIndicatorSection() == COL_CREDIT_LIMIT
    west = client.post("/resellers", ResellerOut, ResellerCreate(name="West", credit_limit=Decimal(100)))
    dialog = resellers.open_new_top_level()
    assert dialog is not None
    dialog.created.emit(west)  # as the dialog says when it made one: shown where the order puts it, and chosen
    assert names() == ["South", "West", "North", "East"]
    assert resellers.selected() == west


def _sort_names(path: str) -> set[str]:
    """The `sort=` names the service documents for a list (docs/openapi.json, checked against the app elsewhere)."""
    document = json.loads((Path(__file__).parents[2] / "docs" / "openapi.json").read_text(encoding="utf-8"))
    [parameter] = [p for p in document["paths"][f"/api/v1{path}"]["get"]["parameters"] if p["name"] == "sort"]
    return set(parameter["description"].split(": ", 1)[1].split(", "))


@pytest.mark.parametrize(("path", "columns"), [
    ("/trunks", lambda: trunk_columns(IdLabels())), ("/vouchers", lambda: voucher_columns(IdLabels())),
    ("/recurring-fees", lambda: fee_columns(IdLabels())), ("/tax-profiles", tax_profile_columns),
    ("/packages", package_columns), ("/band-schedules", band_schedule_columns), ("/dial-plans", plan_columns),
    ("/dial-plans/{plan_id}/routes", route_columns), ("/resellers/{reseller_id}/commission-rules", rule_columns),
])
def test_every_sorted_column_asks_for_a_sort_its_list_knows(qtbot: QtBot, path: str, columns: Any) -> None:
    keys = {column.sort_key for column in columns() if column.sort_key is not None}
    assert keys and keys <= _sort_names(path)


def test_every_reseller_tree_column_asks_for_a_sort_the_list_knows() -> None:
    assert set(SORT_KEYS) <= _sort_names("/resellers")
