"""The main window: navigation on the left, one page at a time on the right, the session below."""

from __future__ import annotations

from desktop import preferences
from desktop.ops import Op
from desktop.pages.accounts import AccountsPage
from desktop.pages.dashboard import DashboardPage
from desktop.qt import (
    QAction,
    QCloseEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)
from desktop.session import DeskSession, role_name
from desktop.sign_in import SignInDialog
from desktop.styling import as_warning


class MainWindow(QMainWindow):
    def __init__(self, session: DeskSession) -> None:
        super().__init__()
        self.session: DeskSession | None = None
        self.sign_in_dialog: SignInDialog | None = None
        self.setWindowTitle(self.tr("Carrierdesk"))
        self.resize(1000, 640)

        self.dashboard_page = DashboardPage()
        self.accounts_page = AccountsPage()
        self._pages: list[tuple[str, str, QWidget]] = [
            ("dashboard", self.tr("Dashboard"), self.dashboard_page),
            ("accounts", self.tr("Accounts"), self.accounts_page),
        ]
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(180)
        self.stack = QStackedWidget()
        for _key, title, page in self._pages:
            self.navigation.addItem(title)
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        self._central = QWidget()
        layout = QHBoxLayout(self._central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(self._central)

        self.user_label = QLabel()
        self.url_label = QLabel()
        self.secrets_warning = QLabel(self.tr("Secrets are in a file, not a system keyring"))
        as_warning(self.secrets_warning)
        self.secrets_warning.setToolTip(self.tr(
            "The service found no system keyring on its machine, so its secrets are kept in a file "
            "readable only by its user. Install a keyring (e.g. Secret Service) to store them securely."
        ))
        self.secrets_warning.hide()
        status = self.statusBar()
        status.addWidget(self.user_label)
        status.addWidget(self.url_label)
        status.addPermanentWidget(self.secrets_warning)

        self.switch_user_action = QAction(self.tr("Switch user…"), self)
        self.switch_user_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_user_action.triggered.connect(self.switch_user)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Session"))
        menu.addAction(self.switch_user_action)
        menu.addSeparator()
        menu.addAction(quit_action)

        geometry = preferences.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.set_session(session)

    def show_page(self, key: str) -> QWidget:
        for row, (page_key, _title, page) in enumerate(self._pages):
            if page_key == key:
                self.navigation.setCurrentRow(row)
                return page
        raise KeyError(key)

    def set_session(self, session: DeskSession) -> None:
        self.session = session
        self._central.setEnabled(True)
        self.user_label.setText(self.tr("Signed in as {user} ({role})").format(
            user=session.user.username, role=role_name(session.user.role)))
        self.url_label.setText(session.client.base_url)
        self.secrets_warning.setVisible(session.health.secrets_fallback)
        self.dashboard_page.set_session(session)
        self.accounts_page.set_session(session)

    def switch_user(self) -> SignInDialog:
        """Sign the current user out at once, then ask who comes next; cancelling closes the window."""
        old = self.session
        url = old.client.base_url if old is not None else preferences.api_url()
        self.session = None
        self._central.setEnabled(False)
        self.user_label.setText(self.tr("Signed out"))
        if old is not None:
            self._sign_out(old)
        dialog = SignInDialog(self, url)
        # Connected to bound methods and C++ slots only: a lambda capturing the dialog, connected to the
        # dialog's own signal, made its deferred deletion crash now and then (PySide ownership).
        dialog.accepted.connect(self._switched)
        dialog.rejected.connect(self.close)
        dialog.finished.connect(dialog.deleteLater)
        self.sign_in_dialog = dialog
        dialog.open()
        return dialog

    def _switched(self) -> None:
        dialog, self.sign_in_dialog = self.sign_in_dialog, None
        if dialog is not None and dialog.session is not None:
            self.set_session(dialog.session)

    def _sign_out(self, session: DeskSession) -> None:
        client = session.client
        token = client.drop_token()  # signed out here and now; the service hears of it in the background

        def sign_out() -> None:
            try:
                client.revoke(token)
            finally:
                client.close()

        # A failure only means the token lives on until it expires; nothing to tell the user.
        Op(self, sign_out).failure(lambda _error: None).busy(None).run()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        preferences.remember_window_geometry(self.saveGeometry())
        if self.session is not None:
            session, self.session = self.session, None
            self._sign_out(session)
        super().closeEvent(event)
