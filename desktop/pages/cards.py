"""Calling cards and recharge vouchers.

- Batches: the card batches the user may see (a reseller: its own), lazily paged and searched by name in the
  service; admins generate a batch (a job, with progress and Cancel) and export a batch's cards with their PINs
  for printing.
- Look up: one card by serial or PIN: status, value, balance, batch, expiry; never the PIN.
- Vouchers: the vouchers the user may see; admins generate them (codes shown once), anyone redeems a code onto
  an account.
What a role may not do is not offered; the service refuses it anyway and the tab shows its words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pydantic
from pydantic import SecretStr

from desktop.api_client import ApiClient, ApiError
from desktop.formatting import money, utc_text
from desktop.ops import Op, error_text
from desktop.paged_table import Column, sorted_by
from desktop.pages.account_refs import IdLabels, account_by_number, account_numbers
from desktop.pages.card_dialogs import ExportCardsDialog, GenerateBatchDialog, VoucherDialog
from desktop.pages.listing import ApiListModel, Listing, ListTab, yes_no
from desktop.qt import (
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.service_errors import validation_text
from desktop.session import DeskSession
from desktop.styling import as_error
from switch_service.api.schemas import ReceiptOut, Role
from switch_service.api.schemas.cards import (
    CardBatchOut,
    CardBatchPage,
    CardLookup,
    CardOut,
    CardStatus,
    VoucherOut,
    VoucherPage,
    VoucherRedeem,
)
from switch_service.api.schemas.resellers import ResellerOut

(COL_NAME, COL_COUNT, COL_FACE_VALUE, COL_CURRENCY, COL_DISTRIBUTOR, COL_RESELLER, COL_EXPIRY,
 COL_CREATED) = range(8)
(VOUCHER_COL_LABEL, VOUCHER_COL_VALUE, VOUCHER_COL_CURRENCY, VOUCHER_COL_USED, VOUCHER_COL_ACCOUNT,
 VOUCHER_COL_EXPIRES, VOUCHER_COL_CREATED) = range(7)

LOOKUP_SERIAL, LOOKUP_PIN = "serial", "pin"


def card_status_name(status: str) -> str:
    return {
        CardStatus.NEW: QCoreApplication.translate("Cards", "New (never used)"),
        CardStatus.ACTIVE: QCoreApplication.translate("Cards", "Active"),
        CardStatus.USED: QCoreApplication.translate("Cards", "Used up"),
        CardStatus.EXPIRED: QCoreApplication.translate("Cards", "Expired"),
        CardStatus.BLOCKED: QCoreApplication.translate("Cards", "Blocked"),
    }.get(CardStatus(status), status)


def day_text(moment: dt.datetime | None) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d") if moment is not None else ""


def expiry_text(expires_at: dt.datetime | None, days: int | None) -> str:
    """When a batch's cards stop working: a date, some days after first use, whichever comes first, or never."""
    # lupdate reads plurals only from self.tr(); one day or several is all this text needs
    if not days:
        after_use = ""
    elif days == 1:
        after_use = QCoreApplication.translate("Cards", "1 day after first use")
    else:
        after_use = QCoreApplication.translate("Cards", "{days} days after first use").format(days=days)
    if expires_at is not None and after_use:
        return QCoreApplication.translate("Cards", "{date} or {after_use}").format(date=day_text(expires_at),
                                                                                  after_use=after_use)
    if expires_at is not None:
        return day_text(expires_at)
    return after_use or QCoreApplication.translate("Cards", "never")


def batch_columns(resellers: IdLabels) -> list[Column[CardBatchOut]]:
    return sorted_by(_batch_columns(resellers), {0: "name", 1: "count", 2: "face_value", 3: "currency",
                                                 7: "created_at"})


def _batch_columns(resellers: IdLabels) -> list[Column[CardBatchOut]]:
    """In COL_* order."""
    return [
        Column(QCoreApplication.translate("BatchesModel", "Name"), lambda b: b.name),
        Column(QCoreApplication.translate("BatchesModel", "Cards"), lambda b: f"{b.count:,}", lambda b: b.count,
               align_right=True),
        Column(QCoreApplication.translate("BatchesModel", "Face value"), lambda b: money(b.face_value, b.currency),
               lambda b: b.face_value, align_right=True),
        Column(QCoreApplication.translate("BatchesModel", "Currency"), lambda b: b.currency),
        Column(QCoreApplication.translate("BatchesModel", "Distributor"), lambda b: b.distributor or ""),
        Column(QCoreApplication.translate("BatchesModel", "Reseller"), lambda b: resellers.label(b.reseller_id)),
        Column(QCoreApplication.translate("BatchesModel", "Expiry"),
               lambda b: expiry_text(b.expires_at, b.valid_days_after_first_use)),
        Column(QCoreApplication.translate("BatchesModel", "Created (UTC)"), lambda b: utc_text(b.created_at),
               lambda b: b.created_at),
    ]


