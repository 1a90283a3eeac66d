"""The payment dialog of the account page: an exact amount, the kinds of payment the role may enter, a note.

Only what the service lets the role enter is offered (routes/payments.py: support tops up and takes payments,
refunds and adjustments are for admins, resellers enter none); the service judges the values and refuses
anything else anyway, and the dialog shows its words under the field they are about (`desktop.pages.forms`).
"""

from __future__ import annotations

import uuid

from desktop.api_client import ApiClient, ApiError, ServiceUnreachableError
from desktop.pages.forms import JudgedDialog, parse_amount, typed, unchecked
from desktop.qt import (
    QComboBox,
    QCoreApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    Signal,
)
from switch_service.api.schemas import AccountOut, ManualPaymentKind, PaymentCreate, ReceiptOut, Role

PAYMENT_KINDS: dict[Role, tuple[ManualPaymentKind, ...]] = {
    Role.ADMIN: tuple(ManualPaymentKind),
    Role.SUPPORT: (ManualPaymentKind.TOPUP, ManualPaymentKind.PAYMENT),
}
METHODS = ("cash", "card", "bank_transfer", "other")  # stored as these words; shown translated
HTTP_UNPROCESSABLE = 422
IDEMPOTENCY_HEADER = "Idempotency-Key"  # a 422 naming it: this dialog's key was used for other values


def payment_kinds(role: Role) -> tuple[ManualPaymentKind, ...]:
    """The kinds of payment `role` may enter; none means the role takes no payments."""
    return PAYMENT_KINDS.get(role, ())


def payment_kind_name(kind: str) -> str:
    return {
        "topup": QCoreApplication.translate("Payments", "Top-up"),
        "payment": QCoreApplication.translate("Payments", "Payment"),
        "refund": QCoreApplication.translate("Payments", "Refund"),
        "adjustment": QCoreApplication.translate("Payments", "Adjustment"),
        "voucher": QCoreApplication.translate("Payments", "Voucher"),
        "fee": QCoreApplication.translate("Payments", "Fee"),
    }.get(kind, kind)


def method_name(method: str) -> str:
    return {
        "cash": QCoreApplication.translate("Payments", "Cash"),
        "card": QCoreApplication.translate("Payments", "Card"),
        "bank_transfer": QCoreApplication.translate("Payments", "Bank transfer"),
        "other": QCoreApplication.translate("Payments", "Other"),
    }.get(method, method)



class PaymentDialog(JudgedDialog):
    """Enter a payment on one account; `paid` carries the service's receipt (number, new balance)."""

    paid = Signal(object)  # ReceiptOut

    def __init__(self, parent: QWidget, client: ApiClient, account: AccountOut, role: Role) -> None:
        super().__init__(parent, QCoreApplication.translate("PaymentDialog", "Payment for {number}").format(
            number=account.number), QCoreApplication.translate("PaymentDialog", "Enter payment"))
        self._client = client
        self._account_id = account.id
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText("0.00")
        self.amount_edit.setMaxLength(24)
        amount_row = QWidget()
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        amount_layout.addWidget(self.amount_edit, 1)
        amount_layout.addWidget(QLabel(account.currency))
        self.kind_combo = QComboBox()
        for kind in payment_kinds(role):
            self.kind_combo.addItem(payment_kind_name(kind), kind.value)
        self.method_combo = QComboBox()
        for method in METHODS:
            self.method_combo.addItem(method_name(method), method)
        self.reference_edit = QLineEdit()
        self.reference_edit.setMaxLength(120)
        self.reference_edit.setPlaceholderText(self.tr("card slip, transfer id… (optional)"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.row(self.tr("Amount"), "amount", amount_row)
        self.row(self.tr("Kind"), "kind", self.kind_combo)
        self.row(self.tr("Method"), "method", self.method_combo)
        self.row(self.tr("Reference"), "reference", self.reference_edit)
        self.row(self.tr("Note"), "note", self.note_edit)
        self.amount_edit.setFocus()
        # One key for the dialog: entering it again after a timeout returns the first receipt, never a second
        # payment (the service keeps the answer under this key).
        self._idempotency_key = uuid.uuid4().hex

    def _body(self) -> PaymentCreate:
        return unchecked(
            PaymentCreate,
            amount=typed("amount", parse_amount, self.amount_edit.text()),
            kind=ManualPaymentKind(self.kind_combo.currentData()),
            method=self.method_combo.currentData(),
            reference=self.reference_edit.text(),
            note=self.note_edit.toPlainText(),
        )

    def submit(self) -> None:
        body = self.values_or_say(self._body)
        if body is None:  # nothing sent: the key stays unused (a refused request does not use it either)
            return
        client, path, key = self._client, f"/accounts/{self._account_id}/payments", self._idempotency_key
        self.send(lambda: client.post(path, ReceiptOut, body, idempotency_key=key), self._entered,
                  self.tr("Entering the payment…"))

    def show_failure(self, error: Exception) -> None:
        if isinstance(error, ServiceUnreachableError):  # it may have been taken: the key makes a retry safe
            self.show_error(self.tr("The service did not answer in time, so the payment may have been entered. "
                                    "Press \u201cEnter payment\u201d again: it is never entered twice."))
        elif isinstance(error, ApiError) and error.status == HTTP_UNPROCESSABLE and IDEMPOTENCY_HEADER in error.message:
            self.show_error(self.tr("A payment with other values was already entered from this dialog; check the "
                                    "account's payments before entering another."))
        else:
            super().show_failure(error)

    def _entered(self, receipt: ReceiptOut) -> None:
        self.paid.emit(receipt)
        self.accept()
