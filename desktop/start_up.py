"""What happens before the main window: find the service, start this computer's service when it is not running,
set up a new installation (the first-run wizard), else ask to sign in.

- The service address is `--api`, else the one chosen in Settings, else this computer's service as its config file
  says (`desktop.preferences.api_url`).
- At this computer's address: nothing answers → the service is started here (`desktop.local_service`), with a
  window saying so and, when it fails, showing why in the service's own words, with Try again and Quit; another
  installation answers (its instance id is not the one in this computer's data folder) → the same window says
  which one and what to do, and the desktop does not use it.
- A service without users → the first-run wizard; with users → the sign-in dialog. A later start never shows the
  wizard again: the service started here has its users.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from desktop.api_client import ApiClient, ApiError, ServiceUnreachableError
from desktop.dialogs import DeskDialog
from desktop.first_run import FirstRunWizard
from desktop.local_service import (
    ForeignServiceError,
    LocalInstallation,
    LocalService,
    LocalServiceError,
    local_installation,
    upgrade_database,
)
from desktop.ops import Op, error_text
from desktop.qt import (
    QDialog,
    QEventLoop,
    QFontDatabase,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QShowEvent,
    Qt,
    QTextCursor,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession
from desktop.styling import as_error
from switch_service.api.schemas import Health
from switch_service.errors import UserError

T = TypeVar("T")


class ServiceState(enum.Enum):
    UNREACHABLE = "unreachable"  # nothing answers at the address
    NEEDS_ADMIN = "needs_admin"  # a service without users: the wizard creates the first admin
    READY = "ready"  # a service with users (or one that cannot say): sign in
    FOREIGN = "foreign"  # at this computer's address, another installation's service: not used


@dataclass(frozen=True)
class Found:
    state: ServiceState
    health: Health | None = None


def probe(client: ApiClient, installation: LocalInstallation | None) -> Found:
    """Blocking (run it in an Op): what answers at the client's address and what it needs. `installation`: this
    computer's service when the address is its own, so another installation there is told apart."""
    try:
        health = client.health()
    except ServiceUnreachableError:
        return Found(ServiceState.UNREACHABLE)
    except ApiError:  # an older or odd service: the sign-in dialog says what is wrong
        return Found(ServiceState.READY)
    if installation is not None and health.instance_id and health.instance_id != installation.instance_id:
        return Found(ServiceState.FOREIGN, health)
    try:
        status = client.setup_status()
    except ApiError:
        return Found(ServiceState.READY, health)
    return Found(ServiceState.NEEDS_ADMIN if status.needs_admin else ServiceState.READY, health)


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


@dataclass
class StartUp:
    """How the start-up went: `go_on` False when the owner quit; `session` when the wizard signed the new admin in
    (else the sign-in dialog comes next); `local_services` the services started here, stopped when the desktop
    closes."""

    go_on: bool
    session: DeskSession | None = None
    local_services: list[LocalService] = field(default_factory=list)

    def stop(self) -> None:
        for service in self.local_services:
            service.stop()


def this_computers(api_url: str) -> tuple[LocalInstallation | None, str]:
    """This computer's installation when `api_url` is its address, and a problem with its config file ("" if
    none): with a config file the service would refuse, the service cannot be started from here."""
    try:
        installation = local_installation()
    except UserError as exc:
        return None, str(exc)
    return (installation if installation.serves(api_url) else None), ""


def start_up(api_url: str) -> StartUp:
    """Blocking, before any window: see the module's docstring."""
    client = ApiClient(api_url)
    installation, config_problem = this_computers(api_url)
    found = wait_for(None, lambda: probe(client, installation))
    started: list[LocalService] = []
    if found.state is ServiceState.FOREIGN or (found.state is ServiceState.UNREACHABLE
                                               and (installation is not None or config_problem)):
        window = ServiceStartDialog(None, client, found, started)
        if window.exec() != QDialog.DialogCode.Accepted:
            return StartUp(go_on=False, local_services=started)
        found = window.found
    if found.state is ServiceState.NEEDS_ADMIN:
        wizard = FirstRunWizard(None, client)
        accepted = wizard.exec() == QDialog.DialogCode.Accepted
        return StartUp(go_on=accepted and wizard.session is not None, session=wizard.session if accepted else None,
                       local_services=started)
    return StartUp(go_on=True, local_services=started)  # the sign-in dialog (which says when nothing answers)


