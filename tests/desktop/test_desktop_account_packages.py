"""The account page's Packages tab against the real service, driven by the keyboard: an admin assigns a package
(its fee charged, the balance in the header follows), sees the period with the seconds left, and removes it; support
is not offered the tab."""

from __future__ import annotations

from decimal import Decimal

from desk_harness import WAIT_MS, LiveService, agree
from pytestqt.qtbot import QtBot
from test_desktop_account_details import _column, _open, _show_tab, _wait_idle, _window  # tests/desktop on sys.path

from desktop.api_client import ApiClient
from desktop.pages.account_packages import COL_LEFT, COL_PACKAGE, COL_PERIOD, AccountPackagesTab
from desktop.qt import Qt
from switch_service.api.schemas import AccountCreate, PaymentPage
from switch_service.api.schemas.packages import AccountPackagePage, PackageCreate, PackageOut, Period


def test_admin_assigns_a_package_by_keyboard_and_removes_it(qtbot: QtBot, live_service: LiveService,
                                                             admin_api: ApiClient) -> None:
    account = admin_api.create_account(AccountCreate(number="7101", name="Package buyer", currency="USD"))
    admin_api.post("/packages", PackageOut, PackageCreate(name="UK 100 minutes", period=Period.MONTHLY,
                                                          free_seconds=6000, prefixes=["44"], fee=Decimal("4.99")))
    window = _window(qtbot, live_service, "admin")
    page = _open(qtbot, window, account.id)
    tab = _show_tab(qtbot, page, page.packages_tab)
    assert isinstance(tab, AccountPackagesTab)
    assert tab.listing.status_label.text().startswith("No packages")
    assert page.header.balance_label.text() == "$0.00"

    packages = tab.package_field.combo
    qtbot.waitUntil(lambda: packages.count() == 1, timeout=WAIT_MS)
    packages.setFocus()
    qtbot.keyClick(packages, Qt.Key.Key_Down)
    assert packages.currentText() == "UK 100 minutes (Monthly, $4.99)"
    tab.assign_button.setFocus()
    qtbot.keyClick(tab.assign_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=WAIT_MS)
    _wait_idle(qtbot, tab)
    assert _column(tab, COL_PACKAGE) == ["UK 100 minutes"]
    assert _column(tab, COL_PERIOD) == ["Monthly"]
    assert _column(tab, COL_LEFT) == ["100 min"]
    qtbot.waitUntil(lambda: page.header.balance_label.text() == "-$4.99", timeout=WAIT_MS)  # the fee, at once
    payments = admin_api.get(f"/accounts/{account.id}/payments", PaymentPage).items
    assert [(p.kind.value, p.amount) for p in payments] == [("fee", Decimal("4.99"))]

    tab.listing.table.selectRow(0)
    tab.remove_button.setFocus()
    qtbot.keyClick(tab.remove_button, Qt.Key.Key_Space)
    assert tab.confirm_box is not None and "UK 100 minutes" in tab.confirm_box.text()
    agree(qtbot, tab.confirm_box)
    qtbot.waitUntil(lambda: admin_api.get(f"/accounts/{account.id}/packages", AccountPackagePage).items == [],
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0 and not tab.model.loading, timeout=WAIT_MS)


def test_assign_without_a_choice_says_so_and_support_has_no_packages_tab(qtbot: QtBot, live_service: LiveService,
                                                                        admin_api: ApiClient) -> None:
    account = admin_api.create_account(AccountCreate(number="7102", name="Undecided", currency="USD"))
    window = _window(qtbot, live_service, "admin")
    page = _open(qtbot, window, account.id)
    tab = _show_tab(qtbot, page, page.packages_tab)
    assert isinstance(tab, AccountPackagesTab)
    tab.assign_button.setFocus()
    qtbot.keyClick(tab.assign_button, Qt.Key.Key_Space)
    assert tab.message_label.text() == "Choose the package to assign first."
    window.close()

    support = _window(qtbot, live_service, "support")
    assert _open(qtbot, support, account.id).packages_tab is None
