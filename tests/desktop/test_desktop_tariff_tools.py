"""The Rates page's tariff tools against the real service, driven by the keyboard: band schedules written (a bad
time refused at its field) and picked by a tariff, a sell tariff blended from carriers' decks, a tariff raised by a
percentage, a rate with A2Billing's disconnect rule, and rates, tariffs and band schedules deleted (a tariff still in
use refused with the service's reason)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService, agree
from pytestqt.qtbot import QtBot
from test_desktop_rates import _cells, _select_tariff  # tests/desktop is on sys.path

from desktop.api_client import ApiClient
from desktop.formatting import rate
from desktop.pages.band_schedules import BandScheduleDialog
from desktop.pages.rates import COL_PRICE, RatesPage
from desktop.pages.tariff_tools import BlendDialog, RaiseDialog
from desktop.qt import QApplication, Qt, QWidget
from desktop.session import sign_in
from switch_service.api.schemas.carriers import CarrierCreate, CarrierOut
from switch_service.api.schemas.rates import (
    BandSchedulePage,
    DisconnectFeeRule,
    RateCreate,
    RateOut,
    RatePage,
    TariffCreate,
    TariffKind,
    TariffOut,
    TariffPage,
)


@pytest.fixture
def page(qtbot: QtBot, live_service: LiveService) -> RatesPage:
    page = RatesPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.set_session(sign_in(live_service.url, "admin", PASSWORD))
    return page


def _active(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT_MS)


def _type(qtbot: QtBot, text: str, *, then: Qt.Key = Qt.Key.Key_Tab) -> None:
    """Type into the focused field (what is there is replaced), then press `then`."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, then)


def _press(qtbot: QtBot, widget: QWidget, key: Qt.Key = Qt.Key.Key_Space) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key)


def _select_first(qtbot: QtBot, page: RatesPage) -> None:
    listing = page.band_schedules
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1 and not listing.model.loading, timeout=WAIT_MS)
    listing.table.selectRow(0)
    assert listing.selected() is not None


