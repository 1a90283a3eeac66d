"""Place test call: a real call through the switch from the service's own test caller (`POST /live/test-calls`),
billed to the account named, so the owner sees a live call, its record and the graphs move.

The account is typed by its number (the first customer account is offered); the number is any the account's
dial plan routes (the demo's built-in test carrier answers every destination); the call hangs up after the
seconds given. The service judges the number (its one phone-number rule); what it refuses is shown under the field.
"""

from __future__ import annotations

from desktop.api_client import ApiClient
from desktop.ops import Op
from desktop.pages.account_refs import account_by_number
from desktop.pages.forms import JudgedDialog, unchecked
from desktop.qt import QLineEdit, QSpinBox, QWidget, Signal
from switch_service.api.schemas import AccountListKind, AccountPage
from switch_service.api.schemas.live import TestCallIn, TestCallOut

DEFAULT_NUMBER = "+44 20 7946 0018"
DEFAULT_SECONDS = 30


class TestCallDialog(JudgedDialog):
    placed = Signal(object)  # TestCallOut

    def __init__(self, parent: QWidget, client: ApiClient) -> None:
        super().__init__(parent, self.tr("Place test call"), self.tr("Call"))
        self._client = client
        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText(self.tr("account number"))
        self.number_edit = QLineEdit(DEFAULT_NUMBER)
        self.seconds_spin = QSpinBox()
        self.seconds_spin.setRange(1, 3600)
        self.seconds_spin.setValue(DEFAULT_SECONDS)
        self.seconds_spin.setSuffix(self.tr(" s"))
        self.row(self.tr("Bill to account"), "account_id", self.account_edit)
        self.row(self.tr("Number to call"), "number", self.number_edit)
        self.row(self.tr("Talk for"), "seconds", self.seconds_spin)
        self.outcome: TestCallOut | None = None
        self._offer_account()

    def _offer_account(self) -> None:
        """The first customer account, unless the user typed one meanwhile."""
        client = self._client
        (Op(self, lambda: client.list_accounts(limit=1, selection={"kind": [AccountListKind.PREPAID]}))
         .success(self._offered)
         .failure(lambda _error: None)  # the user types one
         .busy(None)
         .run())

    def _offered(self, page: AccountPage) -> None:
        if page.items and not self.account_edit.text():
            self.account_edit.setText(page.items[0].number)

    def submit(self) -> None:
        client, account_number = self._client, self.account_edit.text()
        number, seconds = self.number_edit.text(), self.seconds_spin.value()

        def place() -> TestCallOut:
            account = account_by_number(client, account_number)
            body = unchecked(TestCallIn, account_id=account.id, number=number, seconds=seconds)
            return client.post("/live/test-calls", TestCallOut, body)

        self.send(place, self._placed, self.tr("Calling…"))

    def _placed(self, result: TestCallOut) -> None:
        self.outcome = result
        self.placed.emit(result)
        self.accept()
