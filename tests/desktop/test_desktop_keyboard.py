"""The desktop driven by keyboard as a person drives it, against the real service: Enter is each dialog's action
and never cancels, Tab moves on keeping the pre-filled values, Escape cancels and asks before typed work is lost.
(The first-run wizard by keyboard is in test_desktop_first_run.py; a new account in test_desktop_sign_in.py.)"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService, active, press
from pytestqt.qtbot import QtBot

import desktop
from desktop.api_client import ApiClient
from desktop.main_window import MainWindow
from desktop.pages.account_details import AccountDetailsPage
from desktop.pages.account_dialogs import PaymentDialog
from desktop.qt import QApplication, QDialog, QMessageBox, Qt, isValid
from desktop.session import sign_in
from desktop.sign_in import SignInDialog
from switch_service.api.schemas import AccountCreate, PaymentPage

Key = Qt.Key


@pytest.fixture
def account_id(admin_api: ApiClient) -> int:
    return admin_api.create_account(AccountCreate(number="7001", name="Harbour Cafe", currency="USD")).id


def _sign_in_dialog(qtbot: QtBot, url: str, username: str) -> SignInDialog:
    dialog = SignInDialog(None, url, username)
    qtbot.addWidget(dialog)
    dialog.show()
    active(qtbot, dialog)
    return dialog


def test_enter_in_the_sign_in_dialog_signs_in_and_never_quits(qtbot: QtBot, live_service: LiveService) -> None:
    dialog = _sign_in_dialog(qtbot, live_service.url, "admin")
    assert dialog.password_edit.hasFocus()  # the remembered user name is kept: the password is next
    press(qtbot, "wrong password", Key.Key_Return)
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=WAIT_MS)
    assert dialog.isVisible() and dialog.result() == 0  # a refusal keeps the dialog, never quits
    assert dialog.error_label.text() == "wrong user name or password"

    dialog.password_edit.selectAll()
    press(qtbot, PASSWORD, Key.Key_Tab)
    assert dialog.sign_in_button.hasFocus()  # Tab reaches Sign in before Quit
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=WAIT_MS)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_on_a_focused_quit_button_still_signs_in_and_escape_quits(qtbot: QtBot,
                                                                        live_service: LiveService) -> None:
    dialog = _sign_in_dialog(qtbot, live_service.url, "admin")
    assert dialog.cancel_button is not None and dialog.cancel_button.text() == "Quit"
    press(qtbot, PASSWORD)
    dialog.cancel_button.setFocus()
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=WAIT_MS)

    second = _sign_in_dialog(qtbot, live_service.url, "admin")
    press(qtbot, "half a passw", Key.Key_Escape)
    assert second.result() == QDialog.DialogCode.Rejected and not second.isVisible()  # no question for a password


@dataclass
class Payment:
    window: MainWindow  # held here: a window no one refers to is deleted, with its dialogs
    page: AccountDetailsPage
    dialog: PaymentDialog


def _payment_dialog(qtbot: QtBot, live: LiveService, account_id: int) -> Payment:
    window = MainWindow(sign_in(live.url, "support", PASSWORD))
    qtbot.addWidget(window)
    window.show()
    page = window.open_account(account_id)
    qtbot.waitUntil(lambda: page.account is not None, timeout=WAIT_MS)
    qtbot.mouseClick(page.recharge_button, Qt.MouseButton.LeftButton)
    dialog = page.payment_dialog
    assert dialog is not None and dialog.isVisible()
    active(qtbot, dialog)
    assert dialog.amount_edit.hasFocus()
    return Payment(window, page, dialog)


def test_a_payment_typed_and_entered_with_enter(qtbot: QtBot, live_service: LiveService, account_id: int,
                                                admin_api: ApiClient) -> None:
    """20.00, Tab over the pre-filled kind and method, a reference, Enter: the payment is entered (it was lost)."""
    opened = _payment_dialog(qtbot, live_service, account_id)
    page, dialog = opened.page, opened.dialog
    press(qtbot, "20.00", Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, "slip 42", Key.Key_Return)
    qtbot.waitUntil(page.receipt_label.isVisible, timeout=WAIT_MS)
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    payments = admin_api.get(f"/accounts/{account_id}/payments", PaymentPage).items
    assert [(p.amount, p.kind, p.method, p.reference) for p in payments] == [
        (Decimal("20.00"), "topup", "cash", "slip 42")]
    assert page.header.balance_label.text() == "$20.00"


def test_a_refused_amount_is_said_in_the_desktops_words_and_the_dialog_stays(qtbot: QtBot, live_service: LiveService,
                                                                            account_id: int,
                                                                            admin_api: ApiClient) -> None:
    opened = _payment_dialog(qtbot, live_service, account_id)
    dialog = opened.dialog
    press(qtbot, "0", Key.Key_Return)
    qtbot.waitUntil(lambda: "amount" in dialog.errors.visible(), timeout=WAIT_MS)  # the service judged it
    assert dialog.isVisible()
    assert dialog.errors.visible() == {"amount": "must be more than 0"}  # not "amount: Input should be greater than 0"
    dialog.amount_edit.selectAll()
    press(qtbot, "ten", Key.Key_Return)
    assert dialog.errors.visible() == {"amount": "ten is not an amount; write it like 10.50"}
    assert admin_api.get(f"/accounts/{account_id}/payments", PaymentPage).items == []


def test_ctrl_enter_enters_the_payment_from_the_note(qtbot: QtBot, live_service: LiveService, account_id: int,
                                                     admin_api: ApiClient) -> None:
    opened = _payment_dialog(qtbot, live_service, account_id)
    page, dialog = opened.page, opened.dialog
    press(qtbot, "5", Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, Key.Key_Tab, "paid at the counter", Key.Key_Return,
          "by the owner")
    assert dialog.note_edit.toPlainText() == "paid at the counter\nby the owner"  # Enter in a note: a new line
    qtbot.keyClick(dialog.note_edit, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(page.receipt_label.isVisible, timeout=WAIT_MS)
    [payment] = admin_api.get(f"/accounts/{account_id}/payments", PaymentPage).items
    assert (payment.amount, payment.note) == (Decimal(5), "paid at the counter\nby the owner")


def _question(dialog: QDialog) -> QMessageBox:
    boxes = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_escape_asks_before_typed_work_is_lost(qtbot: QtBot, live_service: LiveService, account_id: int,
                                               admin_api: ApiClient) -> None:
    opened = _payment_dialog(qtbot, live_service, account_id)
    dialog = opened.dialog
    press(qtbot, "20.00", Key.Key_Escape)
    question = _question(dialog)
    assert question.text() == "Discard what you typed?"
    active(qtbot, question)
    press(qtbot, Key.Key_Return)  # the answer Enter gives: keep editing
    assert not question.isVisible() and dialog.isVisible()
    assert dialog.amount_edit.text() == "20.00"

    active(qtbot, dialog)
    press(qtbot, Key.Key_Escape)
    question = _question(dialog)
    active(qtbot, question)
    press(qtbot, Key.Key_Escape)  # Escape in the question: keep editing too
    assert dialog.isVisible() and dialog.amount_edit.text() == "20.00"

    active(qtbot, dialog)
    press(qtbot, Key.Key_Escape)
    discard = next(b for b in _question(dialog).buttons() if b.text() == "Discard")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert admin_api.get(f"/accounts/{account_id}/payments", PaymentPage).items == []


def test_escape_closes_at_once_when_nothing_was_typed(qtbot: QtBot, live_service: LiveService,
                                                      account_id: int) -> None:
    opened = _payment_dialog(qtbot, live_service, account_id)
    dialog = opened.dialog
    press(qtbot, Key.Key_Tab, Key.Key_Tab, Key.Key_Escape)  # moving through the fields is not typing
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert QApplication.activeModalWidget() is None


def test_the_cancel_button_discards_without_a_question(qtbot: QtBot, live_service: LiveService,
                                                       account_id: int) -> None:
    opened = _payment_dialog(qtbot, live_service, account_id)
    dialog = opened.dialog
    press(qtbot, "20.00")
    assert dialog.cancel_button is not None and not dialog.cancel_button.autoDefault()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def test_every_dialog_of_the_desktop_gets_its_buttons_from_one_place() -> None:
    """Dialogs derive from desktop.dialogs.DeskDialog and leave it the button box and the default button: the
    Enter and Escape rules then hold for every one of them (the wizard uses its DiscardGuard)."""
    root = Path(desktop.__file__).parent
    offences = []
    for path in sorted(root.rglob("*.py")):
        if path.name in ("dialogs.py", "qt.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
                if bases & {"QDialog"}:
                    offences.append(f"{path.name}: {node.name} derives from QDialog")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "QDialogButtonBox":
                offences.append(f"{path.name}:{node.lineno} makes a QDialogButtonBox")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setDefault"
                    and path.parent.name == "pages" and "dialog" in path.name):
                offences.append(f"{path.name}:{node.lineno} sets a default button")
    assert offences == []
