"""The Service page (admin only; the seed's Application Manager): each component of the running service with its
state, since when, ports and counters, and a Restart button; the backups with Back up now / Restore (a job of the
service, with a progress bar); the last lines of the service's log with a filter.

Everything goes through the API (`/service`, `/service/log`, `/backups`); the page refreshes the components every
few seconds while it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from desktop.api_client import ApiClient
from desktop.file_choosers import save_chooser
from desktop.job_poller import JobPoller
from desktop.ops import Op, error_text
from desktop.qt import (
    QAbstractItemView,
    QComboBox,
    QCoreApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QHideEvent,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QShowEvent,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession
from desktop.styling import as_error, as_heading
from switch_service.api.schemas import Role
from switch_service.api.schemas.jobs import JobOut, JobState
from switch_service.api.schemas.service import (
    BackupList,
    ComponentOut,
    ComponentState,
    LogTailOut,
    NodeList,
    NodeState,
    RestoreIn,
    ServiceStatusOut,
)

REFRESH_MS = 5000
LOG_LINES = 500
COL_NAME, COL_STATE, COL_SINCE, COL_PORTS, COL_COUNTERS = range(5)
LEVELS = ("", "INFO", "WARNING", "ERROR")


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def component_name(name: str) -> str:
    names = {"sip": QCoreApplication.translate("ServiceManager", "SIP switch"),
             "radius": QCoreApplication.translate("ServiceManager", "RADIUS server"),
             "api": QCoreApplication.translate("ServiceManager", "HTTP API"),
             "backups": QCoreApplication.translate("ServiceManager", "Scheduled backups"),
             "mail": QCoreApplication.translate("ServiceManager", "E-mail notifications"),
             "node": QCoreApplication.translate("ServiceManager", "Node lease"),
             "duties": QCoreApplication.translate("ServiceManager", "Cluster duties")}
    return names.get(name, name)


def state_name(state: ComponentState) -> str:
    names = {ComponentState.STARTING: QCoreApplication.translate("ServiceManager", "starting"),
             ComponentState.RUNNING: QCoreApplication.translate("ServiceManager", "running"),
             ComponentState.STOPPING: QCoreApplication.translate("ServiceManager", "stopping"),
             ComponentState.STOPPED: QCoreApplication.translate("ServiceManager", "stopped"),
             ComponentState.FAILED: QCoreApplication.translate("ServiceManager", "failed")}
    return names[state]


def node_state_name(state: NodeState) -> str:
    names = {NodeState.RUNNING: QCoreApplication.translate("ServiceManager", "running"),
             NodeState.LEASE_RAN_OUT: QCoreApplication.translate("ServiceManager", "lease ran out"),
             NodeState.DOWN: QCoreApplication.translate("ServiceManager", "down")}
    return names[state]


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1e3))} kB"


def _figures(values: dict[str, int]) -> str:
    return ", ".join(f"{name.replace('_', ' ')} {value}" for name, value in values.items())


class ServiceManagerPage(QWidget):
    ROLES: ClassVar[frozenset[Role]] = frozenset({Role.ADMIN})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._components: list[ComponentOut] = []
        self.confirm_box: QMessageBox | None = None
        self.summary_label = QLabel()
        as_heading(self.summary_label)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()

        self.components_table = self._table([self.tr("Component"), self.tr("State"), self.tr("Since"),
                                             self.tr("Ports"), self.tr("Counters")])
        self.components_table.itemSelectionChanged.connect(self._selection_changed)
        self.restart_button = QPushButton(self.tr("Restart…"))
        self.restart_button.setEnabled(False)
        self.restart_button.clicked.connect(self.ask_restart)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)

        self.nodes_table = self._table([self.tr("Node"), self.tr("State"), self.tr("Duties"), self.tr("SIP address"),
                                        self.tr("Lease until"), self.tr("Calls settled by")])
        self.backups_table = self._table([self.tr("Backup"), self.tr("Size"), self.tr("Made")])
        self.backups_table.itemSelectionChanged.connect(self._selection_changed)
        self.backup_label = QLabel()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.start_backup)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.ask_restore)
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.save_button.clicked.connect(self.save_copy)
        self.progress = QProgressBar()
        self.progress.hide()
        self.poller: JobPoller | None = None

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Lines containing…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.returnPressed.connect(self.load_log)
        self.level_box = QComboBox()
        for level in LEVELS:
            self.level_box.addItem(level or self.tr("Every level"), level)
        self.level_box.currentIndexChanged.connect(self.load_log)
        self.log_button = QPushButton(self.tr("Show"))
        self.log_button.clicked.connect(self.load_log)
        self.log_view = QPlainTextEdit()
        self.log_view.setReadOnly(True)
        self.log_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.log_path_label = QLabel()

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_status)
        self._layout()
        self._selection_changed()

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _layout(self) -> None:
        components = QGroupBox(self.tr("Components"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restart_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch()
        box = QVBoxLayout(components)
        box.addWidget(self.components_table)
        box.addLayout(buttons)

        backups = QGroupBox(self.tr("Backups"))
        backup_buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.save_button):
            backup_buttons.addWidget(button)
        backup_buttons.addWidget(self.progress, 1)
        box = QVBoxLayout(backups)
        box.addWidget(self.backup_label)
        box.addWidget(self.backups_table)
        box.addLayout(backup_buttons)

        log = QGroupBox(self.tr("Service log"))
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.level_box)
        filters.addWidget(self.log_button)
        box = QVBoxLayout(log)
        box.addLayout(filters)
        box.addWidget(self.log_view)
        box.addWidget(self.log_path_label)

        nodes = QGroupBox(self.tr("Switch nodes on this database"))
        QVBoxLayout(nodes).addWidget(self.nodes_table)
        right = QVBoxLayout()
        right.addWidget(backups, 1)
        right.addWidget(nodes, 1)
        top = QHBoxLayout()
        top.addWidget(components, 3)
        top.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.message_label)
        layout.addLayout(top, 3)
        layout.addWidget(log, 2)

    # --- session and refresh ----------------------------------------------------------------------

    def set_session(self, session: DeskSession) -> None:
        self._client = session.client
        if session.user.role in self.ROLES:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        self._refresh_status()
        self._refresh_backups()
        self.load_log()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setPalette(self.palette())
        if error:
            as_error(self.message_label)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _refresh_status(self) -> None:
        client = self._client
        if client is None:
            return
        (Op(self, lambda: client.get("/service", ServiceStatusOut))
         .success(self._show_status).failure(self._failed).busy(None).run())
        (Op(self, lambda: client.get("/service/nodes", NodeList))
         .success(self._show_nodes).failure(self._failed).busy(None).run())

    def _show_status(self, status: ServiceStatusOut) -> None:
        self.summary_label.setText(self.tr("Carrierdesk {version}, database schema {revision}, running since {since}")
                                   .format(version=status.version, revision=status.schema_revision or "-",
                                           since=_local(status.started_at)))
        chosen = self.selected_component()
        self._components = status.components
        table = self.components_table
        table.setRowCount(len(status.components))
        for row, component in enumerate(status.components):
            cells = [component_name(component.name), state_name(component.state), _local(component.since),
                     _figures(component.ports) or "-", _figures(component.counters)]
            if component.error:
                cells[COL_STATE] += f" ({component.error})"
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)  # the counters may be wider than their column
                table.setItem(row, column, item)
            if chosen is not None and component.name == chosen.name:
                table.selectRow(row)
        self._selection_changed()

    def _show_nodes(self, nodes: NodeList) -> None:
        """Every node of the cluster (one row for a single service), from the leases in the shared database."""
        table = self.nodes_table
        table.setRowCount(len(nodes.items))
        for row, node in enumerate(nodes.items):
            settled = (f"{node.recovered_by} ({_local(node.recovered_at)})"
                       if node.recovered_by and node.recovered_at else "")
            duties = self.tr("runs them") if node.duties else ""
            cells = (node.name, node_state_name(node.state), duties, node.sip_address or "", _local(node.lease_until),
                     settled)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setToolTip(self.tr("The cluster's duties: scheduled backups, the mail outbox, the monthly "
                                            "statements and recurring fees, run by one node at a time"))
                table.setItem(row, column, item)

    def _refresh_backups(self) -> None:
        client = self._client
        if client is None:
            return
        (Op(self, lambda: client.get("/backups", BackupList))
         .success(self._show_backups).failure(self._failed).busy(None).run())

    def _show_backups(self, backups: BackupList) -> None:
        every = (self.tr("every {hours} h").format(hours=backups.interval_h) if backups.interval_h
                 else self.tr("none scheduled"))
        self.backup_label.setText(self.tr("In {folder} ({every}, the last {keep} kept)")
                                  .format(folder=backups.folder, every=every, keep=backups.keep))
        table = self.backups_table
        table.setRowCount(len(backups.backups))
        for row, item in enumerate(backups.backups):
            for column, text in enumerate((item.name, _size(item.size), _local(item.created_at))):
                table.setItem(row, column, QTableWidgetItem(text))
        self._selection_changed()

    def _failed(self, error: Exception) -> None:
        self.say(error_text(error), error=True)

    # --- components ---------------------------------------------------------------------------------

    def selected_component(self) -> ComponentOut | None:
        rows = self.components_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._components):
            return None
        return self._components[rows[0].row()]

    def selected_backup(self) -> str | None:
        rows = self.backups_table.selectionModel().selectedRows()
        item = self.backups_table.item(rows[0].row(), 0) if rows else None
        return item.text() if item is not None else None

    def _selection_changed(self) -> None:
        busy = self.poller is not None and self.poller.active
        self.restart_button.setEnabled(self.selected_component() is not None)
        self.restore_button.setEnabled(self.selected_backup() is not None and not busy)
        self.save_button.setEnabled(self.selected_backup() is not None)
        self.backup_button.setEnabled(not busy)

    def ask_restart(self) -> QMessageBox | None:
        component = self.selected_component()
        if component is None:
            return None
        name = component_name(component.name)
        text = (self.tr("Restarting the SIP switch ends the calls in progress.") if component.name == "sip" else
                self.tr("Calls in progress go on while it restarts."))
        return self._confirm(self.tr("Restart {name}").format(name=name),
                             self.tr("Restart {name}?").format(name=name) + " " + text, self.tr("Restart"),
                             self.restart_selected)

    def restart_selected(self) -> None:
        component, client = self.selected_component(), self._client
        if component is None or client is None:
            return
        name = component.name
        self.say(self.tr("Restarting {name}…").format(name=component_name(name)))
        (Op(self, lambda: client.post(f"/service/components/{name}/restart", ComponentOut))
         .success(self._restarted).failure(self._failed).busy(self.tr("Restarting…")).run())

    def _restarted(self, component: ComponentOut) -> None:
        self.say(self.tr("{name} restarted.").format(name=component_name(component.name)))
        QTimer.singleShot(1000 if component.name == "api" else 0, self._refresh_status)

    def _confirm(self, title: str, text: str, action: str, confirmed: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self)
        button = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        button.clicked.connect(confirmed)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box
        box.open()
        return box

    # --- backups --------------------------------------------------------------------------------------

    def start_backup(self) -> None:
        client = self._client
        if client is None:
            return
        self.say(self.tr("Backing up while calls go on…"))
        (Op(self, lambda: client.post("/backups", JobOut))
         .success(self._follow).failure(self._failed).busy(None).run())

    def ask_restore(self) -> QMessageBox | None:
        name = self.selected_backup()
        if name is None:
            return None
        return self._confirm(
            self.tr("Restore a backup"),
            self.tr("Replace all the service's data with {name}? The SIP switch and RADIUS stop meanwhile (calls in "
                    "progress end); the current data is backed up first. Everyone signs in again afterwards.")
            .format(name=name), self.tr("Restore"), self.restore_selected)

    def restore_selected(self) -> None:
        name, client = self.selected_backup(), self._client
        if name is None or client is None:
            return
        self.say(self.tr("Restoring {name}…").format(name=name))
        body = RestoreIn(name=name)
        (Op(self, lambda: client.post("/backups/restore", JobOut, body))
         .success(self._follow).failure(self._failed).busy(None).run())

    def _follow(self, job: JobOut) -> None:
        client = self._client
        if client is None:
            return
        self.poller = JobPoller(client, self)
        self.poller.updated.connect(self._progressed)
        self.poller.ended.connect(self._job_ended)
        self.poller.lost.connect(self._job_lost)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.poller.start(job)
        self._selection_changed()

    def _progressed(self, job: JobOut) -> None:
        if job.total:
            self.progress.setRange(0, job.total)
            self.progress.setValue(min(job.done, job.total))
        if job.message:
            self.progress.setFormat(job.message)
        else:
            self.progress.resetFormat()

    def _job_ended(self, job: JobOut) -> None:
        self.progress.hide()
        self._selection_changed()
        self.load_log()
        if job.state is JobState.SUCCEEDED and job.kind == "restore":
            self.say(self.tr("Restored {name} ({rows} rows, every checksum equal). Sign in again with a user of "
                             "that backup (Session → Switch user…).")
                     .format(name=(job.result or {}).get("name", ""), rows=(job.result or {}).get("rows", 0)))
        elif job.state is JobState.SUCCEEDED:
            self.say(self.tr("Backup {name} made.").format(name=(job.result or {}).get("name", "")))
            self._refresh_backups()
        else:
            self.say(job.message, error=True)
            self._refresh_backups()

    def _job_lost(self, reason: str) -> None:
        self.progress.hide()
        self._selection_changed()
        self.say(reason, error=True)

    def save_copy(self) -> QFileDialog | None:
        name = self.selected_backup()
        if name is None or self._client is None:
            return None
        return save_chooser(self, self.tr("Save a copy of the backup"), Path.home() / name,
                            self.tr("Carrierdesk backups (*.cdbackup);;All files (*)"),
                            lambda target: self.save_copy_to(name, target))

    def save_copy_to(self, name: str, target: Path) -> None:
        client = self._client
        if client is None:
            return

        def fetch() -> Path:
            with open(target, "wb") as out:
                out.write(client.download(f"/backups/{name}"))
            return target

        (Op(self, fetch).success(lambda path: self.say(self.tr("Saved {path}.").format(path=path)))
         .failure(self._failed).busy(self.tr("Saving…")).run())

    # --- log ------------------------------------------------------------------------------------------

    def load_log(self) -> None:
        client = self._client
        if client is None:
            return
        params: dict[str, str | int] = {"lines": LOG_LINES, "contains": self.filter_edit.text().strip(),
                                        "level": str(self.level_box.currentData() or "")}
        (Op(self, lambda: client.get("/service/log", LogTailOut, params))
         .success(self._show_log).failure(self._failed).busy(None).run())

    def _show_log(self, tail: LogTailOut) -> None:
        self.log_view.setPlainText("\n".join(tail.lines))
        bar = self.log_view.verticalScrollBar()
        bar.setValue(bar.maximum())
        self.log_path_label.setText(self.tr("{count} lines of {path}").format(count=len(tail.lines), path=tail.path))
