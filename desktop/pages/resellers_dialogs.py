"""Dialogs of the Resellers page: a sub-reseller, a reseller's taxes, a commission rule and a white-label sell
tariff (admins).
Bodies go to the service unchecked (`desktop.pages.forms`): its 422 is shown at the field it names."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from desktop.api_client import ApiClient
from desktop.pages.account_edit import tax_profiles
from desktop.pages.forms import FormValueError, JudgedDialog, decimal_value, parse_amount, unchecked
from desktop.pages.lookups import LookupField
from desktop.qt import QCheckBox, QComboBox, QCoreApplication, QLabel, QLineEdit, QWidget, Signal
from switch_service.api.schemas.rates import PrefixMarkup, SellTariffMarkupIn, TariffDetail
from switch_service.api.schemas.resellers import (
    CommissionBasis,
    CommissionRuleCreate,
    CommissionRuleOut,
    CommissionRuleUpdate,
    ResellerCreate,
    ResellerKind,
    ResellerOut,
    ResellerUpdate,
)


def kind_name(kind: ResellerKind) -> str:
    return {
        ResellerKind.USAGE_BASED: QCoreApplication.translate("Resellers", "Usage based"),
        ResellerKind.PAYMENT_BASED: QCoreApplication.translate("Resellers", "Payment based"),
        ResellerKind.WHITE_LABEL: QCoreApplication.translate("Resellers", "White label"),
        ResellerKind.PINLESS: QCoreApplication.translate("Resellers", "PIN-less"),
    }[kind]


def basis_name(basis: CommissionBasis) -> str:
    return {
        CommissionBasis.SALES_PERCENT: QCoreApplication.translate("Resellers", "Percent of sales"),
        CommissionBasis.MARGIN_PERCENT: QCoreApplication.translate("Resellers", "Percent of margin"),
        CommissionBasis.PER_MINUTE: QCoreApplication.translate("Resellers", "Amount per minute"),
    }[basis]


def _tax_field(dialog: QWidget, client: ApiClient) -> LookupField:
    field = LookupField(QCoreApplication.translate("Resellers", "No taxes on its statement"), clearable=True)
    field.set_model(tax_profiles(client, dialog), 0)
    return field


class NewResellerDialog(JudgedDialog):
    """A reseller under `parent` (None: a top-level one, admins only). The tariff and the dial plan are the
    admin's to assign later; a reseller user may not set them, nor its taxes (`admin` shows that row)."""

    created = Signal(object)  # ResellerOut

    def __init__(self, parent: QWidget, client: ApiClient, under: ResellerOut | None, *, admin: bool = False) -> None:
        super().__init__(parent, self.tr("New sub-reseller") if under is not None else self.tr("New reseller"),
                         self.tr("Create"))
        self._client = client
        self._under = under
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.kind_combo = QComboBox()
        for kind in ResellerKind:
            self.kind_combo.addItem(kind_name(kind), kind.value)
        self.credit_limit_edit = QLineEdit("0")
        self.currency_edit = QLineEdit()
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setPlaceholderText(self.tr("company currency"))
        self.email_edit = QLineEdit()
        self.brand_edit = QLineEdit()
        self.brand_edit.setPlaceholderText(self.tr("shown to its customers (white label)"))
        self.form.addRow(self.tr("Under"), QLabel(under.name if under is not None else self.tr("(top level)")))
        self.row(self.tr("Name"), "name", self.name_edit)
        self.row(self.tr("Kind"), "kind", self.kind_combo)
        self.row(self.tr("Credit limit"), "credit_limit", self.credit_limit_edit)
        self.row(self.tr("Currency"), "currency", self.currency_edit)
        self.row(self.tr("E-mail"), "email", self.email_edit)
        self.row(self.tr("Brand name"), "brand_name", self.brand_edit)
        self.tax_field = _tax_field(self, client) if admin else None
        if self.tax_field is not None:
            self.row(self.tr("Taxes"), "tax_profile_id", self.tax_field)

    def _values(self) -> dict[str, Any]:
        values = {
            "name": self.name_edit.text().strip(),
            "parent_id": self._under.id if self._under is not None else None,
            "kind": ResellerKind(self.kind_combo.currentData()),
            "credit_limit": decimal_value("credit_limit", self.credit_limit_edit),
            "currency": self.currency_edit.text().strip().upper() or None,
            "email": self.email_edit.text().strip() or None,
            "brand_name": self.brand_edit.text().strip() or None,
            "tax_profile_id": self.tax_field.current_id() if self.tax_field is not None else None,
        }
        return {name: value for name, value in values.items() if value is not None}

    def submit(self) -> None:
        values = self.values_or_say(self._values)
        if values is None:
            return
        client, body = self._client, unchecked(ResellerCreate, **values)
        self.errors.clear()
        self.send(lambda: client.post("/resellers", ResellerOut, body), self._done, self.tr("Creating the reseller…"))

    def _done(self, reseller: ResellerOut) -> None:
        self.created.emit(reseller)
        self.accept()


