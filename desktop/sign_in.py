"""The sign-in dialog: service URL, user name (remembered), password; errors stay in the dialog. Enter signs in;
Quit (or Escape) leaves the application, as nothing can be done signed out."""

from __future__ import annotations

from desktop import preferences
from desktop.api_client import normalise_base_url
from desktop.dialogs import DeskDialog
from desktop.ops import Op, error_text
from desktop.qt import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession, sign_in
from desktop.styling import as_error


class SignInDialog(DeskDialog):
    ASKS_BEFORE_DISCARD = False  # a typed password is not work to keep

    def __init__(self, parent: QWidget | None, api_url: str, username: str = "") -> None:
        super().__init__(parent)
        self.session: DeskSession | None = None
        self._op: Op[DeskSession] | None = None
        self.setWindowTitle(self.tr("Sign in to Carrierdesk"))
        self.setMinimumWidth(420)

        self.url_edit = QLineEdit(api_url)
        self.url_edit.setToolTip(self.tr("Address of the Carrierdesk service (started with carrier-switch)"))
        self.username_edit = QLineEdit(username)
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        as_error(self.error_label)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Service"), self.url_edit)
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)

        buttons = self.make_buttons(self.tr("Sign in"), self._start, cancel=self.tr("Quit"))
        assert self.action_button is not None
        self.sign_in_button: QPushButton = self.action_button

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        (self.password_edit if username else self.username_edit).setFocus()

    def _start(self) -> None:
        url = normalise_base_url(self.url_edit.text()) if self.url_edit.text().strip() else ""
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not url:
            self._show_error(self.tr("Enter the address of the Carrierdesk service."))
            return
        if not username or not password:
            self._show_error(self.tr("Enter your user name and password."))
            return
        self._set_busy(True)
        self.error_label.hide()
        self._op = (
            Op(self, lambda: sign_in(url, username, password))
            .success(self._signed_in)
            .failure(self._failed)
            .finally_(lambda: self._set_busy(False))
            .busy(self.tr("Signing in…"))
            .run()
        )

    def _signed_in(self, session: DeskSession) -> None:
        preferences.remember_sign_in(session.client.base_url, session.user.username)
        self.session = session
        self.accept()

    def _failed(self, error: Exception) -> None:
        # The service's own words for a refusal ("wrong user name or password"); ours if it is not there.
        self._show_error(error_text(error))
        self._set_busy(False)  # before the focus: a disabled field cannot take it
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.url_edit, self.username_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(not busy)

    def discard(self) -> None:
        if self._op is not None:
            self._op.cancel()
        super().discard()