def voucher_columns(accounts: IdLabels) -> list[Column[VoucherOut]]:
    return sorted_by(_voucher_columns(accounts), {
        VOUCHER_COL_LABEL: "label", VOUCHER_COL_VALUE: "value", VOUCHER_COL_CURRENCY: "currency",
        VOUCHER_COL_USED: "used", VOUCHER_COL_CREATED: "created_at"})


def _voucher_columns(accounts: IdLabels) -> list[Column[VoucherOut]]:
    """In VOUCHER_COL_* order. A voucher's code is never in a list."""
    return [
        Column(QCoreApplication.translate("VouchersModel", "Label"), lambda v: v.label),
        Column(QCoreApplication.translate("VouchersModel", "Value"), lambda v: money(v.value, v.currency),
               lambda v: v.value,
               align_right=True),
        Column(QCoreApplication.translate("VouchersModel", "Currency"), lambda v: v.currency),
        Column(QCoreApplication.translate("VouchersModel", "Used"), lambda v: yes_no(v.used), lambda v: v.used),
        Column(QCoreApplication.translate("VouchersModel", "Used by"), lambda v: accounts.label(v.used_by_account_id)),
        Column(QCoreApplication.translate("VouchersModel", "Valid until"), lambda v: day_text(v.expires_at)),
        Column(QCoreApplication.translate("VouchersModel", "Created (UTC)"), lambda v: utc_text(v.created_at),
               lambda v: v.created_at),
    ]


class BatchesModel(ApiListModel[CardBatchOut]):
    """`GET /card-batches?q=` as a table."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.resellers = IdLabels()
        super().__init__(batch_columns(self.resellers), "/card-batches", CardBatchPage, parent,
                         placeholder_column=COL_NAME, named=((self.resellers, lambda b: b.reseller_id),))

    def set_source(self, client: ApiClient | None, *, reseller_names: bool) -> None:
        """`reseller_names`: whether the role may read resellers (not support); else a reseller shows as its id."""
        self.resellers.reset(_reseller_names(client) if client is not None and reseller_names else None)
        self.set_client(client)


def _reseller_names(client: ApiClient) -> Callable[[int], str]:
    return lambda reseller_id: client.get(f"/resellers/{reseller_id}", ResellerOut).name


class VouchersModel(ApiListModel[VoucherOut]):
    """`GET /vouchers?used=` as a table."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.accounts = IdLabels()
        super().__init__(voucher_columns(self.accounts), "/vouchers", VoucherPage, parent,
                         placeholder_column=VOUCHER_COL_LABEL, named=((self.accounts, lambda v: v.used_by_account_id),))

    def set_source(self, client: ApiClient | None) -> None:
        self.accounts.reset(account_numbers(client) if client is not None else None)
        self.set_client(client)


