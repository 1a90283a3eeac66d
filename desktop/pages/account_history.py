"""The tabs of the account page about its money over time: calls (paged CDRs, CSV export), payments with their
receipts (statements: statements.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.api_client import ApiClient
from desktop.file_choosers import save_chooser
from desktop.formatting import duration, money, optional_rate
from desktop.ops import Op
from desktop.paged_table import Column, SortedPageLoader, sorted_by
from desktop.pages.account_dialogs import method_name, payment_kind_name
from desktop.pages.account_tabs import AccountTab, local_time
from desktop.qt import QCoreApplication, QFileDialog, QLabel, QPushButton
from switch_service.api.schemas import (
    CdrOut,
    CdrPage,
    CdrRestrictedOut,
    CdrRestrictedPage,
    PaymentKind,
    PaymentOut,
    PaymentPage,
)


def call_result_name(result: str) -> str:
    return {
        "answered": QCoreApplication.translate("AccountHistory", "Answered"),
        "busy": QCoreApplication.translate("AccountHistory", "Busy"),
        "no_answer": QCoreApplication.translate("AccountHistory", "No answer"),
        "failed": QCoreApplication.translate("AccountHistory", "Failed"),
        "cancelled": QCoreApplication.translate("AccountHistory", "Cancelled"),
        "rejected": QCoreApplication.translate("AccountHistory", "Rejected"),
        "recovered": QCoreApplication.translate("AccountHistory", "Recovered"),
    }.get(result, result)


def signed_amount(payment: PaymentOut) -> Decimal:
    """How the payment moved the balance: a refund takes its amount off, every other kind adds it."""
    return -payment.amount if payment.kind is PaymentKind.REFUND else payment.amount


def _cdr_columns(full: bool) -> list[Column[Any]]:
    """The calls table; the carrier side (cost, margin) only for the roles whose answers carry it."""
    translate = QCoreApplication.translate
    columns: list[Column[Any]] = [
        Column(translate("AccountCallsTab", "Started"), lambda c: local_time(c.started_at, seconds=True),
               lambda c: c.started_at),
        Column(translate("AccountCallsTab", "Caller"), lambda c: c.caller),
        Column(translate("AccountCallsTab", "Destination"), lambda c: c.destination),
        Column(translate("AccountCallsTab", "Destination name"), lambda c: c.destination_name or ""),
        Column(translate("AccountCallsTab", "Result"), lambda c: call_result_name(c.result), lambda c: c.result),
        Column(translate("AccountCallsTab", "Duration"), lambda c: duration(c.duration_s), lambda c: c.duration_s,
               align_right=True),
        Column(translate("AccountCallsTab", "Billed"), lambda c: duration(c.billed_s), lambda c: c.billed_s,
               align_right=True),
        Column(translate("AccountCallsTab", "Rate/min"), lambda c: optional_rate(c.sell_rate, c.currency),
               lambda c: c.sell_rate,
               align_right=True),
        Column(translate("AccountCallsTab", "Price"), lambda c: money(c.price, c.currency), lambda c: c.price,
               align_right=True),
    ]
    if full:
        columns += [
            Column(translate("AccountCallsTab", "Cost"), lambda c: money(c.cost, c.currency), lambda c: c.cost,
                   align_right=True),
            Column(translate("AccountCallsTab", "Margin"), lambda c: money(c.margin, c.currency), lambda c: c.margin,
                   align_right=True),
        ]
    columns.append(Column(translate("AccountCallsTab", "Currency"), lambda c: c.currency))
    return columns


def _cdr_widths(full: bool) -> list[int]:
    """Pixel widths in the order of `_cdr_columns` (destination name stretches)."""
    return [150, 120, 120, 200, 90, 70, 70, 80, 80, *([80, 80] if full else []), 70]


def save_calls_csv(client: ApiClient, account_id: int, path: Path) -> int:
    """GET /cdrs.csv for the account into `path`; the number of calls written. Runs in an op."""
    content = client.download("/cdrs.csv", {"account_id": account_id})
    path.write_bytes(content)
    return max(content.count(b"\n") - 1, 0)  # lines end in CRLF; the first is the header


class AccountCallsTab(AccountTab):
    """The account's call records, newest first, paged as they scroll into view; and their CSV export."""

    def __init__(self, full: bool) -> None:
        self.full = full  # read by columns(), which the base class calls
        super().__init__(widths=_cdr_widths(full), stretch=3)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Every call of this account as a CSV file, as the service exports it"))
        self.export_button.clicked.connect(self.ask_export)
        self.writing_controls.append(self.export_button)
        self.saved_label = QLabel()
        self.top.addWidget(self.saved_label, 1)
        self.top.addWidget(self.export_button)

    def columns(self) -> list[Column[Any]]:
        return sorted_by(_cdr_columns(self.full), {0: "started_at", 1: "caller", 2: "destination", 4: "result",
                                                   5: "duration_s", 6: "billed_s", 8: "price"})

    def sorted_loader(self, client: ApiClient, account_id: int) -> SortedPageLoader[CdrOut | CdrRestrictedOut]:
        page_model: type[CdrPage | CdrRestrictedPage] = CdrPage if self.full else CdrRestrictedPage
        return lambda after, limit, order: client.get("/cdrs", page_model, {
            "account_id": account_id, "after": after, "limit": limit, **order.params()})

    def count_text(self, count: int) -> str:
        return self.tr("%n call(s)", "", count)

    def empty_text(self) -> str:
        return self.tr("No calls from this account yet.")

    def ask_export(self) -> QFileDialog | None:
        account = self.account
        if account is None:
            return None
        return save_chooser(self, self.tr("Export calls"), Path.home() / f"calls-{account.number}.csv",
                            self.tr("CSV files (*.csv)"), self.export_to)

    def export_to(self, path: Path) -> None:
        client, account = self.client, self.account
        if client is None or account is None:
            return
        self.hush()
        self.saved_label.clear()
        self._set_writing(True)
        (Op(self, lambda: save_calls_csv(client, account.id, path))
         .success(lambda count: self.saved_label.setText(
             self.tr("%n call(s) saved to {path}", "", count).format(path=path)))
         .failure(self.refused)
         .finally_(lambda: self._set_writing(False))
         .busy(self.tr("Exporting calls…"))
         .run())


