"""The Settings page: the company (name, currency, time zone: the service's, GET|PATCH /company, changed by
admins) and the settings of this desktop (QSettings, `desktop.preferences`: which service it signs in to, the
remembered user name and the language). Both declared once as data and the forms built from those lists, as Vorta
does: a company setting is one more `Field` in `company_fields`.

The service's own machine settings (ports, database) stay on that machine: `carrier-switch config set`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from desktop import preferences
from desktop.api_client import ApiClient, normalise_base_url
from desktop.language_menu import LanguageMenu
from desktop.ops import Op, error_text
from desktop.pages.forms import Field, FieldErrors, FieldForm, FormValueError
from desktop.pages.forms import Kind as FieldKind
from desktop.qt import (
    QAction,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPalette,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)
from desktop.service_errors import problems_of
from desktop.session import DeskSession
from desktop.styling import as_error, as_heading
from switch_service.api.schemas import Health, Role, time_zone_names
from switch_service.api.schemas.setup import CompanyOut, CompanyUpdate

FORM_WIDTH = 720


class Kind(enum.Enum):
    TEXT = "text"
    SERVICE_URL = "service_url"  # text, normalised, with a button that asks the service who it is
    LANGUAGE = "language"  # the Language menu of the main window, on a button


@dataclass(frozen=True)
class Setting:
    key: str
    kind: Kind
    label: str
    help: str
    read: Callable[[], str]
    store: Callable[[str], None] | None  # None: the widget stores it itself (the Language menu does)


def _store_username(name: str) -> None:
    preferences.remember_sign_in(preferences.api_url(), name)


def desktop_settings() -> list[Setting]:
    """Made when the page is, so the labels are in the language of the day."""
    return [
        Setting("api_url", Kind.SERVICE_URL, QCoreApplication.translate("Settings", "Service address"),
                QCoreApplication.translate("Settings", "The Carrierdesk service this desktop signs in to, e.g. "
                                                       "http://127.0.0.1:8470. Used from the next start."),
                preferences.api_url, preferences.remember_api_url),
        Setting("username", Kind.TEXT, QCoreApplication.translate("Settings", "Remembered user name"),
                QCoreApplication.translate("Settings", "Filled in at sign-in. Leave it empty to forget it."),
                preferences.last_username, _store_username),
        Setting("language", Kind.LANGUAGE, QCoreApplication.translate("Settings", "Language"),
                QCoreApplication.translate("Settings", "Stored when chosen; applies from the next start."),
                preferences.language, None),
    ]


def company_fields() -> list[Field]:
    """The company's settings (CompanyUpdate's fields); made when the page is, in the language of the day."""
    return [
        Field("name", QCoreApplication.translate("Settings", "Company name"),
              help=QCoreApplication.translate("Settings", "On receipts and statements")),
        Field("currency", QCoreApplication.translate("Settings", "Currency"), max_length=3,
              help=QCoreApplication.translate("Settings", "ISO 4217 code of the money you bill in (USD, EUR, …): "
                                                          "new accounts, tariffs and cards take it")),
        Field("time_zone", QCoreApplication.translate("Settings", "Time zone"), FieldKind.CHOICE,
              help=QCoreApplication.translate("Settings", "Reports, daily caps, peak hours and recurring fees of "
                                                          "new accounts follow it")),
        Field("address", QCoreApplication.translate("Settings", "Address"), max_length=400,
              help=QCoreApplication.translate("Settings", "Printed under the company name on statements and "
                                                          "invoices")),
    ]


class CompanySection(QWidget):
    """The company's settings from the service; admins change them (PATCH /company, only what changed). The
    service judges the values: what it refuses is shown under the field (`desktop.pages.forms`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self.admin = False
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._plain_palette = self.status_label.palette()
        self.errors = FieldErrors(self.status_label)
        self.form = FieldForm(company_fields(), self.errors)
        self.form.set_choices("time_zone", [(name, name) for name in sorted(time_zone_names())])
        self.save_button = QPushButton(self.tr("Save company settings"))
        self.save_button.clicked.connect(self.save)
        title = QLabel(self.tr("Company"))
        as_heading(title)
        for edit in self.form.widgets.values():
            if isinstance(edit, QLineEdit):
                edit.returnPressed.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.admin = session.user.role is Role.ADMIN
        self.form.setEnabled(self.admin)
        self.save_button.setVisible(self.admin)
        self.load()

    def load(self) -> None:
        session = self._session
        if session is None:
            return
        client = session.client
        self._say("")
        (Op(self, lambda: client.get("/company", CompanyOut))
         .success(self._show)
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(None).run())

    def _show(self, company: CompanyOut) -> None:
        self.form.set_values(company)

    def save(self) -> None:
        session = self._session
        if session is None or not self.admin:
            return
        try:
            changes = self.form.changes()
        except FormValueError as exc:
            self._say("", error=True)
            self.errors.show_at(exc.field, exc.message)
            return
        if not changes:
            self._say(self.tr("Nothing changed."))
            return
        client, body = session.client, CompanyUpdate.model_construct(**changes)  # the service judges the values
        self.save_button.setEnabled(False)
        (Op(self, lambda: client.patch("/company", CompanyOut, body))
         .success(self._saved)
         .failure(self._refused)
         .finally_(lambda: self.save_button.setEnabled(True))
         .busy(self.tr("Saving the company settings…")).run())

    def _saved(self, company: CompanyOut) -> None:
        self._show(company)
        self._say(self.tr("Saved: {name}, {currency}, {zone}.").format(name=company.name, currency=company.currency,
                                                                       zone=company.time_zone))

    def _refused(self, error: Exception) -> None:
        """The service's refusal, each problem under its field (what names none in the status line)."""
        self._say("", error=True)
        self.errors.show_problems(problems_of(error))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.errors.clear()
        self.status_label.setPalette(self._plain_palette)
        if error:
            as_error(self.status_label)
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))


class SettingsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.company = CompanySection()
        self.settings = desktop_settings()
        self.edits: dict[str, QLineEdit] = {}
        self.language_button = QPushButton()
        self.language_button.setEnabled(False)  # until `use_language_menu`
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setToolTip(self.tr("Ask the service at this address who it is"))
        self.check_button.clicked.connect(self.check_service)

        title = QLabel(self.tr("Settings of this desktop"))
        as_heading(title)
        form = QFormLayout()
        for setting in self.settings:
            form.addRow(setting.label, self._make_row(setting))
            hint = QLabel(setting.help)
            hint.setWordWrap(True)
            _muted(hint)
            form.addRow("", hint)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._plain_palette = self.status_label.palette()
        service_note = QLabel(self.tr(
            "Settings of the service's machine (ports, database) are kept there: carrier-switch config show lists "
            "them, carrier-switch config set changes one."))
        service_note.setWordWrap(True)
        service_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        _muted(service_note)

        column = QWidget()  # a readable width, not the whole window
        column.setMaximumWidth(FORM_WIDTH)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.company)
        column_layout.addSpacing(self.fontMetrics().height())
        column_layout.addWidget(title)
        column_layout.addLayout(form)
        column_layout.addLayout(buttons)
        column_layout.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addWidget(column)
        layout.addStretch(1)
        layout.addWidget(service_note)
        self.load()

    def _make_row(self, setting: Setting) -> QWidget | QHBoxLayout:
        if setting.kind is Kind.LANGUAGE:
            self.language_button.setObjectName(setting.key)
            self.language_button.setToolTip(setting.help)
            return self.language_button
        edit = QLineEdit()
        edit.setObjectName(setting.key)
        edit.setToolTip(setting.help)
        edit.setMaxLength(200)
        edit.returnPressed.connect(self.save)
        self.edits[setting.key] = edit
        if setting.kind is not Kind.SERVICE_URL:
            return edit
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(self.check_button)
        return row

    def set_session(self, session: DeskSession) -> None:
        self.company.set_session(session)

    def use_language_menu(self, menu: LanguageMenu) -> None:
        """The main window's Language menu, so the choice is made (and shown as checked) in one place."""
        self.language_button.setMenu(menu)
        self.language_button.setEnabled(True)
        menu.group.triggered.connect(self._language_chosen)
        checked = menu.group.checkedAction()
        if checked is not None:
            self._language_chosen(checked)

    def _language_chosen(self, action: QAction) -> None:
        self.language_button.setText(action.text())

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.edits.items()}

    def load(self) -> None:
        """Show what is stored."""
        for setting in self.settings:
            if setting.key in self.edits:
                self.edits[setting.key].setText(setting.read())
        self._status("")

    def save(self) -> None:
        values = self.values()
        url = values.get("api_url", "")
        if not url:
            self._status(self.tr("Enter the address of the Carrierdesk service."), error=True)
            return
        values["api_url"] = normalise_base_url(url)
        for setting in self.settings:
            if setting.store is not None and setting.key in values:
                setting.store(values[setting.key])
        self.load()
        self._status(self.tr("Saved. The desktop uses them from its next start."))

    def check_service(self) -> None:
        text = self.edits["api_url"].text().strip()
        if not text:
            self._status(self.tr("Enter the address of the Carrierdesk service."), error=True)
            return
        client = ApiClient(text)
        self.check_button.setEnabled(False)
        self._status(self.tr("Asking {url}…").format(url=client.base_url))

        def ask() -> Health:
            try:
                return client.health()
            finally:
                client.close()

        (Op(self, ask)
         .success(lambda health: self._status(self.tr("Carrierdesk {version} answers at {url} ({database}).")
                                              .format(version=health.version, url=client.base_url,
                                                      database=health.database)))
         .failure(lambda error: self._status(error_text(error), error=True))
         .finally_(lambda: self.check_button.setEnabled(True))
         .busy(None)
         .run())

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setPalette(self._plain_palette)
        if error:
            as_error(self.status_label)
        self.status_label.setText(text)


def _muted(label: QLabel) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