class BatchesTab(ListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self.search_edit = self.filter_edit(self.tr("Batch name contains…"))
        self.generate_button = QPushButton(self.tr("Generate batch…"))
        self.export_button = QPushButton(self.tr("Export for printing…"))
        self.generate_button.clicked.connect(self.open_generate)
        self.export_button.clicked.connect(self.open_export)
        self.row_buttons.append(self.export_button)
        self.top.addWidget(self.search_edit, 1)
        self.add_refresh_button()
        for button in (self.generate_button, self.export_button):
            self.top.addWidget(button)

        self.model = BatchesModel(self)
        self.listing: Listing[CardBatchOut] = Listing(
            self.model, widths=(220, 80, 90, 70, 130, 130, 170, 140), stretch=COL_NAME,
            count_text=self._count_text, empty_text=self._empty_text)
        self.set_listing(self.listing)

    @property
    def is_admin(self) -> bool:
        return self._session is not None and self._session.user.role is Role.ADMIN

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.generate_button.setVisible(self.is_admin)
        self.export_button.setVisible(self.is_admin)
        self.hush()
        self.model.set_source(session.client, reseller_names=session.user.role is not Role.SUPPORT)

    def filters_changed(self) -> None:
        self.model.set_filters(q=self.search_edit.text().strip() or None)

    def open_generate(self) -> GenerateBatchDialog | None:
        if self._session is None or not self.is_admin:
            return None
        dialog = GenerateBatchDialog(self, self._session.client)
        dialog.generated.connect(self._generated)
        self.open_dialog(dialog)
        return dialog

    def _generated(self, batch_id: int) -> None:
        self.say(self.tr("The batch is made."))
        self.listing.refresh(select_id=batch_id)

    def open_export(self) -> ExportCardsDialog | None:
        batch = self.listing.selected()
        if self._session is None or not self.is_admin or batch is None:
            return None
        dialog = ExportCardsDialog(self, self._session.client, batch)
        dialog.exported.connect(self._exported)
        self.open_dialog(dialog)
        return dialog

    def _exported(self, path: str) -> None:
        self.say(self.tr("Saved to {path}. It holds live PINs: delete it once the cards are printed.")
                 .format(path=path))

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n batch(es)", "", count)
        return self.tr("%n batch(es) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        query = self.model.filters.get("q")
        if query:
            return self.tr("No batch name contains “{text}”.").format(text=query)
        if self.is_admin:
            return self.tr("No card batches yet: make one with “Generate batch…”.")
        return self.tr("No card batches yet.")


class LookupTab(QWidget):
    """One card by its printed serial or by its PIN. The PIN is typed hidden and sent in the body; the answer
    never holds it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self.by_combo = QComboBox()
        self.by_combo.addItem(self.tr("Serial"), LOOKUP_SERIAL)
        self.by_combo.addItem(self.tr("PIN"), LOOKUP_PIN)
        self.by_combo.currentIndexChanged.connect(self._by_changed)
        self.value_edit = QLineEdit()
        self.value_edit.setMaxLength(40)
        self.value_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * 28))
        self.value_edit.returnPressed.connect(self.look_up)
        self.look_up_button = QPushButton(self.tr("Look up"))
        self.look_up_button.clicked.connect(self.look_up)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        as_error(self.error_label)
        self.error_label.hide()

        self.fields: dict[str, QLabel] = {}
        self.result = QWidget()
        form = QFormLayout(self.result)
        for key, label in (("serial", self.tr("Serial")), ("status", self.tr("Status")),
                           ("face_value", self.tr("Face value")), ("balance", self.tr("Balance left")),
                           ("batch", self.tr("Batch")), ("account", self.tr("Account")),
                           ("distributor", self.tr("Distributor")), ("activated", self.tr("First used (UTC)")),
                           ("expires", self.tr("Expires (UTC)"))):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.result.hide()

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Find by")))
        row.addWidget(self.by_combo)
        row.addWidget(self.value_edit)
        row.addWidget(self.look_up_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self._by_changed()

    def set_session(self, session: DeskSession) -> None:
        self._client = session.client
        self.value_edit.clear()
        self.result.hide()
        self.error_label.hide()

    def _by_changed(self) -> None:
        pin = self.by_combo.currentData() == LOOKUP_PIN
        self.value_edit.setEchoMode(QLineEdit.EchoMode.Password if pin else QLineEdit.EchoMode.Normal)
        self.value_edit.setPlaceholderText(self.tr("the PIN under the card's scratch strip") if pin
                                           else self.tr("the serial printed on the card"))

    def look_up(self) -> None:
        client, text = self._client, self.value_edit.text().strip()
        if client is None or not text:
            return
        try:
            body = (CardLookup(pin=SecretStr(text)) if self.by_combo.currentData() == LOOKUP_PIN
                    else CardLookup(serial=text))
        except pydantic.ValidationError as exc:
            self._failed(ValueError(validation_text(exc.errors(include_url=False))))
            return
        if self.by_combo.currentData() == LOOKUP_PIN:
            self.value_edit.clear()  # a PIN stays on screen no longer than needed
        self.look_up_button.setEnabled(False)
        (Op(self, lambda: _card_and_batch(client, body))
         .success(self._found)
         .failure(self._failed)
         .finally_(lambda: self.look_up_button.setEnabled(True))
         .busy(self.tr("Looking the card up…"))
         .run())

    def _found(self, found: tuple[CardOut, str]) -> None:
        card, batch = found
        self.error_label.hide()
        values = {
            "serial": card.serial, "status": card_status_name(card.status),
            "face_value": money(card.face_value, card.currency),
            "balance": money(card.balance, card.currency), "batch": batch, "account": card.account_number,
            "distributor": card.distributor or "", "activated": utc_text(card.activated_at) if card.activated_at
            else self.tr("never"), "expires": utc_text(card.expires_at) if card.expires_at else self.tr("no date"),
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.result.show()

    def _failed(self, error: Exception) -> None:
        self.result.hide()
        self.error_label.setText(error_text(error))
        self.error_label.show()


def _card_and_batch(client: ApiClient, body: CardLookup) -> tuple[CardOut, str]:
    """The card, and its batch's name (its id when the batch cannot be read)."""
    card = client.post("/cards/lookup", CardOut, body)
    try:
        batch = client.get(f"/card-batches/{card.batch_id}", CardBatchOut).name
    except ApiError:
        batch = f"#{card.batch_id}"
    return card, batch


class VouchersTab(ListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self.used_combo = QComboBox()
        self.used_combo.addItem(self.tr("All vouchers"), None)
        self.used_combo.addItem(self.tr("Not used yet"), "false")
        self.used_combo.addItem(self.tr("Used"), "true")
        self.used_combo.currentIndexChanged.connect(self.apply_filters)
        self.generate_button = QPushButton(self.tr("Generate vouchers…"))
        self.generate_button.clicked.connect(self.open_generate)
        self.top.addWidget(self.used_combo)
        self.top.addStretch(1)
        self.add_refresh_button()
        self.top.addWidget(self.generate_button)

        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(40)
        self.code_edit.setPlaceholderText(self.tr("voucher code"))
        self.account_edit = QLineEdit()
        self.account_edit.setMaxLength(32)
        self.account_edit.setPlaceholderText(self.tr("account number"))
        self.account_edit.returnPressed.connect(self.redeem)
        self.redeem_button = QPushButton(self.tr("Redeem"))
        self.redeem_button.clicked.connect(self.redeem)
        redeem_row = QHBoxLayout()
        redeem_row.addWidget(QLabel(self.tr("Redeem a code onto an account:")))
        redeem_row.addWidget(self.code_edit, 2)
        redeem_row.addWidget(self.account_edit, 1)
        redeem_row.addWidget(self.redeem_button)
        self._layout.insertLayout(1, redeem_row)

        self.model = VouchersModel(self)
        self.listing: Listing[VoucherOut] = Listing(
            self.model, widths=(220, 90, 70, 60, 130, 100, 140), stretch=VOUCHER_COL_LABEL,
            count_text=self._count_text, empty_text=self._empty_text)
        self.set_listing(self.listing)

    @property
    def is_admin(self) -> bool:
        return self._session is not None and self._session.user.role is Role.ADMIN

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.generate_button.setVisible(self.is_admin)
        self.hush()
        self.model.set_source(session.client)

    def filters_changed(self) -> None:
        self.model.set_filters(used=self.used_combo.currentData())

    def open_generate(self) -> VoucherDialog | None:
        if self._session is None or not self.is_admin:
            return None
        dialog = VoucherDialog(self, self._session.client)
        dialog.made.connect(self._made)
        self.open_dialog(dialog)
        return dialog

    def _made(self, count: int) -> None:
        self.say(self.tr("%n voucher(s) made.", "", count))
        self.listing.refresh()

    def redeem(self) -> None:
        session, code, account = self._session, self.code_edit.text().strip(), self.account_edit.text().strip()
        if session is None:
            return
        if not code or not account:
            self.say(self.tr("Type the voucher's code and the number of the account to credit."), error=True)
            return
        client = session.client

        def redeem() -> tuple[str, ReceiptOut]:
            found = account_by_number(client, account)
            body = VoucherRedeem(code=SecretStr(code), account_id=found.id)
            return found.number, client.post("/vouchers/redeem", ReceiptOut, body)

        self.redeem_button.setEnabled(False)
        (Op(self, redeem)
         .success(self._redeemed)
         .failure(lambda error: self.say(error_text(error), error=True))
         .finally_(lambda: self.redeem_button.setEnabled(True))
         .busy(self.tr("Redeeming the voucher…"))
         .run())

    def _redeemed(self, done: tuple[str, ReceiptOut]) -> None:
        number, receipt = done
        self.code_edit.clear()
        self.say(self.tr("{amount} credited to account {number} (receipt {receipt}); its balance is now {balance}.")
                 .format(amount=money(receipt.amount, receipt.currency), number=number,
                         receipt=receipt.receipt_number, balance=money(receipt.balance, receipt.currency)))
        self.listing.refresh()

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n voucher(s)", "", count)
        return self.tr("%n voucher(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        if self.model.filtered:
            return self.tr("No voucher matches this filter.")
        if self.is_admin:
            return self.tr("No vouchers yet: make some with “Generate vouchers…”.")
        return self.tr("No vouchers yet.")


class CardsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.batches_tab = BatchesTab()
        self.lookup_tab = LookupTab()
        self.vouchers_tab = VouchersTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.batches_tab, self.tr("Batches"))
        self.tabs.addTab(self.lookup_tab, self.tr("Look up a card"))
        self.tabs.addTab(self.vouchers_tab, self.tr("Vouchers"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def set_session(self, session: DeskSession) -> None:
        self.batches_tab.set_session(session)
        self.lookup_tab.set_session(session)
        self.vouchers_tab.set_session(session)
