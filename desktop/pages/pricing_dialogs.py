"""Add or change a tariff, a rate, a tax profile or a package (routes/tariffs.py, rates.py, taxes.py,
packages.py; admin only).

The fields are declared as data (`desktop.pages.forms.Field`); a new record sends what was filled in (the
service's defaults for the rest), a change sends only what the user changed (PATCH). The service judges the values:
its 422 is shown under the field it names, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.api_client import ApiClient
from desktop.formatting import decimal_text
from desktop.ops import Op
from desktop.pages.account_refs import id_text
from desktop.pages.forms import Field, FieldForm, JudgedDialog, Kind, parse_amount, typed, unchecked
from desktop.qt import (
    QAbstractItemView,
    QCoreApplication,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    Signal,
)
from switch_service.api.schemas import MAX_PAGE_SIZE
from switch_service.api.schemas.packages import PackageCreate, PackageOut, PackageUpdate, Period
from switch_service.api.schemas.rates import (
    BandSchedulePage,
    DisconnectFeeRule,
    RateCreate,
    RateOut,
    RatePatch,
    TariffCreate,
    TariffKind,
    TariffOut,
    TariffUpdate,
)
from switch_service.api.schemas.taxes import TaxIn, TaxProfileCreate, TaxProfileOut, TaxProfileUpdate

NO_SCHEDULE = 0  # the band-schedule choice "one price at all hours" (combo data cannot well be None)


def tariff_kind_name(kind: str) -> str:
    return {
        TariffKind.SELL: QCoreApplication.translate("Pricing", "Sell"),
        TariffKind.BUY: QCoreApplication.translate("Pricing", "Buy"),
    }.get(TariffKind(kind), kind)


def period_name(period: str) -> str:
    return {
        Period.DAILY: QCoreApplication.translate("Pricing", "Daily"),
        Period.WEEKLY: QCoreApplication.translate("Pricing", "Weekly"),
        Period.MONTHLY: QCoreApplication.translate("Pricing", "Monthly"),
    }.get(Period(period), period)


class RecordDialog(JudgedDialog):
    """A JudgedDialog that creates (POST `path`) or changes (PATCH `path/{id}`) one record; `saved` carries the
    service's answer."""

    saved = Signal(object)

    def __init__(self, parent: QWidget, client: ApiClient, path: str, record_id: int | None, title: str) -> None:
        # translate() with this class's name: self.tr would look the text up under the subclass's name
        super().__init__(parent, title, QCoreApplication.translate("RecordDialog", "Add") if record_id is None
                         else QCoreApplication.translate("RecordDialog", "Save"))
        self._client = client
        self._path = path
        self._record_id = record_id

    @property
    def creating(self) -> bool:
        return self._record_id is None

    def save(self, make_new: Callable[[], Any], make_change: Callable[[], Any], answer: type[Any]) -> None:
        """Build the body from the typed values (showing at its field what is not of the field's type), then POST or
        PATCH it: the service judges it."""
        client, path, record_id = self._client, self._path, self._record_id
        if record_id is None:
            body = self.values_or_say(make_new)
            if body is not None:
                self.send(lambda: client.post(path, answer, body), self._saved,
                          QCoreApplication.translate("RecordDialog", "Adding…"))
            return
        change = self.values_or_say(make_change)
        if change is not None:
            self.send(lambda: client.patch(f"{path}/{record_id}", answer, change), self._saved,
                      QCoreApplication.translate("RecordDialog", "Saving…"))

    def _saved(self, record: Any) -> None:
        self.saved.emit(record)
        self.accept()


# --- tariffs -------------------------------------------------------------------------------------