def _start(installation: LocalInstallation, started: list[LocalService]) -> None:
    """Blocking: prepare the database and start the service; returns once it answers as the process started here.
    The process is in `started` from its first moment, so quitting meanwhile still stops it."""
    upgrade_database()
    service = LocalService(installation)
    started.append(service)
    service.wait_until_healthy()


class ServiceStartDialog(DeskDialog):
    """Starts this computer's service, or says why it cannot be used: in the user's language, with the service's own
    last words below. Accepted once the service at the address is this computer's and answers (`found`)."""

    ASKS_BEFORE_DISCARD = False

    def __init__(self, parent: QWidget | None, client: ApiClient, found: Found, started: list[LocalService]) -> None:
        super().__init__(parent)
        self.client = client
        self.found = found
        self.started = started
        self._shown = False
        self.setWindowTitle(self.tr("Carrierdesk"))
        self.setMinimumWidth(560)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a start-up has no measurable steps
        self.output_label = QLabel(self.tr("What the service said:"))
        self.output_box = QPlainTextEdit()
        self.output_box.setReadOnly(True)
        self.output_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.output_box.setMinimumHeight(self.fontMetrics().height() * 12)
        self.buttons = self.make_buttons(self.tr("Try again"), self.try_again, cancel=self.tr("Quit"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.message_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.output_label)
        layout.addWidget(self.output_box, 1)
        layout.addWidget(self.buttons)
        self._say("", busy=False)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._next(self.found)

    def try_again(self) -> None:
        self._say(self.tr("Asking the service…"))
        client, (installation, problem) = self.client, this_computers(self.client.base_url)
        if problem:
            self._config_problem(problem)
            return
        Op(self, lambda: probe(client, installation)).success(self._next).failure(self._failed).busy(None).run()

    def _next(self, found: Found) -> None:
        self.found = found
        installation, problem = this_computers(self.client.base_url)
        if found.state is ServiceState.FOREIGN:
            self._foreign(found.health)
        elif found.state is not ServiceState.UNREACHABLE:
            self.accept()
        elif problem:
            self._config_problem(problem)
        elif installation is None:
            self._say(self.tr("No Carrierdesk service answers at {url}.").format(url=self.client.base_url),
                      busy=False)
        else:
            self._start(installation)

    def _start(self, installation: LocalInstallation) -> None:
        self._say(self.tr("Starting the Carrierdesk service on this computer (its data: {folder})…").format(
            folder=installation.data_dir))
        started, client = self.started, self.client

        def start() -> Found:
            _start(installation, started)
            return probe(client, installation)

        Op(self, start).success(self._next).failure(self._failed).busy(None).run()

    def _failed(self, error: Exception) -> None:
        while self.started:  # one that did not come up: stopped now, not when the desktop closes
            self.started.pop().stop()
        if isinstance(error, ForeignServiceError):
            self._foreign(error.health, error.output)
        elif isinstance(error, LocalServiceError):
            headline = {
                LocalServiceError.UPGRADE: self.tr("The service's database could not be prepared."),
                LocalServiceError.EXITED: self.tr("The service on this computer stopped while starting."),
                LocalServiceError.TIMEOUT: self.tr("The service on this computer did not answer in time."),
            }.get(error.kind, error.message)
            self._say(headline, busy=False, output=error.output or error.message)
        else:
            self._say(error_text(error), busy=False)

    def _foreign(self, health: Health | None, output: str = "") -> None:
        where = (health.database_url or health.data_dir or health.database) if health is not None else ""
        self._say(self.tr(
            "Another Carrierdesk installation answers at {url} (its database: {where}). It is not this computer's "
            "service, so Carrierdesk does not use it. Stop that service, or give this computer's service another "
            "port with: carrier-switch config set api_port NUMBER").format(url=self.client.base_url, where=where),
            busy=False, output=output)

    def _config_problem(self, problem: str) -> None:
        self._say(self.tr("The service on this computer cannot start: its config file has a problem."),
                  busy=False, output=problem)

    def _say(self, message: str, *, busy: bool = True, output: str = "") -> None:
        self.message_label.setPalette(self.palette())
        if not busy and message:
            as_error(self.message_label)
        self.message_label.setText(message)
        self.progress.setVisible(busy)
        self.output_label.setVisible(bool(output))
        self.output_box.setVisible(bool(output))
        self.output_box.setPlainText(output)
        if self.action_button is not None:
            self.action_button.setEnabled(not busy)
        self.fit_height()  # room for the wrapped message
        self.output_box.moveCursor(QTextCursor.MoveOperation.End)  # its last line says why
        self.output_box.ensureCursorVisible()