def test_a_band_schedule_is_written_in_the_desktop_and_picked_by_a_tariff(
        qtbot: QtBot, page: RatesPage, admin_api: ApiClient) -> None:
    page.tabs.setCurrentIndex(page.tabs.indexOf(page.band_schedules.parentWidget()))
    _press(qtbot, page.new_band_schedule_button)
    dialog = page.dialog
    assert isinstance(dialog, BandScheduleDialog)
    _active(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.name_edit
    _type(qtbot, "UK hours")
    assert [box.isChecked() for box in dialog.peak_days.boxes] == [True] * 5 + [False] * 2  # pre-filled, kept
    dialog.peak_start_edit.setFocus()
    _type(qtbot, "8 o'clock", then=Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "peak_start" in dialog.errors.visible(), timeout=WAIT_MS)
    assert "write it like 08:00" in dialog.errors.visible()["peak_start"]
    assert admin_api.get("/band-schedules", BandSchedulePage).items == []

    dialog.peak_start_edit.setFocus()
    _type(qtbot, "07:30")
    assert QApplication.focusWidget() is dialog.peak_end_edit and dialog.peak_end_edit.text() == "20:00"
    dialog.holidays_edit.setFocus()
    qtbot.keyClicks(dialog.holidays_edit, "2026-12-25 2026-12-26")
    _press(qtbot, dialog.weekend_days.boxes[4])  # Friday becomes a weekend day too
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.keyClick(dialog.weekend_days.boxes[4], Qt.Key.Key_Return)
    [schedule] = admin_api.get("/band-schedules", BandSchedulePage).items
    assert (schedule.name, schedule.peak_start, schedule.peak_end) == ("UK hours", dt.time(7, 30), dt.time(20))
    assert (schedule.weekend_days, schedule.holidays) == ([4, 5, 6], [dt.date(2026, 12, 25), dt.date(2026, 12, 26)])

    _select_first(qtbot, page)
    edit = page.edit_band_schedule()
    assert edit is not None
    _active(qtbot, edit)
    edit.peak_end_edit.setFocus()
    _type(qtbot, "19:00", then=Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: admin_api.get("/band-schedules", BandSchedulePage).items[0].peak_end == dt.time(19),
                    timeout=WAIT_MS)
    kept = admin_api.get("/band-schedules", BandSchedulePage).items[0]
    assert (kept.peak_start, kept.weekend_days, len(kept.holidays)) == (dt.time(7, 30), [4, 5, 6], 2)

    tariff = admin_api.post("/tariffs", TariffOut, TariffCreate(name="Banded", band_schedule_id=schedule.id))
    _select_first(qtbot, page)
    refused = page.delete_band_schedule()
    agree(qtbot, refused)
    qtbot.waitUntil(lambda: "still used by 1 tariff" in page.notice_label.text(), timeout=WAIT_MS)
    admin_api.delete(f"/tariffs/{tariff.id}")
    _select_first(qtbot, page)
    agree(qtbot, page.delete_band_schedule())
    qtbot.waitUntil(lambda: admin_api.get("/band-schedules", BandSchedulePage).items == [], timeout=WAIT_MS)


def _buy(client: ApiClient, carrier: str, prices: dict[str, str], *, enabled: bool = True) -> CarrierOut:
    tariff = client.post("/tariffs", TariffOut, TariffCreate(name=f"{carrier} buy", kind=TariffKind.BUY))
    for prefix, price in prices.items():
        client.post(f"/tariffs/{tariff.id}/rates", RateOut, RateCreate(prefix=prefix, price_per_minute=Decimal(price)))
    return client.post("/carriers", CarrierOut, CarrierCreate(name=carrier, buy_tariff_id=tariff.id, enabled=enabled))


def test_a_sell_tariff_is_blended_then_raised_from_the_keyboard(qtbot: QtBot, page: RatesPage,
                                                                 admin_api: ApiClient) -> None:
    client = admin_api
    _buy(client, "Alpha", {"44": "0.01", "447": "0.03"})
    _buy(client, "Beta", {"44": "0.012", "447": "0.025"})
    retail = client.post("/tariffs", TariffOut, TariffCreate(name="Retail"))
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    assert page.blend_button.isEnabled()

    _press(qtbot, page.blend_button)
    blend = page.dialog
    assert isinstance(blend, BlendDialog)
    _active(qtbot, blend)
    qtbot.waitUntil(lambda: blend.carriers_list.count() == 2, timeout=WAIT_MS)
    carriers = blend.carriers_list
    assert QApplication.focusWidget() is carriers
    qtbot.keyClick(carriers, Qt.Key.Key_Space)  # Alpha
    qtbot.keyClick(carriers, Qt.Key.Key_Down)
    qtbot.keyClick(carriers, Qt.Key.Key_Space)  # Beta
    assert blend.margin_edit.text() == "20" and blend.round_up_edit.text() == "0.001"  # pre-filled, kept
    with qtbot.waitSignal(blend.job_done, timeout=WAIT_MS):
        qtbot.keyClick(carriers, Qt.Key.Key_Return)
    blended = [rate(Decimal("0.012")), rate(Decimal("0.03"))]  # Alpha's 0.01 and Beta's 0.025, + 20 %
    qtbot.waitUntil(lambda: _cells(page, COL_PRICE) == blended, timeout=WAIT_MS)
    assert page.notice_label.text().startswith("Blended 2 prefixes from Alpha, Beta.")

    # the tariffs list reloads (its rate count changed); its buttons are greyed until Retail is selected again
    qtbot.waitUntil(page.raise_button.isEnabled, timeout=WAIT_MS)
    _press(qtbot, page.raise_button)
    raising = page.dialog
    assert isinstance(raising, RaiseDialog)
    _active(qtbot, raising)
    assert QApplication.focusWidget() is raising.percent_edit
    with qtbot.waitSignal(raising.job_done, timeout=WAIT_MS):
        _type(qtbot, "10", then=Qt.Key.Key_Return)
    rates = client.get(f"/tariffs/{retail.id}/rates", RatePage).items
    assert [(r.prefix, r.price_per_minute) for r in rates] == [("44", Decimal("0.0132")),
                                                                         ("447", Decimal("0.033"))]
    qtbot.waitUntil(lambda: page.notice_label.text() == "2 rates repriced by 10 %.", timeout=WAIT_MS)


def test_rates_and_tariffs_are_deleted_and_a_tariff_in_use_is_refused(qtbot: QtBot, page: RatesPage,
                                                                      admin_api: ApiClient) -> None:
    client = admin_api
    tariff = client.post("/tariffs", TariffOut, TariffCreate(name="Retail"))
    for prefix in ("33", "44"):
        client.post(f"/tariffs/{tariff.id}/rates", RateOut, RateCreate(
            prefix=prefix, price_per_minute=Decimal("0.1"), disconnect_fee=Decimal("0.05"), disconnect_threshold_s=20,
            disconnect_fee_rule=DisconnectFeeRule.FROM_THRESHOLD))
    _buy(client, "Alpha", {"44": "0.01"})
    page.tariffs.refresh()
    _select_tariff(qtbot, page, "Retail")
    qtbot.waitUntil(lambda: page.rates.model.rowCount() == 2, timeout=WAIT_MS)

    page.rates.table.selectRow(0)
    edit = page.edit_rate()
    assert edit is not None  # the rule as stored, in words
    assert edit.fields.widgets["disconnect_fee_rule"].currentText() == "to calls of at least the threshold"
    edit.reject()
    page.rates.table.selectRow(0)
    agree(qtbot, page.delete_rate())
    qtbot.waitUntil(lambda: page.notice_label.text() == "Rate 33 deleted.", timeout=WAIT_MS)
    assert [rate.prefix for rate in client.get(f"/tariffs/{tariff.id}/rates", RatePage).items] == ["44"]

    qtbot.waitUntil(lambda: page.selected_tariff() is not None, timeout=WAIT_MS)  # reselected after the reload
    agree(qtbot, page.delete_tariff())
    qtbot.waitUntil(lambda: page.notice_label.text() == "Tariff Retail deleted.", timeout=WAIT_MS)
    _select_tariff(qtbot, page, "Alpha buy")
    assert not page.blend_button.isEnabled()  # a carrier's deck is not blended into
    agree(qtbot, page.delete_tariff())
    qtbot.waitUntil(lambda: "still used by 1 carrier" in page.notice_label.text(), timeout=WAIT_MS)
    assert [t.name for t in client.get("/tariffs", TariffPage).items] == ["Alpha buy"]