class TariffDialog(RecordDialog):
    def __init__(self, parent: QWidget, client: ApiClient, tariff: TariffOut | None = None) -> None:
        title = self.tr("New tariff") if tariff is None else self.tr("Tariff {name}").format(name=tariff.name)
        super().__init__(parent, client, "/tariffs", tariff.id if tariff else None, title)
        self.fields = FieldForm(self.declared_fields(), self.errors)
        self.form.addRow(self.fields)
        self.fields.set_choices("kind", [(tariff_kind_name(kind), kind) for kind in TariffKind])
        current = tariff.band_schedule_id if tariff else None
        self._schedules = [(self.tr("None: one price at all hours"), NO_SCHEDULE)]
        self.fields.set_choices("band_schedule_id",
                                self._schedules + ([(id_text(current), current)] if current else []))
        if tariff is not None:
            self.fields.set_values({"name": tariff.name, "kind": tariff.kind, "currency": tariff.currency,
                                    "band_schedule_id": current or NO_SCHEDULE})
        self._current_schedule = current
        (Op(self, lambda: client.get("/band-schedules", BandSchedulePage, {"limit": MAX_PAGE_SIZE}))
         .success(self._schedules_loaded)
         .failure(lambda _error: None)  # the schedule then stays as it is, shown by its id
         .busy(None)
         .run())

    def declared_fields(self) -> list[Field]:
        return [
            Field("name", self.tr("Name")),
            Field("kind", self.tr("Kind"), Kind.CHOICE,
                  help=self.tr("Sell: what customers pay. Buy: what a carrier charges us.")),
            Field("currency", self.tr("Currency"), max_length=3, placeholder=self.tr("company currency")),
            Field("band_schedule_id", self.tr("Band schedule"), Kind.CHOICE,
                  help=self.tr("The peak, off-peak, weekend and holiday hours of the rates' band prices")),
        ]

    def _schedules_loaded(self, page: BandSchedulePage) -> None:
        choices = self._schedules + [(schedule.name, schedule.id) for schedule in page.items]
        current = self._current_schedule
        if current is not None and all(data != current for _label, data in choices):
            choices.append((id_text(current), current))
        self.fields.set_choices("band_schedule_id", choices)

    def submit(self) -> None:
        def values(raw: dict[str, Any]) -> dict[str, Any]:
            if "band_schedule_id" in raw:
                raw["band_schedule_id"] = raw["band_schedule_id"] or None
            return raw

        self.save(lambda: unchecked(TariffCreate, **values(self.fields.given())),
                  lambda: unchecked(TariffUpdate, **values(self.fields.changes())), TariffOut)


# --- rates ---------------------------------------------------------------------------------------


