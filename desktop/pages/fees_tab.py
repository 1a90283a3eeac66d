"""The Recurring fees tab of the Rates page (admin only; routes/fees.py): maintenance and DID-rent fees of one
account or of every active account, and "Charge due fees now" (the service also charges them by itself).

A new fee names its account by number, looked up when the fee is sent; the period and the first due date are fixed
once the fee exists (the service keeps each occurrence on that weekday or day of month), so a change edits only the
name, the amount and whether it is charged.
"""

from __future__ import annotations

import datetime as dt

from desktop.api_client import ApiClient
from desktop.formatting import money, utc_text
from desktop.ops import Op, error_text
from desktop.paged_table import Column, sorted_by
from desktop.pages.account_refs import IdLabels, account_by_number, account_numbers
from desktop.pages.forms import JudgedDialog, parse_amount, parse_utc, typed, unchecked
from desktop.pages.listing import ApiListModel, Listing, ListTab, yes_no
from desktop.pages.pricing_dialogs import period_name
from desktop.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QLineEdit,
    QObject,
    QPushButton,
    QWidget,
    Signal,
)
from switch_service.api.schemas.fees import (
    FeeRunsOut,
    RecurringFeeCreate,
    RecurringFeeOut,
    RecurringFeePage,
    RecurringFeeUpdate,
)
from switch_service.api.schemas.packages import Period

COL_NAME, COL_ACCOUNT, COL_AMOUNT, COL_PERIOD, COL_NEXT_DUE, COL_CHARGED = range(6)


def fee_columns(accounts: IdLabels) -> list[Column[RecurringFeeOut]]:
    return sorted_by(_fee_columns(accounts), {COL_NAME: "name", COL_AMOUNT: "amount", COL_PERIOD: "period",
                                              COL_NEXT_DUE: "next_due_at", COL_CHARGED: "active"})


def _fee_columns(accounts: IdLabels) -> list[Column[RecurringFeeOut]]:
    """In COL_* order."""
    every = QCoreApplication.translate("FeesModel", "every active account")
    return [
        Column(QCoreApplication.translate("FeesModel", "Fee"), lambda f: f.name),
        Column(QCoreApplication.translate("FeesModel", "Account"),
               lambda f: accounts.label(f.account_id) if f.account_id is not None else every),
        Column(QCoreApplication.translate("FeesModel", "Amount"), lambda f: money(f.amount), lambda f: f.amount,
               align_right=True),
        Column(QCoreApplication.translate("FeesModel", "Period"), lambda f: period_name(f.period),
               lambda f: f.period.value),
        Column(QCoreApplication.translate("FeesModel", "Next due (UTC)"), lambda f: utc_text(f.next_due_at),
               lambda f: f.next_due_at),
        Column(QCoreApplication.translate("FeesModel", "Charged"), lambda f: yes_no(f.active), lambda f: f.active),
    ]


