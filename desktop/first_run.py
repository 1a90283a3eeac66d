"""The first run: a service without users (a new installation) gets its first admin and the company settings
(POST /setup, which signs the admin in), then the offer of a first carrier; the wizard ends signed in.

Starting this computer's service comes before (`desktop.start_up`); a service that has users gets the sign-in
dialog instead, never this wizard.
"""

from __future__ import annotations

from desktop import preferences
from desktop.api_client import ApiClient
from desktop.dialogs import DiscardGuard
from desktop.ops import Op, error_text
from desktop.pages.forms import unchecked
from desktop.qt import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QShowEvent,
    QSpinBox,
    QTimeZone,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from desktop.session import DeskSession
from desktop.styling import as_error
from switch_service.api.schemas import time_zone_names
from switch_service.api.schemas.carriers import CarrierCreate, CarrierOut, GatewayCreate
from switch_service.api.schemas.setup import SetupIn
from switch_service.api.schemas.users import MIN_PASSWORD_LENGTH

PAGE_ADMIN, PAGE_CARRIER = range(2)
DEFAULT_CURRENCY = "USD"
DEFAULT_USERNAME = "admin"
DEFAULT_SIP_PORT = 5060


def _set_up(client: ApiClient, body: SetupIn) -> DeskSession:
    """Blocking: the first admin and the company; signed in with the answer's token, as after a sign-in."""
    answer = client.first_setup(body)
    return DeskSession(client=client, user=answer.user, health=client.health(), expires_at=answer.expires_at)