class RateDialog(RecordDialog):
    def __init__(self, parent: QWidget, client: ApiClient, tariff: TariffOut, rate: RateOut | None = None) -> None:
        title = (self.tr("New rate in {tariff}").format(tariff=tariff.name) if rate is None
                 else self.tr("Rate {prefix} in {tariff}").format(prefix=rate.prefix, tariff=tariff.name))
        super().__init__(parent, client, f"/tariffs/{tariff.id}/rates", rate.id if rate else None, title)
        self.setMinimumWidth(900)
        self.fields = FieldForm(self.declared_fields(), self.errors)
        self.fields.set_choices("disconnect_fee_rule", [
            (self.tr("to calls shorter than the threshold"), DisconnectFeeRule.BELOW_THRESHOLD),
            (self.tr("to calls of at least the threshold"), DisconnectFeeRule.FROM_THRESHOLD)])
        self.form.addRow(self.fields)
        if rate is not None:
            self.fields.set_values(rate)

    def declared_fields(self) -> list[Field]:
        rate, fees, steps = self.tr("Rate"), self.tr("Fees and rounding"), self.tr("Steps and bands")
        seconds, zero, none = "60", "0", self.tr("none")
        return [
            Field("prefix", self.tr("Prefix"), help=self.tr("E.164 digits the numbers start with"), max_length=24,
                  section=rate),
            Field("destination", self.tr("Destination"), section=rate),
            Field("price_per_minute", self.tr("Price per minute"), Kind.MONEY, section=rate),
            Field("initial_block_s", self.tr("First block (s)"), Kind.WHOLE, placeholder=seconds, section=rate),
            Field("increment_s", self.tr("Increment (s)"), Kind.WHOLE, placeholder=seconds, section=rate),
            Field("valid_from", self.tr("Valid from (UTC)"), Kind.UTC_TIME, placeholder=self.tr("now"),
                  section=rate),
            Field("valid_until", self.tr("Valid until (UTC)"), Kind.UTC_TIME, placeholder=self.tr("open-ended"),
                  section=rate),
            Field("connect_fee", self.tr("Connect fee"), Kind.MONEY, placeholder=zero, section=fees),
            Field("disconnect_fee", self.tr("Disconnect fee"), Kind.MONEY, placeholder=zero, section=fees),
            Field("disconnect_threshold_s", self.tr("Disconnect fee threshold (s)"), Kind.WHOLE, placeholder=zero,
                  help=self.tr("0: the disconnect fee always applies; else the rule below says which calls pay it"),
                  section=fees),
            Field("disconnect_fee_rule", self.tr("Disconnect fee applies"), Kind.CHOICE,
                  help=self.tr("Shorter than the threshold: discourages short calls. At least the threshold "
                               "(A2Billing's rule): short, failed-looking calls are spared the fee."),
                  section=fees),
            Field("disconnect_fee_percent", self.tr("Disconnect fee (%)"), Kind.MONEY, placeholder=zero,
                  section=fees),
            Field("min_duration_s", self.tr("Minimum duration (s)"), Kind.WHOLE, placeholder=zero, section=fees),
            Field("min_cost", self.tr("Minimum cost"), Kind.MONEY, placeholder=zero, section=fees),
            Field("grace_s", self.tr("Grace time (s)"), Kind.WHOLE, placeholder=zero, section=fees),
            Field("shrink_percent", self.tr("Minute shrinking (%)"), Kind.MONEY, placeholder=zero, section=fees),
            *[field for number in (1, 2, 3) for field in (
                Field(f"step{number}_after_s", self.tr("Step {n} after (s)").format(n=number), Kind.WHOLE,
                      placeholder=none, section=steps),
                Field(f"step{number}_price", self.tr("Step {n} price").format(n=number), Kind.MONEY,
                      placeholder=none, section=steps))],
            Field("offpeak_price", self.tr("Off-peak price"), Kind.MONEY, placeholder=none, section=steps),
            Field("weekend_price", self.tr("Weekend price"), Kind.MONEY, placeholder=none, section=steps),
            Field("holiday_price", self.tr("Holiday price"), Kind.MONEY, placeholder=none, section=steps),
        ]

    def submit(self) -> None:
        self.save(lambda: unchecked(RateCreate, **self.fields.given()),
                  lambda: unchecked(RatePatch, **self.fields.changes()), RateOut)


# --- tax profiles --------------------------------------------------------------------------------

COL_TAX_NAME, COL_TAX_PERCENT, COL_TAX_INCLUSIVE = range(3)