class ResellerTaxesDialog(JudgedDialog):
    """The taxes a reseller's statement prints (admins): its customers' usage split under the chosen profile."""

    saved = Signal(object)  # ResellerOut

    def __init__(self, parent: QWidget, client: ApiClient, reseller: ResellerOut) -> None:
        super().__init__(parent, self.tr("Taxes of {name}").format(name=reseller.name), self.tr("Save"))
        self._client = client
        self._path = f"/resellers/{reseller.id}"
        self.tax_field = _tax_field(self, client)
        self.tax_field.select_id(reseller.tax_profile_id)
        self.row(self.tr("Taxes"), "tax_profile_id", self.tax_field)

    def submit(self) -> None:
        client, path = self._client, self._path
        body = unchecked(ResellerUpdate, tax_profile_id=self.tax_field.current_id())
        self.errors.clear()
        self.send(lambda: client.patch(path, ResellerOut, body), self._done, self.tr("Saving the taxes…"))

    def _done(self, reseller: ResellerOut) -> None:
        self.saved.emit(reseller)
        self.accept()


class CommissionRuleDialog(JudgedDialog):
    """A percentage basis takes a percent, per minute an amount: the other box is disabled and sent empty."""

    saved = Signal(object)  # CommissionRuleOut

    def __init__(self, parent: QWidget, client: ApiClient, reseller: ResellerOut,
                 rule: CommissionRuleOut | None = None) -> None:
        super().__init__(parent, self.tr("Commission rule of {name}").format(name=reseller.name),
                         self.tr("Create") if rule is None else self.tr("Save"))
        self._client = client
        self._path = f"/resellers/{reseller.id}/commission-rules"
        self._rule = rule
        self.basis_combo = QComboBox()
        for basis in CommissionBasis:
            self.basis_combo.addItem(basis_name(basis), basis.value)
        self.basis_combo.currentIndexChanged.connect(self._basis_changed)
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setPlaceholderText(self.tr("digits; empty = every number"))
        self.percent_edit = QLineEdit()
        self.amount_edit = QLineEdit()
        self.row(self.tr("Basis"), "basis", self.basis_combo)
        self.row(self.tr("Prefix"), "prefix", self.prefix_edit)
        self.row(self.tr("Percent"), "percent", self.percent_edit)
        self.row(self.tr("Amount per minute"), "amount", self.amount_edit)
        if rule is not None:
            self.basis_combo.setCurrentIndex(self.basis_combo.findData(rule.basis.value))
            self.prefix_edit.setText(rule.prefix)
            self.percent_edit.setText("" if rule.percent is None else f"{rule.percent.normalize():f}")
            self.amount_edit.setText("" if rule.amount is None else f"{rule.amount.normalize():f}")
        self._basis_changed()

    def _basis(self) -> CommissionBasis:
        return CommissionBasis(self.basis_combo.currentData())

    def _basis_changed(self) -> None:
        per_minute = self._basis() is CommissionBasis.PER_MINUTE
        self.percent_edit.setEnabled(not per_minute)
        self.amount_edit.setEnabled(per_minute)

    def _values(self) -> dict[str, Any]:
        per_minute = self._basis() is CommissionBasis.PER_MINUTE
        return {
            "basis": self._basis(),
            "prefix": self.prefix_edit.text().strip(),
            "percent": None if per_minute else decimal_value("percent", self.percent_edit),
            "amount": decimal_value("amount", self.amount_edit) if per_minute else None,
        }

    def submit(self) -> None:
        values = self.values_or_say(self._values)
        if values is None:
            return
        client, path, rule = self._client, self._path, self._rule
        self.errors.clear()
        busy = self.tr("Saving the commission rule…")
        if rule is None:
            body = unchecked(CommissionRuleCreate, **values)
            self.send(lambda: client.post(path, CommissionRuleOut, body), self._done, busy)
        else:
            change = unchecked(CommissionRuleUpdate, **{k: v for k, v in values.items() if getattr(rule, k) != v})
            self.send(lambda: client.patch(f"{path}/{rule.id}", CommissionRuleOut, change), self._done, busy)

    def _done(self, rule: CommissionRuleOut) -> None:
        self.saved.emit(rule)
        self.accept()