class FirstRunWizard(QWizard):
    """Ends accepted with `session` set (signed in). Escape or closing it asks first when something was typed."""

    def __init__(self, parent: QWidget | None, client: ApiClient) -> None:
        super().__init__(parent)
        self.client = client
        self.session: DeskSession | None = None
        self.guard = DiscardGuard(self)
        self.setWindowTitle(self.tr("Set up Carrierdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumWidth(560)
        self.admin_page = AdminPage(self)
        self.carrier_page = CarrierPage(self)
        self.setPage(PAGE_ADMIN, self.admin_page)
        self.setPage(PAGE_CARRIER, self.carrier_page)
        self.setStartId(PAGE_ADMIN)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.guard.watch()
        super().showEvent(event)

    def reject(self) -> None:
        if self.guard.allows_closing(self._discard):
            self._discard()

    def _discard(self) -> None:
        super().reject()


class _Page(QWizardPage):
    """A page with an error line under its form; its network work runs through Op."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.first_run = wizard
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        as_error(self.error_label)
        self.error_label.hide()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))


class AdminPage(_Page):
    """The first admin and the company; Create makes them (the service judges every value). Create is enabled once
    every field holds something, the pre-filled user name and currency included (Qt's mandatory fields would count
    an untouched default as empty), and the line under the form says what is still missing."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your company and its administrator"))
        self.setSubTitle(self.tr("The administrator may do everything, including adding the other users."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        self.username_edit = QLineEdit(DEFAULT_USERNAME)
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_rule = QLabel(self.tr("At least {count} characters.").format(count=MIN_PASSWORD_LENGTH))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.company_edit = QLineEdit()
        self.company_edit.setMaxLength(120)
        self.currency_edit = QLineEdit(_system_currency())
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setToolTip(self.tr("ISO 4217 code of the money you bill in: USD, EUR, GBP, …"))
        self.time_zone_box = QComboBox()
        self.time_zone_box.setEditable(True)
        self.time_zone_box.addItems(sorted(time_zone_names()))
        self.time_zone_box.setCurrentText(_system_time_zone())
        self.time_zone_box.setToolTip(self.tr("Reports, daily caps and peak hours follow this time zone"))
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self._op: Op[DeskSession] | None = None
        for edit in (self.username_edit, self.password_edit, self.repeat_edit, self.company_edit, self.currency_edit):
            edit.textChanged.connect(self._changed)
        self.time_zone_box.currentTextChanged.connect(self._changed)

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow("", self.password_rule)
        form.addRow(self.tr("Password again"), self.repeat_edit)
        form.addRow(self.tr("Company name"), self.company_edit)
        form.addRow(self.tr("Currency"), self.currency_edit)
        form.addRow(self.tr("Time zone"), self.time_zone_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.error_label)
        self._changed()

    def missing(self) -> list[str]:
        """What Create still waits for, in the user's words; empty when the form is complete."""
        needs = []
        if not self.username_edit.text().strip():
            needs.append(self.tr("a user name"))
        if len(self.password_edit.text()) < MIN_PASSWORD_LENGTH:
            needs.append(self.tr("a password of at least {count} characters").format(count=MIN_PASSWORD_LENGTH))
        elif self.repeat_edit.text() != self.password_edit.text():
            needs.append(self.tr("the same password typed again"))
        if not self.company_edit.text().strip():
            needs.append(self.tr("the company name"))
        if len(self.currency_edit.text().strip()) != len(DEFAULT_CURRENCY):
            needs.append(self.tr("a currency code of three letters"))
        if self.time_zone_box.currentText() not in time_zone_names():
            needs.append(self.tr("a time zone from the list"))
        return needs

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.first_run.session is not None or not self.missing()

    def _changed(self) -> None:
        needs = self.missing()
        self.missing_label.setText(self.tr("Create needs {items}.").format(items=", ".join(needs)))
        self.missing_label.setVisible(bool(needs) and self.first_run.session is None)
        self.completeChanged.emit()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.first_run.session is not None:
            return True
        if self._op is not None and not self._op.finished:
            return False
        self.show_error("")
        body = unchecked(SetupIn, username=self.username_edit.text().strip(), password=self.password_edit.text(),
                         company_name=self.company_edit.text().strip(),
                         currency=self.currency_edit.text().strip(), time_zone=self.time_zone_box.currentText())
        client = self.first_run.client
        self._op = (Op(self, lambda: _set_up(client, body))
                    .success(self._created).failure(self._failed).busy(self.tr("Creating the administrator…")).run())
        return False

    def _created(self, session: DeskSession) -> None:
        preferences.remember_sign_in(session.client.base_url, session.user.username)
        self.first_run.session = session
        self.first_run.guard.typed = False  # saved
        for edit in (self.username_edit, self.password_edit, self.repeat_edit, self.company_edit,
                     self.currency_edit, self.time_zone_box):
            edit.setEnabled(False)
        self.first_run.next()

    def _failed(self, error: Exception) -> None:
        self.show_error(error_text(error))


class CarrierPage(_Page):
    """A first carrier with one gateway (the rest on the Carriers page); empty fields skip it."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your first carrier"))
        self.setSubTitle(self.tr("The carrier your calls go out through, and the address of its gateway. Leave "
                                 "the fields empty to skip: carriers can be added later on the Carriers page."))
        self.name_edit = QLineEdit()
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("host name or IP address"))
        self.port_box = QSpinBox()
        self.port_box.setRange(1, 65535)
        self.port_box.setValue(DEFAULT_SIP_PORT)
        self.port_box.setMaximumWidth(120)
        self.carrier: CarrierOut | None = None
        self._op: Op[CarrierOut] | None = None
        form = QFormLayout()
        form.addRow(self.tr("Carrier name"), self.name_edit)
        form.addRow(self.tr("Gateway host"), self.host_edit)
        form.addRow(self.tr("Gateway port"), self.port_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        name, host = self.name_edit.text().strip(), self.host_edit.text().strip()
        if self.carrier is not None or not (name or host):
            return True
        if self._op is not None and not self._op.finished:
            return False
        self.show_error("")
        gateway = unchecked(GatewayCreate, host=host, port=self.port_box.value())
        body = unchecked(CarrierCreate, name=name, gateways=[gateway])
        client = self.first_run.client
        self._op = (Op(self, lambda: client.post("/carriers", CarrierOut, body))
                    .success(self._created).failure(self._failed).busy(self.tr("Adding the carrier…")).run())
        return False

    def _created(self, carrier: CarrierOut) -> None:
        self.carrier = carrier
        self.first_run.accept()

    def _failed(self, error: Exception) -> None:
        self.show_error(error_text(error))


def _system_currency() -> str:
    code = QLocale.system().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code if len(code) == len(DEFAULT_CURRENCY) else DEFAULT_CURRENCY


def _system_time_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    return name if name in time_zone_names() else "UTC"
