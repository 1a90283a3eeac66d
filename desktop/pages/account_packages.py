"""The account page's Packages tab (admins): the free-minute packages the account holds, one row per period with
the seconds used and left; assign a package (its fee for the period is charged at once, as the service does) or
remove a period's entry (which stops the package renewing)."""

from __future__ import annotations

import functools

from desktop.api_client import ApiClient
from desktop.formatting import minutes, money
from desktop.paged_table import Column, PagedTableModel, PageLoader
from desktop.pages.account_tabs import AccountTab, local_time
from desktop.pages.lookups import LookupField
from desktop.pages.pricing_dialogs import period_name
from desktop.qt import QCoreApplication, QPushButton, QWidget, Signal
from switch_service.api.schemas import AccountOut
from switch_service.api.schemas.packages import (
    AccountPackageCreate,
    AccountPackageOut,
    AccountPackagePage,
    PackageOut,
    PackagePage,
)

COL_PACKAGE, COL_PERIOD, COL_STARTS, COL_FREE, COL_USED, COL_LEFT = range(6)


def package_choice_model(client: ApiClient, parent: QWidget) -> PagedTableModel[PackageOut]:
    """The packages on offer, named with their period and fee, for choosing one."""
    columns: list[Column[PackageOut]] = [Column(
        QCoreApplication.translate("AccountPackagesTab", "Package"),
        lambda p: QCoreApplication.translate("AccountPackagesTab", "{name} ({period}, {fee})").format(
            name=p.name, period=period_name(p.period), fee=money(p.fee)))]
    model: PagedTableModel[PackageOut] = PagedTableModel(columns, parent)
    model.set_loader(lambda after, limit: client.get("/packages", PackagePage, {"after": after, "limit": limit}))
    return model


class AccountPackagesTab(AccountTab):
    """`account_changed` is emitted after an assignment (its fee moved the balance)."""

    account_changed = Signal()

    def __init__(self) -> None:
        super().__init__(widths=(200, 90, 140, 90, 90), stretch=COL_LEFT)
        self.package_field = LookupField(self.tr("Choose a package to assign"))
        self.assign_button = QPushButton(self.tr("Assign"))
        self.assign_button.setToolTip(self.tr("Opens the package for the current period and charges its fee now"))
        self.assign_button.clicked.connect(self.assign)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.clicked.connect(self.ask_remove)
        self.row_buttons.append(self.remove_button)
        self.writing_controls.extend([self.package_field, self.assign_button, self.remove_button])
        self.top.addWidget(self.package_field, 1)
        self.top.addWidget(self.assign_button)
        self.top.addWidget(self.remove_button)
        self._selection_changed()

    def columns(self) -> list[Column[AccountPackageOut]]:
        return [
            Column(self.tr("Package"), lambda p: p.package_name),
            Column(self.tr("Period"), lambda p: period_name(p.period)),
            Column(self.tr("Period from"), lambda p: local_time(p.period_start), lambda p: p.period_start),
            Column(self.tr("Free"), lambda p: minutes(p.free_seconds), lambda p: p.free_seconds, align_right=True),
            Column(self.tr("Used"), lambda p: minutes(p.used_seconds), lambda p: p.used_seconds, align_right=True),
            Column(self.tr("Left"), lambda p: minutes(p.remaining_seconds), lambda p: p.remaining_seconds,
                   align_right=True),
        ]

    def loader(self, client: ApiClient, account_id: int) -> PageLoader[AccountPackageOut]:
        return lambda after, limit: client.get(f"/accounts/{account_id}/packages", AccountPackagePage,
                                               {"after": after, "limit": limit})

    def show_account(self, client: ApiClient, account: AccountOut) -> None:
        if self.client is not client:
            self.package_field.set_model(package_choice_model(client, self), 0)
        super().show_account(client, account)

    def count_text(self, count: int) -> str:
        return self.tr("%n package period(s)", "", count)

    def empty_text(self) -> str:
        return self.tr("No packages: choose one above and press Assign (its fee is charged for the current "
                       "period).")

    def assign(self) -> None:
        client, account, package_id = self.client, self.account, self.package_field.current_id()
        if client is None or account is None:
            return
        if package_id is None:
            self.say(self.tr("Choose the package to assign first."), error=True)
            return
        body = AccountPackageCreate(package_id=package_id)
        path = f"/accounts/{account.id}/packages"
        self.change(lambda: client.post(path, AccountPackageOut, body), self.tr("Assigning the package…"),
                    self.account_changed.emit)

    def ask_remove(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        question = self.tr("Remove {package} for the period from {start}? It stops renewing; the fee paid stays "
                           "paid.").format(package=entry.package_name, start=local_time(entry.period_start))
        self.ask(question, self.tr("Remove"), functools.partial(self.remove, entry.id))

    def remove(self, entry_id: int) -> None:
        client, account = self.client, self.account
        if client is not None and account is not None:
            path = f"/accounts/{account.id}/packages/{entry_id}"
            self.change(lambda: client.delete(path), self.tr("Removing the package…"))
