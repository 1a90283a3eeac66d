"""Create or change an account: who the customer is, and everything the switch reads of it (tariff, dial plan,
limits, status, expiry); the company's defaults for new accounts; a caller number's fixed destination.

Bodies go to the service as typed (`desktop.pages.forms`): it judges every value (a tariff in another currency, a
dial plan that is gone) and its 422 is shown at the field; a change sends only what the user changed. A support
rep sees the fields support may set (routes/accounts.py) and the service refuses the rest anyway.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal
from typing import Any

from desktop.api_client import ApiClient
from desktop.formatting import decimal_text
from desktop.ops import Op
from desktop.paged_table import PagedTableModel
from desktop.pages.did_dialogs import country_edit, country_value, phone_text
from desktop.pages.forms import FormValueError, JudgedDialog, decimal_value, unchecked
from desktop.pages.lookups import LookupField, named_model
from desktop.qt import QComboBox, QCoreApplication, QLineEdit, QSpinBox, QWidget, Signal
from switch_service.api.schemas import AccountCreate, AccountKind, AccountOut, AniOut, Role, Status
from switch_service.api.schemas.accounts import AccountUpdate, AniUpdate
from switch_service.api.schemas.rates import TariffKind, TariffPage
from switch_service.api.schemas.routing import DialPlanPage
from switch_service.api.schemas.setup import CompanyOut, CompanyUpdate
from switch_service.api.schemas.taxes import TaxProfilePage

MAX_LIMIT = 100_000
ADMIN_FIELDS = frozenset({"status", "tariff_id", "dial_plan_id", "tax_profile_id", "expires_at",
                          "max_concurrent_calls", "cps_limit", "max_anis", "country"})
CHANGE_ONLY_ADMIN = frozenset({"kind", "credit_limit", "overdraft"})  # support may set them on a new account only


def kind_name(kind: str) -> str:
    return {
        AccountKind.PREPAID: QCoreApplication.translate("Accounts", "Prepaid"),
        AccountKind.POSTPAID: QCoreApplication.translate("Accounts", "Postpaid"),
    }.get(AccountKind(kind), kind)


def status_name(status: str) -> str:
    return {
        "active": QCoreApplication.translate("Accounts", "Active"),
        "suspended": QCoreApplication.translate("Accounts", "Suspended"),
        "closed": QCoreApplication.translate("Accounts", "Closed"),
    }.get(status, status)


def sell_tariffs(client: ApiClient, parent: QWidget) -> PagedTableModel[Any]:
    return named_model(parent, QCoreApplication.translate("AccountDialog", "Tariff"), lambda after, limit: client.get(
        "/tariffs", TariffPage, {"kind": TariffKind.SELL.value, "after": after, "limit": limit}),
        lambda tariff: f"{tariff.name} ({tariff.currency})")


def dial_plans(client: ApiClient, parent: QWidget) -> PagedTableModel[Any]:
    return named_model(parent, QCoreApplication.translate("AccountDialog", "Dial plan"),
                       lambda after, limit: client.get("/dial-plans", DialPlanPage, {"after": after, "limit": limit}))


def tax_profiles(client: ApiClient, parent: QWidget) -> PagedTableModel[Any]:
    return named_model(parent, QCoreApplication.translate("AccountDialog", "Tax profile"),
                       lambda after, limit: client.get("/tax-profiles", TaxProfilePage,
                                                       {"after": after, "limit": limit}))


def _limit_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_LIMIT)
    box.setSpecialValueText(QCoreApplication.translate("AccountDialog", "no limit"))
    box.setValue(value)
    return box


def _money_edit(value: Decimal | None, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit("" if value is None else decimal_text(value))
    edit.setMaxLength(24)
    edit.setPlaceholderText(placeholder)
    return edit


def _placeholder(box: QComboBox, text: str) -> None:
    """What an empty editable combo box shows."""
    edit = box.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def expiry_text(moment: dt.datetime | None) -> str:
    """An expiry as the dialog shows it: UTC, to the minute."""
    return "" if moment is None else moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M")


def parse_expiry(text: str) -> dt.datetime | None:
    """'2027-01-31' (midnight) or '2027-01-31 18:00', in UTC; empty: never."""
    text = text.strip()
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise FormValueError("expires_at", QCoreApplication.translate(
            "AccountDialog", "{text} is not a date; write it like 2027-01-31 or 2027-01-31 18:00").format(
            text=text)) from None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


class AccountDialog(JudgedDialog):
    """A new account when `account` is None (the company's default tariff and dial plan chosen to begin with),
    else a change of it (a PATCH of the fields changed)."""

    saved = Signal(object)  # AccountOut

    def __init__(self, parent: QWidget, client: ApiClient, role: Role, account: AccountOut | None = None) -> None:
        super().__init__(parent, self.tr("New account") if account is None else
                         self.tr("Account {number}").format(number=account.number),
                         self.tr("Create") if account is None else self.tr("Save"))
        self._client = client
        self._account = account
        self._admin = role is Role.ADMIN
        self.setMinimumWidth(520)
        self._make_fields(account)
        self._rows()
        if self._admin:
            self._choices(client, account)
        (self.number_edit if account is None else self.name_edit).setFocus()

    def _make_fields(self, account: AccountOut | None) -> None:
        self.number_edit = QLineEdit(account.number if account else "")
        self.number_edit.setMaxLength(32)
        self.name_edit = QLineEdit(account.name if account else "")
        self.name_edit.setMaxLength(120)
        self.kind_combo = QComboBox()
        for kind in AccountKind:
            self.kind_combo.addItem(kind_name(kind), kind.value)
        self.status_combo = QComboBox()
        for status in Status:
            self.status_combo.addItem(status_name(status), status.value)
        self.status_combo.setToolTip(self.tr("Suspended: no new calls and no payments, calls in progress go on. "
                                             "Closed: no new calls, calls in progress are hung up, only refunds."))
        self.currency_edit = QLineEdit(account.currency if account else "")
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setPlaceholderText(self.tr("company currency"))
        self.currency_edit.setEnabled(account is None)  # fixed once the account exists
        self.tariff_field = LookupField(self.tr("No tariff: its calls are refused"), clearable=True)
        self.plan_field = LookupField(self.tr("No dial plan: its calls are refused"), clearable=True)
        self.tax_field = LookupField(self.tr("No taxes"), clearable=True)
        self.credit_limit_edit = _money_edit(account.credit_limit if account else Decimal(0))
        self.overdraft_edit = _money_edit(account.overdraft if account else Decimal(0))
        self.low_balance_edit = _money_edit(account.low_balance_threshold if account else None,
                                            self.tr("no warning"))
        self.email_edit = QLineEdit((account.email or "") if account else "")
        self.email_edit.setMaxLength(200)
        self.language_edit = QLineEdit(account.language if account else "en")
        self.language_edit.setMaxLength(8)
        self.country_edit = country_edit(account.country if account else None,
                                         self.tr("its caller numbers and destinations"))
        self.time_zone_box = QComboBox()
        self.time_zone_box.setEditable(True)
        self.time_zone_box.addItems(sorted(zoneinfo.available_timezones()))
        self.time_zone_box.setCurrentText(account.time_zone if account else "")
        _placeholder(self.time_zone_box, self.tr("company time zone"))
        self.expires_edit = QLineEdit(expiry_text(account.expires_at) if account else "")
        self.expires_edit.setPlaceholderText(self.tr("never (or 2027-01-31, in UTC)"))
        self.max_calls_box = _limit_box(account.max_concurrent_calls if account else 0)
        self.cps_box = _limit_box(account.cps_limit if account else 0)
        self.max_anis_box = _limit_box(account.max_anis if account else 0)
        if account is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(account.kind.value))
            self.status_combo.setCurrentIndex(self.status_combo.findData(account.status.value))

    def _choices(self, client: ApiClient, account: AccountOut | None) -> None:
        """The lists an admin chooses from; the account's choices, or for a new one the company's defaults."""
        self.tariff_field.set_model(sell_tariffs(client, self), 0)
        self.plan_field.set_model(dial_plans(client, self), 0)
        self.tax_field.set_model(tax_profiles(client, self), 0)
        if account is not None:
            self.tariff_field.select_id(account.tariff_id)
            self.plan_field.select_id(account.dial_plan_id)
            self.tax_field.select_id(account.tax_profile_id)
        else:
            Op(self, lambda: client.get("/company", CompanyOut)).success(self._defaults).busy(None).run()

    def _rows(self) -> None:
        new = self._account is None
        rows: list[tuple[str, str, QWidget, bool]] = [
            (self.tr("Number"), "number", self.number_edit, True),
            (self.tr("Name"), "name", self.name_edit, True),
            (self.tr("Type"), "kind", self.kind_combo, self._admin or new),
            (self.tr("Status"), "status", self.status_combo, self._admin),
            (self.tr("Currency"), "currency", self.currency_edit, True),
            (self.tr("Tariff"), "tariff_id", self.tariff_field, self._admin),
            (self.tr("Dial plan"), "dial_plan_id", self.plan_field, self._admin),
            (self.tr("Taxes"), "tax_profile_id", self.tax_field, self._admin),
            (self.tr("Credit limit (postpaid)"), "credit_limit", self.credit_limit_edit, self._admin or new),
            (self.tr("Overdraft (prepaid)"), "overdraft", self.overdraft_edit, self._admin or new),
            (self.tr("Warn below"), "low_balance_threshold", self.low_balance_edit, True),
            (self.tr("Calls at once"), "max_concurrent_calls", self.max_calls_box, self._admin),
            (self.tr("New calls per second"), "cps_limit", self.cps_box, self._admin),
            (self.tr("Caller numbers (ANIs)"), "max_anis", self.max_anis_box, self._admin),
            (self.tr("Expires (UTC)"), "expires_at", self.expires_edit, self._admin),
            (self.tr("E-mail"), "email", self.email_edit, True),
            (self.tr("Language"), "language", self.language_edit, True),
            (self.tr("Country"), "country", self.country_edit, self._admin),
            (self.tr("Time zone"), "time_zone", self.time_zone_box, True),
        ]
        for label, field, widget, shown in rows:
            if shown:
                self.row(label, field, widget)
            else:
                widget.hide()

    def _defaults(self, company: CompanyOut) -> None:
        """A new account begins with the company's defaults (a choice made meanwhile is kept)."""
        if self.tariff_field.current_id() is None:
            self.tariff_field.select_id(company.default_tariff_id)
        if self.plan_field.current_id() is None:
            self.plan_field.select_id(company.default_dial_plan_id)
        self.currency_edit.setPlaceholderText(company.currency)
        _placeholder(self.time_zone_box, company.time_zone)

    def _values(self) -> dict[str, Any]:
        """Every field shown, as typed (FormValueError for text that is not even of the field's type)."""
        values: dict[str, Any] = {
            "number": self.number_edit.text().strip(),
            "name": self.name_edit.text().strip(),
            "kind": AccountKind(self.kind_combo.currentData()),
            "status": Status(self.status_combo.currentData()),
            "tariff_id": self.tariff_field.current_id(),
            "dial_plan_id": self.plan_field.current_id(),
            "tax_profile_id": self.tax_field.current_id(),
            "credit_limit": decimal_value("credit_limit", self.credit_limit_edit) or Decimal(0),
            "overdraft": decimal_value("overdraft", self.overdraft_edit) or Decimal(0),
            "low_balance_threshold": decimal_value("low_balance_threshold", self.low_balance_edit),
            "max_concurrent_calls": self.max_calls_box.value(),
            "cps_limit": self.cps_box.value(),
            "max_anis": self.max_anis_box.value(),
            "expires_at": parse_expiry(self.expires_edit.text()),
            "email": self.email_edit.text().strip() or None,
            "language": self.language_edit.text().strip(),
            "country": country_value(self.country_edit),
            "time_zone": self.time_zone_box.currentText().strip() or None,
        }
        new = self._account is None
        hidden = set() if self._admin else ADMIN_FIELDS | (set() if new else CHANGE_ONLY_ADMIN)
        return {name: value for name, value in values.items() if name not in hidden}

    def submit(self) -> None:
        values = self.values_or_say(self._values)
        if values is None:
            return
        client, account = self._client, self._account
        if account is None:
            currency = self.currency_edit.text().strip()
            body = unchecked(AccountCreate, **values, **({"currency": currency} if currency else {}))
            self.send(lambda: client.post("/accounts", AccountOut, body), self._saved, self.tr("Creating the account…"))
            return
        changes = {name: value for name, value in values.items() if value != getattr(account, name)}
        if not changes:
            self.accept()
            return
        change = unchecked(AccountUpdate, **changes)
        self.send(lambda: client.patch(f"/accounts/{account.id}", AccountOut, change), self._saved,
                  self.tr("Saving the account…"))

    def _saved(self, account: AccountOut) -> None:
        self.saved.emit(account)
        self.accept()


class CompanyDefaultsDialog(JudgedDialog):
    """The tariff and dial plan a new account takes when nothing else is chosen (PATCH /company)."""

    saved = Signal(object)  # CompanyOut

    def __init__(self, parent: QWidget, client: ApiClient) -> None:
        super().__init__(parent, self.tr("Defaults for new accounts"), self.tr("Save"))
        self._client = client
        self._company: CompanyOut | None = None
        self.tariff_field = LookupField(self.tr("None: new accounts get no tariff"), clearable=True)
        self.tariff_field.set_model(sell_tariffs(client, self), 0)
        self.plan_field = LookupField(self.tr("None: new accounts get no dial plan"), clearable=True)
        self.plan_field.set_model(dial_plans(client, self), 0)
        self.row(self.tr("Tariff (in the company currency)"), "default_tariff_id", self.tariff_field)
        self.row(self.tr("Dial plan"), "default_dial_plan_id", self.plan_field)
        self.tariff_field.combo.setFocus()
        Op(self, lambda: client.get("/company", CompanyOut)).success(self._loaded).failure(self._not_loaded) \
            .busy(None).run()

    @property
    def loaded(self) -> bool:
        """The current defaults are shown (Save compares with them)."""
        return self._company is not None

    def _loaded(self, company: CompanyOut) -> None:
        self._company = company
        for field, chosen in ((self.tariff_field, company.default_tariff_id),
                              (self.plan_field, company.default_dial_plan_id)):
            if field.current_id() is None:  # a choice made meanwhile is kept
                field.select_id(chosen)

    def _not_loaded(self, error: Exception) -> None:
        self.show_error(str(error))

    def submit(self) -> None:
        company, client = self._company, self._client
        if company is None:
            self.show_error(self.tr("The current defaults are still loading; try again in a moment."))
            return
        chosen = {"default_tariff_id": self.tariff_field.current_id(),
                  "default_dial_plan_id": self.plan_field.current_id()}
        changes = {name: value for name, value in chosen.items() if value != getattr(company, name)}
        if not changes:
            self.accept()
            return
        body = unchecked(CompanyUpdate, **changes)
        self.send(lambda: client.patch("/company", CompanyOut, body), self._saved, self.tr("Saving the defaults…"))

    def _saved(self, company: CompanyOut) -> None:
        self.saved.emit(company)
        self.accept()


class AniDestinationDialog(JudgedDialog):
    """The number a call from this caller number goes to at once on an access number (PIN-less); empty: none."""

    saved = Signal(object)  # AniOut

    def __init__(self, parent: QWidget, client: ApiClient, ani: AniOut) -> None:
        super().__init__(parent, self.tr("Fixed destination of {number}").format(number=phone_text(ani.number)),
                         self.tr("Save"))
        self._client = client
        self._ani = ani
        self.destination_edit = QLineEdit(phone_text(ani.destination))
        self.destination_edit.setMaxLength(40)
        self.destination_edit.setPlaceholderText(self.tr("none: the caller is asked (IVR)"))
        self.row(self.tr("Destination"), "destination", self.destination_edit)
        self.destination_edit.setFocus()

    def submit(self) -> None:
        client, ani = self._client, self._ani
        body = unchecked(AniUpdate, destination=self.destination_edit.text().strip() or None)
        self.send(lambda: client.patch(f"/anis/{ani.id}", AniOut, body), self._saved,
                  self.tr("Saving the destination…"))

    def _saved(self, ani: AniOut) -> None:
        self.saved.emit(ani)
        self.accept()
