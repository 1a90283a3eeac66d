"""The main window: navigation on the left, one page at a time on the right, the session below."""

from __future__ import annotations

from desktop import preferences
from desktop.about import show_about
from desktop.language_menu import LanguageMenu
from desktop.live_stream import LiveStream
from desktop.ops import Op
from desktop.pages.account_details import AccountDetailsPage
from desktop.pages.accounts import AccountsPage
from desktop.pages.cards import CardsPage
from desktop.pages.carriers import CarriersPage
from desktop.pages.dashboard import DashboardPage
from desktop.pages.dids import DidsPage
from desktop.pages.ivr import IvrPage
from desktop.pages.live_calls import LiveCallsPage
from desktop.pages.rates import RatesPage
from desktop.pages.reports import ReportsPage
from desktop.pages.resellers import ResellersPage
from desktop.pages.service_manager import ServiceManagerPage
from desktop.pages.settings import SettingsPage
from desktop.pages.users import UsersPage
from desktop.qt import (
    QAction,
    QCloseEvent,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
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
        self.resize(1200, 760)  # fits a 1280x800 or 1366x768 screen; every page's columns fit it

        self.live_stream = LiveStream(self)  # one event stream per session, for the live pages
        self.dashboard_page = DashboardPage(self.live_stream)
        self.live_calls_page = LiveCallsPage(self.live_stream)
        self.reports_page = ReportsPage()
        self.accounts_page = AccountsPage()
        self.cards_page = CardsPage()
        self.dids_page = DidsPage()
        self.ivr_page = IvrPage()
        self.rates_page = RatesPage()
        self.carriers_page = CarriersPage()
        self.live_stream.gateway_changed.connect(self.carriers_page.gateway_changed)
        self.resellers_page = ResellersPage()
        self.users_page = UsersPage()
        self.service_page = ServiceManagerPage()
        self.settings_page = SettingsPage()
        self._pages: list[tuple[str, str, QWidget]] = [
            ("dashboard", self.tr("Dashboard"), self.dashboard_page),
            ("accounts", self.tr("Accounts"), self.accounts_page),
            ("live_calls", self.tr("Live calls"), self.live_calls_page),
            ("cards", self.tr("Cards"), self.cards_page),
            ("dids", self.tr("DIDs"), self.dids_page),
            ("ivr", self.tr("IVR"), self.ivr_page),
            ("rates", self.tr("Rates"), self.rates_page),
            ("carriers", self.tr("Carriers and routing"), self.carriers_page),
            ("resellers", self.tr("Resellers"), self.resellers_page),
            ("users", self.tr("Users"), self.users_page),
            ("reports", self.tr("Reports"), self.reports_page),
            ("service", self.tr("Service"), self.service_page),
            ("settings", self.tr("Settings"), self.settings_page),
        ]
        self.navigation = QListWidget()
        self.navigation.setFixedWidth(180)
        self.stack = QStackedWidget()
        for _key, title, page in self._pages:
            self.navigation.addItem(title)
            self.stack.addWidget(page)
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.account_details_page = self._add_account_details()

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

        self._build_session_menu()

        geometry = preferences.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.set_session(session)

    def _build_session_menu(self) -> None:
        self.switch_user_action = QAction(self.tr("Switch user…"), self)
        self.switch_user_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_user_action.triggered.connect(self.switch_user)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Session"))
        menu.addAction(self.switch_user_action)
        self.language_menu = LanguageMenu(self)
        menu.addMenu(self.language_menu)
        self.settings_page.use_language_menu(self.language_menu)
        menu.addSeparator()
        menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("About Carrierdesk"), self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def show_about(self) -> QMessageBox:
        return show_about(self, self.session)

    def page_keys(self) -> list[str]:
        """The pages in navigation order (the screenshot tool visits each)."""
        return [key for key, _title, _page in self._pages]

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
        self.cards_page.set_session(session)
        self.dids_page.set_session(session)
        self.ivr_page.set_session(session)
        self.account_details_page.set_session(session)
        self.rates_page.set_session(session)
        self.carriers_page.set_session(session)
        self.resellers_page.set_session(session)
        self.users_page.set_session(session)
        self.live_calls_page.set_session(session)
        self.reports_page.set_session(session)
        self.service_page.set_session(session)
        self.settings_page.set_session(session)
        self.live_stream.start(session.client)
        self._show_pages_for(session)
        if self.stack.currentWidget() is self.account_details_page:
            self._back_to_accounts()

    def _show_pages_for(self, session: DeskSession) -> None:
        """A page with a ROLES attribute is listed only for those roles (the service refuses the others anyway)."""
        for row, (_key, _title, page) in enumerate(self._pages):
            roles = getattr(page, "ROLES", None)
            self.navigation.item(row).setHidden(roles is not None and session.user.role not in roles)
        if self.navigation.currentItem() is None or self.navigation.currentItem().isHidden():
            self.navigation.setCurrentRow(0)

    def _add_account_details(self) -> AccountDetailsPage:
        """One account in full: opened from the accounts table, so it has no row in the navigation."""
        page = AccountDetailsPage()
        self.stack.addWidget(page)
        self.accounts_page.account_opened.connect(self.open_account)
        page.back_requested.connect(self._back_to_accounts)
        page.page_requested.connect(self.show_page)
        self.navigation.itemClicked.connect(self._navigation_clicked)
        return page

    def open_account(self, account_id: int) -> AccountDetailsPage:
        self.stack.setCurrentWidget(self.account_details_page)
        self.account_details_page.open_account(account_id)
        return self.account_details_page

    def _back_to_accounts(self) -> None:
        self.stack.setCurrentWidget(self.accounts_page)

    def _navigation_clicked(self) -> None:
        """A click on the row already chosen (Accounts, while an account is open) shows that page again."""
        self.stack.setCurrentIndex(self.navigation.currentRow())

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
        self.live_stream.stop()  # its thread ends here, before the token goes
        self.dashboard_page.stop()
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
