"""The first run: when no service answers at the desktop's address, or the one that answers has no user yet, a
wizard starts the service on this computer if asked (`desktop.local_service`), creates the first admin and the
company settings (POST /setup, which signs the admin in), offers to add a first carrier, and ends signed in.

When the service answers and already has users, there is no wizard: the normal sign-in dialog follows.
"""

from __future__ import annotations

import enum
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from desktop import preferences
from desktop.api_client import ApiClient, ApiError, ServiceUnreachableError
from desktop.local_service import LocalService, is_local, upgrade_database
from desktop.ops import Op, error_text
from desktop.pages.forms import unchecked
from desktop.qt import (
    QComboBox,
    QDialog,
    QEventLoop,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QLocale,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTimeZone,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from desktop.session import DeskSession
from desktop.styling import as_error
from switch_service.api.schemas.carriers import CarrierCreate, CarrierOut, GatewayCreate
from switch_service.api.schemas.setup import SetupIn

T = TypeVar("T")

PAGE_SERVICE, PAGE_ADMIN, PAGE_CARRIER = range(3)
DEFAULT_CURRENCY = "USD"
DEFAULT_SIP_PORT = 5060


class ServiceState(enum.Enum):
    UNREACHABLE = "unreachable"  # nothing answers at the address
    NEEDS_ADMIN = "needs_admin"  # a service without users: the wizard creates the first admin
    READY = "ready"  # a service with users (or one that cannot say): sign in


def service_state(client: ApiClient) -> ServiceState:
    """Blocking (run it in an Op): what the service at the client's address needs."""
    try:
        status = client.setup_status()
    except ServiceUnreachableError:
        return ServiceState.UNREACHABLE
    except ApiError:  # an older or odd service: the sign-in dialog says what is wrong
        return ServiceState.READY
    return ServiceState.NEEDS_ADMIN if status.needs_admin else ServiceState.READY


def wait_for(parent: QWidget | None, fn: Callable[[], T]) -> T:
    """Run `fn` in an Op and wait in a local event loop (the GUI keeps painting): for the start-up check, before
    any window exists. `fn` must not raise."""
    holder = QWidget(parent)  # the Op's parent: it lives until the answer is in
    loop = QEventLoop()
    results: list[T] = []

    def done(result: T) -> None:
        results.append(result)
        loop.quit()

    Op(holder, fn).success(done).busy(None).run()
    loop.exec()
    holder.deleteLater()
    return results[0]


def _set_up(client: ApiClient, body: SetupIn) -> DeskSession:
    """Blocking: the first admin and the company; signed in with the answer's token, as after a sign-in."""
    answer = client.first_setup(body)
    return DeskSession(client=client, user=answer.user, health=client.health(), expires_at=answer.expires_at)


class FirstRunWizard(QWizard):
    """Ends accepted with `session` set (signed in), or with `sign_in_instead` (the service has users). A service
    started here is `local_service`: whoever runs the wizard stops it when the desktop closes."""

    def __init__(self, parent: QWidget | None, api_url: str, state: ServiceState) -> None:
        super().__init__(parent)
        self.client = ApiClient(api_url)
        self.local_service: LocalService | None = None
        self.session: DeskSession | None = None
        self.sign_in_instead = False
        self.setWindowTitle(self.tr("Set up Carrierdesk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumWidth(560)
        self.service_page = ServicePage(self)
        self.admin_page = AdminPage(self)
        self.carrier_page = CarrierPage(self)
        self.setPage(PAGE_SERVICE, self.service_page)
        self.setPage(PAGE_ADMIN, self.admin_page)
        self.setPage(PAGE_CARRIER, self.carrier_page)
        self.setStartId(PAGE_SERVICE if state is ServiceState.UNREACHABLE else PAGE_ADMIN)

    def service_answered(self, state: ServiceState) -> None:
        if state is ServiceState.READY:
            self.sign_in_instead = True
            self.accept()
        else:
            self.next()

    def stop_local_service(self) -> None:
        if self.local_service is not None:
            self.local_service.stop()


@dataclass(frozen=True)
class FirstRun:
    """How the start-up went: `go_on` False when the owner closed the wizard; `session` when the wizard signed
    the new admin in (else the sign-in dialog comes next); `local_service` when it started one."""

    go_on: bool
    session: DeskSession | None = None
    local_service: LocalService | None = None

    def stop(self) -> None:
        """Stop the service started here, if any (when the desktop closes)."""
        if self.local_service is not None:
            self.local_service.stop()


def first_run(api_url: str) -> FirstRun:
    """Ask the service at `api_url` what it needs; run the wizard unless it answers and has users."""
    client = ApiClient(api_url)
    state = wait_for(None, lambda: service_state(client))
    if state is ServiceState.READY:
        return FirstRun(go_on=True)
    wizard = FirstRunWizard(None, api_url, state)
    accepted = wizard.exec() == QDialog.DialogCode.Accepted
    return FirstRun(go_on=accepted and (wizard.session is not None or wizard.sign_in_instead),
                    session=wizard.session if accepted else None, local_service=wizard.local_service)


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


class ServicePage(_Page):
    """Nothing answers at the address: start the service on this computer, or try the address again."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("No service answers"))
        url = wizard.client.base_url
        self.setSubTitle(self.tr("No Carrierdesk service answers at {url}.").format(url=url))
        local = is_local(url)
        explain = QLabel(
            self.tr("Start the service on this computer: it keeps its data in a database file in your user "
                    "folder, and it stops when you close Carrierdesk.") if local else
            self.tr("That address is another computer: start the service there, then try again.")
        )
        explain.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Start the local service"))
        self.start_button.setEnabled(local)
        self.start_button.clicked.connect(self._start)
        self.retry_button = QPushButton(self.tr("Try again"))
        self.retry_button.clicked.connect(self._retry)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a start-up has no measurable steps
        self.progress.hide()
        self.status_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.retry_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addStretch()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return False  # the page moves on by itself once a service answers

    def _busy(self, text: str) -> None:
        self.show_error("")
        self.status_label.setText(text)
        self.progress.setVisible(bool(text))
        self.start_button.setEnabled(not text and is_local(self.first_run.client.base_url))
        self.retry_button.setEnabled(not text)

    def _start(self) -> None:
        self._busy(self.tr("Preparing the database…"))
        Op(self, upgrade_database).success(self._serve).failure(self._failed).busy(None).run()

    def _serve(self, _nothing: None) -> None:
        self._busy(self.tr("Starting the service…"))
        self.first_run.stop_local_service()  # one that failed before
        local = self.first_run.local_service = LocalService()
        client = self.first_run.client

        def start() -> ServiceState:
            local.wait_until_healthy(client.base_url)
            return service_state(client)

        Op(self, start).success(self._answered).failure(self._failed).busy(None).run()

    def _retry(self) -> None:
        self._busy(self.tr("Asking the service…"))
        client = self.first_run.client
        Op(self, lambda: service_state(client)).success(self._answered).failure(self._failed).busy(None).run()

    def _answered(self, state: ServiceState) -> None:
        if state is ServiceState.UNREACHABLE:
            self._failed(ServiceUnreachableError(self.first_run.client.base_url, "connection refused"))
            return
        self._busy("")
        self.first_run.service_answered(state)

    def _failed(self, error: Exception) -> None:
        self._busy("")
        self.show_error(error_text(error))


class AdminPage(_Page):
    """The first admin and the company; Next creates them (the service judges every value)."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Your company and its administrator"))
        self.setSubTitle(self.tr("The administrator may do everything, including adding the other users."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        self.username_edit = QLineEdit("admin")
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.company_edit = QLineEdit()
        self.company_edit.setMaxLength(120)
        self.currency_edit = QLineEdit(_system_currency())
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setToolTip(self.tr("ISO 4217 code of the money you bill in: USD, EUR, GBP, …"))
        self.time_zone_box = QComboBox()
        self.time_zone_box.setEditable(True)
        self.time_zone_box.addItems(sorted(zoneinfo.available_timezones()))
        self.time_zone_box.setCurrentText(_system_time_zone())
        self.time_zone_box.setToolTip(self.tr("Reports, daily caps and peak hours follow this time zone"))
        self.registerField("username*", self.username_edit)
        self.registerField("password*", self.password_edit)
        self.registerField("repeat*", self.repeat_edit)
        self.registerField("company*", self.company_edit)
        self.registerField("currency*", self.currency_edit)
        self._op: Op[DeskSession] | None = None

        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        form.addRow(self.tr("Password again"), self.repeat_edit)
        form.addRow(self.tr("Company name"), self.company_edit)
        form.addRow(self.tr("Currency"), self.currency_edit)
        form.addRow(self.tr("Time zone"), self.time_zone_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.first_run.session is not None:
            return True
        if self._op is not None and not self._op.finished:
            return False
        if self.password_edit.text() != self.repeat_edit.text():
            self.show_error(self.tr("The two passwords differ: type the same password twice."))
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
    return name if name in zoneinfo.available_timezones() else "UTC"