class SellTariffDialog(JudgedDialog):
    """A white-label reseller's own sell tariff, made (or made again, after its buy tariff changed) from its buy
    tariff by a markup for the whole tariff and per prefix ("44=35; 4420=10": the longest prefix wins)."""

    saved = Signal(object)  # TariffDetail

    def __init__(self, parent: QWidget, client: ApiClient, reseller: ResellerOut) -> None:
        super().__init__(parent, self.tr("Sell tariff of {name}").format(name=reseller.name), self.tr("Save"))
        self._client = client
        self._path = f"/resellers/{reseller.id}/sell-tariff"
        self.markup_edit = QLineEdit("0")
        self.prefixes_edit = QLineEdit()
        self.prefixes_edit.setPlaceholderText(self.tr("prefix=percent, e.g. 44=35; 4420=10"))
        self.below_cost_check = QCheckBox(self.tr("Allow selling below cost (a negative markup)"))
        self.row(self.tr("Markup %"), "markup_percent", self.markup_edit)
        self.row(self.tr("Markup per prefix"), "prefix_markups", self.prefixes_edit)
        self.row("", "allow_below_cost", self.below_cost_check)

    def _prefix_markups(self) -> list[PrefixMarkup]:
        """"44=35; 4420=2,5" (separated by semicolons or spaces: a comma may be a decimal comma)."""
        entries = []
        for part in re.split(r"[;\s]+", self.prefixes_edit.text().strip()):
            if not part:
                continue
            prefix, equals, percent = part.partition("=")
            if not equals:
                raise FormValueError("prefix_markups", self.tr("write each as prefix=percent: {part}").format(
                    part=part))
            try:
                entries.append(unchecked(PrefixMarkup, prefix=prefix, percent=parse_amount(percent)))
            except ValueError as exc:
                raise FormValueError("prefix_markups", str(exc)) from None
        return entries

    def _values(self) -> dict[str, Any]:
        return {"markup_percent": decimal_value("markup_percent", self.markup_edit) or Decimal(0),
                "prefix_markups": self._prefix_markups(), "allow_below_cost": self.below_cost_check.isChecked()}

    def submit(self) -> None:
        values = self.values_or_say(self._values)
        if values is None:
            return
        client, path, body = self._client, self._path, unchecked(SellTariffMarkupIn, **values)
        self.errors.clear()
        self.send(lambda: client.put(path, TariffDetail, body), self._done, self.tr("Pricing the sell tariff…"))

    def _done(self, tariff: TariffDetail) -> None:
        self.saved.emit(tariff)
        self.accept()