class AccountPaymentsTab(AccountTab):
    """Every payment on the account with its receipt number, newest first."""

    def __init__(self) -> None:
        super().__init__(widths=(140, 130, 100, 100, 110, 140), stretch=6, placeholder_column=1)

    def columns(self) -> list[Column[PaymentOut]]:
        return sorted_by(self._columns(), {0: "created_at", 1: "receipt_number", 2: "kind", 3: "amount",
                                           4: "method"})

    def _columns(self) -> list[Column[PaymentOut]]:
        return [
            Column(self.tr("Entered"), lambda p: local_time(p.created_at), lambda p: p.created_at),
            Column(self.tr("Receipt"), lambda p: p.receipt_number),
            Column(self.tr("Kind"), lambda p: payment_kind_name(p.kind), lambda p: p.kind.value),
            Column(self.tr("Amount"), lambda p: money(signed_amount(p), p.currency), signed_amount,
                   align_right=True),
            Column(self.tr("Method"), lambda p: method_name(p.method)),
            Column(self.tr("Reference"), lambda p: p.reference),
            Column(self.tr("Note"), lambda p: p.note),
        ]

    def sorted_loader(self, client: ApiClient, account_id: int) -> SortedPageLoader[PaymentOut]:
        return lambda after, limit, order: client.get(f"/accounts/{account_id}/payments", PaymentPage,
                                                      {"after": after, "limit": limit, **order.params()})

    def count_text(self, count: int) -> str:
        return self.tr("%n payment(s)", "", count)

    def empty_text(self) -> str:
        return self.tr("No payments yet: Recharge / payment… above enters one.")