class TaxProfileDialog(RecordDialog):
    """A profile's name and its taxes, edited as one list (the service replaces them all at once)."""

    def __init__(self, parent: QWidget, client: ApiClient, profile: TaxProfileOut | None = None) -> None:
        title = (self.tr("New tax profile") if profile is None
                 else self.tr("Tax profile {name}").format(name=profile.name))
        super().__init__(parent, client, "/tax-profiles", profile.id if profile else None, title)
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit(profile.name if profile else "")
        self.name_edit.setMaxLength(120)
        self.taxes_table = QTableWidget(0, 3)
        self.taxes_table.setHorizontalHeaderLabels([self.tr("Tax"), self.tr("Percent"), self.tr("In the price")])
        self.taxes_table.verticalHeader().hide()
        self.taxes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.taxes_table.horizontalHeader().setSectionResizeMode(COL_TAX_NAME, QHeaderView.ResizeMode.Stretch)
        self.taxes_table.setToolTip(self.tr("Ticked: the tax is already in the price. Unticked: added on top."))
        self.add_tax_button = QPushButton(self.tr("Add tax"))
        self.add_tax_button.clicked.connect(self.add_tax_row)
        self.remove_tax_button = QPushButton(self.tr("Remove tax"))
        self.remove_tax_button.clicked.connect(self._remove_tax_row)
        row = QHBoxLayout()
        row.addWidget(self.add_tax_button)
        row.addWidget(self.remove_tax_button)
        row.addStretch(1)
        self.row(self.tr("Name"), "name", self.name_edit)
        self.form.addRow(self.errors.under("taxes", self.taxes_table))
        self.form.addRow(row)
        for tax in profile.taxes if profile else ():
            self.add_tax_row(tax.name, decimal_text(tax.percent), tax.inclusive)
        if profile is None:
            self.add_tax_row()
        self._original = (profile.name, self._tax_rows()) if profile else None

    def add_tax_row(self, name: str = "", percent: str = "", inclusive: bool = False) -> int:
        row = self.taxes_table.rowCount()
        self.taxes_table.insertRow(row)
        self.taxes_table.setItem(row, COL_TAX_NAME, QTableWidgetItem(name))
        self.taxes_table.setItem(row, COL_TAX_PERCENT, QTableWidgetItem(percent))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        check.setCheckState(Qt.CheckState.Checked if inclusive else Qt.CheckState.Unchecked)
        self.taxes_table.setItem(row, COL_TAX_INCLUSIVE, check)
        return row

    def _remove_tax_row(self) -> None:
        rows = sorted({index.row() for index in self.taxes_table.selectedIndexes()}, reverse=True)
        for row in rows or [self.taxes_table.rowCount() - 1]:
            if row >= 0:
                self.taxes_table.removeRow(row)

    def _tax_rows(self) -> list[tuple[str, str, bool]]:
        rows = []
        for row in range(self.taxes_table.rowCount()):
            name, percent, check = (self.taxes_table.item(row, column) for column in range(3))
            rows.append(((name.text() if name else "").strip(), (percent.text() if percent else "").strip(),
                         check is not None and check.checkState() == Qt.CheckState.Checked))
        return [row for row in rows if row[0] or row[1]]

    def _taxes(self) -> list[TaxIn]:
        """The rows as typed (FormValueError at the list for a percent that is not a number)."""
        return [unchecked(TaxIn, name=name, inclusive=inclusive,
                          percent=typed(f"taxes.{index}.percent", parse_amount, percent))
                for index, (name, percent, inclusive) in enumerate(self._tax_rows())]

    def _change(self) -> TaxProfileUpdate:
        values: dict[str, Any] = {}
        original_name, original_taxes = self._original or ("", [])
        if self.name_edit.text().strip() != original_name:
            values["name"] = self.name_edit.text()
        if self._tax_rows() != original_taxes:
            values["taxes"] = self._taxes()
        return unchecked(TaxProfileUpdate, **values)

    def submit(self) -> None:
        self.save(lambda: unchecked(TaxProfileCreate, name=self.name_edit.text(), taxes=self._taxes()), self._change,
                  TaxProfileOut)


# --- packages ------------------------------------------------------------------------------------


class PackageDialog(RecordDialog):
    def __init__(self, parent: QWidget, client: ApiClient, package: PackageOut | None = None) -> None:
        title = self.tr("New package") if package is None else self.tr("Package {name}").format(name=package.name)
        super().__init__(parent, client, "/packages", package.id if package else None, title)
        self.fields = FieldForm(self.declared_fields(), self.errors)
        self.form.addRow(self.fields)
        self.fields.set_choices("period", [(period_name(period), period) for period in Period])
        if package is None:
            self.fields.set_values({"period": Period.MONTHLY})
        else:
            self.fields.set_values(package)

    def declared_fields(self) -> list[Field]:
        return [
            Field("name", self.tr("Name")),
            Field("period", self.tr("Period"), Kind.CHOICE),
            Field("free_seconds", self.tr("Free minutes per period"), Kind.MINUTES),
            Field("prefixes", self.tr("Prefixes"), Kind.PREFIXES, max_length=100_000,
                  help=self.tr("The destinations the free seconds are for: E.164 digits the numbers start with, "
                               "separated by commas or spaces"),
                  placeholder=self.tr("e.g. 44, 33, 4930")),
            Field("fee", self.tr("Fee per period"), Kind.MONEY, placeholder="0"),
        ]

    def submit(self) -> None:
        self.save(lambda: unchecked(PackageCreate, **self.fields.given()),
                  lambda: unchecked(PackageUpdate, **self.fields.changes()), PackageOut)