class FeesModel(ApiListModel[RecurringFeeOut]):
    """`GET /recurring-fees` as a table, accounts shown by number."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.accounts = IdLabels()
        super().__init__(fee_columns(self.accounts), "/recurring-fees", RecurringFeePage, parent,
                         placeholder_column=COL_NAME, named=((self.accounts, lambda f: f.account_id),))

    def set_source(self, client: ApiClient | None) -> None:
        self.accounts.reset(account_numbers(client) if client is not None else None)
        self.set_client(client)


class FeeDialog(JudgedDialog):
    """New fee when `fee` is None, else a change of its name, amount and whether it is charged. The service judges
    the values; what it refuses is shown under the field."""

    saved = Signal(object)  # RecurringFeeOut

    def __init__(self, parent: QWidget, client: ApiClient, fee: RecurringFeeOut | None = None) -> None:
        title = self.tr("New recurring fee") if fee is None else self.tr("Fee {name}").format(name=fee.name)
        super().__init__(parent, title, self.tr("Add") if fee is None else self.tr("Save"))
        self._client = client
        self._fee = fee
        self.name_edit = QLineEdit(fee.name if fee else "")
        self.name_edit.setMaxLength(120)
        self.name_edit.setPlaceholderText(self.tr("e.g. Maintenance, DID rent"))
        self.amount_edit = QLineEdit(str(fee.amount) if fee else "")
        self.amount_edit.setPlaceholderText(self.tr("per period, in the account's currency"))
        self.row(self.tr("Name"), "name", self.name_edit)
        self.row(self.tr("Amount"), "amount", self.amount_edit)
        if fee is None:
            self.period_combo = QComboBox()
            for period in Period:
                self.period_combo.addItem(period_name(period), period.value)
            self.period_combo.setCurrentIndex(self.period_combo.findData(Period.MONTHLY.value))
            self.first_due_edit = QLineEdit(utc_text(dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)))
            self.first_due_edit.setToolTip(self.tr("Later occurrences keep its weekday or day of month and time, in "
                                                   "the account's time zone"))
            self.account_edit = QLineEdit()
            self.account_edit.setMaxLength(32)
            self.account_edit.setPlaceholderText(self.tr("account number; empty: every active account"))
            self.row(self.tr("Period"), "period", self.period_combo)
            self.row(self.tr("First due (UTC)"), "first_due_at", self.first_due_edit)
            self.row(self.tr("Account"), "account_id", self.account_edit)
        else:
            self.active_check = QCheckBox(self.tr("Charged"))
            self.active_check.setChecked(fee.active)
            self.form.addRow("", self.active_check)

    def _changes(self, fee: RecurringFeeOut) -> RecurringFeeUpdate:
        values = {"name": self.name_edit.text(), "amount": typed("amount", parse_amount, self.amount_edit.text()),
                  "active": self.active_check.isChecked()}
        return unchecked(RecurringFeeUpdate,
                         **{name: value for name, value in values.items() if value != getattr(fee, name)})

    def submit(self) -> None:
        client, fee = self._client, self._fee
        if fee is not None:
            update = self.values_or_say(lambda: self._changes(fee))
            if update is not None:
                path = f"/recurring-fees/{fee.id}"
                self.send(lambda: client.patch(path, RecurringFeeOut, update), self._saved, self.tr("Saving…"))
            return
        number = self.account_edit.text().strip()
        body = self.values_or_say(lambda: unchecked(
            RecurringFeeCreate, name=self.name_edit.text(),
            amount=typed("amount", parse_amount, self.amount_edit.text()),
            period=Period(self.period_combo.currentData()),
            first_due_at=typed("first_due_at", parse_utc, self.first_due_edit.text())))
        if body is None:
            return
        created = body

        def create() -> RecurringFeeOut:
            account_id = account_by_number(client, number).id if number else None
            return client.post("/recurring-fees", RecurringFeeOut,
                               created.model_copy(update={"account_id": account_id}))

        self.send(create, self._saved, self.tr("Adding the fee…"))

    def _saved(self, fee: RecurringFeeOut) -> None:
        self.saved.emit(fee)
        self.accept()


class FeesTab(ListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self.edit_buttons(self.tr("New fee…"))
        self.delete_button.hide()  # a fee is stopped (not charged), which keeps its history readable
        self.row_buttons.remove(self.delete_button)
        self.run_button = QPushButton(self.tr("Charge due fees now"))
        self.run_button.setToolTip(self.tr("The service also charges them by itself every minute"))
        self.run_button.clicked.connect(self.charge_due)
        self.top.addStretch(1)
        self.top.addWidget(self.run_button)
        self.model = FeesModel(self)
        self.listing: Listing[RecurringFeeOut] = Listing(
            self.model, widths=(200, 160, 90, 90, 150, 70), stretch=COL_NAME,
            count_text=lambda count, at_end: self.tr("%n fee(s)", "", count),
            empty_text=lambda: self.tr("No recurring fees yet: add a maintenance or DID-rent fee with New fee."))
        self.set_listing(self.listing)

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self.hush()
        self.model.set_source(client)

    def open_add(self) -> FeeDialog | None:
        return self._opened(FeeDialog(self, self._client)) if self._client is not None else None

    def open_edit(self) -> FeeDialog | None:
        fee = self.listing.selected()
        if self._client is None or fee is None:
            return None
        return self._opened(FeeDialog(self, self._client, fee))

    def _opened(self, dialog: FeeDialog) -> FeeDialog:
        dialog.saved.connect(self._saved)
        self.open_dialog(dialog)
        return dialog

    def _saved(self, fee: RecurringFeeOut) -> None:
        self.say(self.tr("Fee {name} saved; next due {due} UTC.").format(name=fee.name, due=utc_text(fee.next_due_at)))
        self.listing.refresh(select_id=fee.id)

    def charge_due(self) -> None:
        client = self._client
        if client is None:
            return
        (Op(self, lambda: client.post("/recurring-fees/run", FeeRunsOut, None))
         .success(self._charged)
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(self.tr("Charging the fees that are due…"))
         .run())

    def _charged(self, answer: FeeRunsOut) -> None:
        charges = sum(len(run.occurrences) * run.accounts for run in answer.runs)
        self.say(self.tr("%n charge(s) made.", "", charges) if charges else self.tr("No fee was due."))
        self.listing.refresh()
