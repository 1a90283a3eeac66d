"""One customer account as a support rep works on it all day: who it is and its money (balance, reserved,
available), what the switch will do with its calls (and why it cannot call, if it cannot), Edit…, payments with
their receipts, and a tab each for caller numbers (ANIs), speed dials, DIDs, notes,
calls, payments and statements (the tabs live in account_tabs.py and account_history.py).

What a role cannot do is not shown: resellers take no payments and read no notes, only admins see what a call
cost; the service refuses anyway, and its words appear in the page.
"""

from __future__ import annotations

from desktop.formatting import money
from desktop.ops import Op, error_text
from desktop.pages.account_calling import AccountCallingSummary
from desktop.pages.account_dialogs import PaymentDialog, payment_kind_name, payment_kinds
from desktop.pages.account_edit import AccountDialog, kind_name, status_name
from desktop.pages.account_history import AccountCallsTab, AccountPaymentsTab, signed_amount
from desktop.pages.account_packages import AccountPackagesTab
from desktop.pages.account_tabs import AccountAnisTab, AccountDidsTab, AccountNotesTab, AccountSpeedDialsTab, AccountTab
from desktop.pages.statements import AccountStatementsTab
from desktop.qt import (
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPushButton,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.session import DeskSession
from desktop.styling import as_error, as_heading
from switch_service.api.schemas import AccountKind, AccountOut, ReceiptOut, Role
from switch_service.api.schemas.accounts import AccountCalling

NOTE_READERS = frozenset({Role.ADMIN, Role.SUPPORT})  # routes/notes.py: staff only


class AccountHeader(QWidget):
    """Type, status and currency on the left; the money on the right, amounts aligned on the decimal point."""

    def __init__(self) -> None:
        super().__init__()
        self.kind_label = QLabel()
        self.status_label = QLabel()
        self.currency_label = QLabel()
        self.balance_label = QLabel()
        self.reserved_label = QLabel()
        self.limit_name_label = QLabel()
        self.limit_label = QLabel()
        self.available_label = QLabel()
        self.amounts = (self.balance_label, self.reserved_label, self.limit_label, self.available_label)
        for label in self.amounts:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000,000,000.00"))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.available_label.font()
        font.setBold(True)
        self.available_label.setFont(font)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        left = ((self.tr("Type"), self.kind_label), (self.tr("Status"), self.status_label),
                (self.tr("Currency"), self.currency_label))
        for row, (name, value) in enumerate(left):
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(value, row, 1)
        right = ((QLabel(self.tr("Balance")), self.balance_label), (QLabel(self.tr("Reserved")), self.reserved_label),
                 (self.limit_name_label, self.limit_label), (QLabel(self.tr("Available")), self.available_label))
        for row, (name_label, value) in enumerate(right):
            grid.addWidget(name_label, row, 3)
            grid.addWidget(value, row, 4)
        grid.setColumnMinimumWidth(2, 48)
        grid.setColumnStretch(5, 1)

    def show_account(self, account: AccountOut | None) -> None:
        if account is None:
            for label in (self.kind_label, self.status_label, self.currency_label, self.limit_name_label,
                          *self.amounts):
                label.clear()
            return
        self.kind_label.setText(kind_name(account.kind))
        self.status_label.setText(status_name(account.status))
        self.currency_label.setText(account.currency)
        self.balance_label.setText(money(account.balance, account.currency))
        self.reserved_label.setText(money(account.reserved, account.currency))
        if account.kind is AccountKind.POSTPAID:
            self.limit_name_label.setText(self.tr("Credit limit"))
            self.limit_label.setText(money(account.credit_limit, account.currency))
        else:
            self.limit_name_label.setText(self.tr("Overdraft"))
            self.limit_label.setText(money(account.overdraft, account.currency))
        self.available_label.setText(money(account.available, account.currency))  # the service's figure


class AccountDetailsPage(QWidget):
    """Opened from the accounts table; `back_requested` returns there."""

    back_requested = Signal()
    page_requested = Signal(str)  # the key of another page of the main window (the DIDs page)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._account_id: int | None = None
        self.account: AccountOut | None = None
        self.payment_dialog: PaymentDialog | None = None
        self.anis_tab: AccountAnisTab | None = None
        self.speed_dials_tab: AccountSpeedDialsTab | None = None
        self.dids_tab: AccountDidsTab | None = None
        self.packages_tab: AccountPackagesTab | None = None
        self.notes_tab: AccountNotesTab | None = None
        self.calls_tab: AccountCallsTab | None = None
        self.payments_tab: AccountPaymentsTab | None = None
        self.statements_tab: AccountStatementsTab | None = None

        self.back_button = QPushButton(self.tr("← Accounts"))
        self.back_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Back))
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel()
        as_heading(self.title_label)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh)
        self.recharge_button = QPushButton(self.tr("Recharge / payment…"))
        self.recharge_button.clicked.connect(self.open_payment)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.edit_dialog: AccountDialog | None = None

        self.header = AccountHeader()
        self.calling = AccountCallingSummary()

        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        as_error(self.error_label)
        self.error_label.hide()
        self.receipt_label = QLabel()
        self.receipt_label.setWordWrap(True)
        self.receipt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receipt_label.hide()

        self.tabs = QTabWidget()
        self.tabs.currentChanged.connect(self._tab_shown)

        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        layout.addWidget(self.header)
        layout.addWidget(self.calling)
        layout.addWidget(self.error_label)
        layout.addWidget(self.receipt_label)
        layout.addWidget(self.tabs, 1)

    def _top_bar(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title_label, 1)
        for button in (self.refresh_button, self.edit_button, self.recharge_button):
            top.addWidget(button)
        return top

    # --- what the main window drives -------------------------------------------------------------

    def set_session(self, session: DeskSession) -> None:
        """A new user: the tabs and buttons of that role, and no account shown."""
        self._session = session
        self._account_id = None
        self.account = None
        self.recharge_button.setVisible(bool(payment_kinds(session.user.role)))
        self.edit_button.setVisible(session.can_create_accounts)  # the same roles change accounts
        self._build_tabs(session.user.role)
        self._show_header(None)

    def open_account(self, account_id: int) -> None:
        self._account_id = account_id
        self.account = None
        self.receipt_label.hide()
        self._show_header(None)
        self.title_label.setText(self.tr("Account {id}").format(id=account_id))
        for tab in self.account_tabs():
            tab.loaded_for = None
            tab.model.set_loader(None)  # the last account's rows must not show under this one
        self.tabs.setCurrentIndex(0)
        self._load_account(reload_tabs=True)

    def refresh(self) -> None:
        """The account again, and the rows of the tab in view (the others when next shown)."""
        self._load_account(reload_tabs=True)

    def account_tabs(self) -> list[AccountTab]:
        return [tab for tab in (self.anis_tab, self.speed_dials_tab, self.dids_tab, self.packages_tab, self.notes_tab,
                                self.calls_tab, self.payments_tab, self.statements_tab) if tab is not None]

    def open_payment(self) -> PaymentDialog | None:
        session, account = self._session, self.account
        if session is None or account is None or not payment_kinds(session.user.role):
            return None
        dialog = PaymentDialog(self, session.client, account, session.user.role)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paid.connect(self._paid)
        self.payment_dialog = dialog
        dialog.open()
        return dialog

    def open_edit(self) -> AccountDialog | None:
        session, account = self._session, self.account
        if session is None or account is None or not session.can_create_accounts:
            return None
        dialog = AccountDialog(self, session.client, session.user.role, account)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._edited)
        self.edit_dialog = dialog
        dialog.open()
        return dialog

    # --- inside ----------------------------------------------------------------------------------

    def _edited(self, account: AccountOut) -> None:
        if account.id == self._account_id:
            self._account_loaded(account, reload_tabs=False)

    def _load_calling(self, account_id: int) -> None:
        """What the switch will do with the account's calls (after each load: a change may have moved it)."""
        session = self._session
        if session is None:
            return
        client = session.client
        (Op(self, lambda: client.get(f"/accounts/{account_id}/calling", AccountCalling))
         .success(self._calling_loaded)
         .failure(self._account_failed)
         .busy(None)
         .run())

    def _calling_loaded(self, calling: AccountCalling) -> None:
        if calling.account_id == self._account_id:
            self.calling.show_calling(calling)

    def _build_tabs(self, role: Role) -> None:
        while self.tabs.count():
            old = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if old is not None:
                old.deleteLater()
        self.anis_tab = AccountAnisTab()
        self.speed_dials_tab = AccountSpeedDialsTab()
        self.dids_tab = AccountDidsTab()
        self.dids_tab.open_dids_page.connect(self._dids_page_requested)
        self.packages_tab = AccountPackagesTab() if role is Role.ADMIN else None  # pricing is for admins
        if self.packages_tab is not None:
            self.packages_tab.account_changed.connect(self._fee_charged)
        self.notes_tab = AccountNotesTab() if role in NOTE_READERS else None
        self.calls_tab = AccountCallsTab(full=role is Role.ADMIN)
        self.payments_tab = AccountPaymentsTab() if payment_kinds(role) else None
        self.statements_tab = AccountStatementsTab()
        tabs: list[tuple[QWidget | None, str]] = [
            (self.anis_tab, self.tr("Caller numbers (ANIs)")),
            (self.speed_dials_tab, self.tr("Speed dials")),
            (self.dids_tab, self.tr("DIDs")),
            (self.packages_tab, self.tr("Packages")),
            (self.notes_tab, self.tr("Notes")),
            (self.calls_tab, self.tr("Calls")),
            (self.payments_tab, self.tr("Payments")),
            (self.statements_tab, self.tr("Statements")),
        ]
        for tab, title in tabs:
            if tab is not None:
                self.tabs.addTab(tab, title)

    def _fee_charged(self) -> None:
        """A package's fee moved the balance: the header, and the payments when next shown."""
        if self.payments_tab is not None:
            self.payments_tab.loaded_for = None
        self._load_account(reload_tabs=False)

    def _dids_page_requested(self) -> None:
        self.page_requested.emit("dids")

    def _load_account(self, *, reload_tabs: bool) -> None:
        session, account_id = self._session, self._account_id
        if session is None or account_id is None:
            return
        self.refresh_button.setEnabled(False)
        client = session.client
        (Op(self, lambda: client.get_account(account_id))
         .success(lambda account: self._account_loaded(account, reload_tabs))
         .failure(self._account_failed)
         .finally_(lambda: self.refresh_button.setEnabled(True))
         .busy(None)
         .run())

    def _account_loaded(self, account: AccountOut, reload_tabs: bool) -> None:
        if account.id != self._account_id:
            return  # another account was opened meanwhile
        self.error_label.hide()
        self._show_header(account)
        self._load_calling(account.id)
        if reload_tabs:
            for tab in self.account_tabs():
                tab.loaded_for = None
            self._load_current_tab()

    def _account_failed(self, error: Exception) -> None:
        self.error_label.setText(self.tr("Could not load the account: {message}").format(message=error_text(error)))
        self.error_label.show()

    def _tab_shown(self, _index: int) -> None:
        self._load_current_tab()

    def _load_current_tab(self) -> None:
        tab, session, account = self.tabs.currentWidget(), self._session, self.account
        if (isinstance(tab, AccountTab) and session is not None and account is not None
                and tab.loaded_for != account.id):
            tab.show_account(session.client, account)

    def _paid(self, receipt: ReceiptOut) -> None:
        account = self.account
        self.receipt_label.setText(self.tr("Receipt {receipt}: {kind} of {amount}. New balance: {balance}.").format(
            receipt=receipt.receipt_number, kind=payment_kind_name(receipt.kind),
            amount=money(signed_amount(receipt), receipt.currency), balance=money(receipt.balance, receipt.currency)))
        self.receipt_label.show()
        if account is not None and account.id == receipt.account_id:
            self._show_header(account.model_copy(update={"balance": receipt.balance, "available": receipt.available}))
        if self.payments_tab is not None:
            self.payments_tab.loaded_for = None
            self._load_current_tab()
        self._load_account(reload_tabs=False)  # the reserved amount may have moved meanwhile

    def _show_header(self, account: AccountOut | None) -> None:
        self.account = account
        self.recharge_button.setEnabled(account is not None)
        self.edit_button.setEnabled(account is not None)
        if account is None:
            self.title_label.clear()
            self.header.show_account(None)
            self.calling.show_calling(None)
            return
        self.title_label.setText(self.tr("{number} — {name}").format(number=account.number, name=account.name))
        self.header.show_account(account)
