"""First screen: which service this desktop talks to, what it runs on, and who is signed in."""

from __future__ import annotations

from desktop.ops import Op, error_text
from desktop.qt import QFormLayout, QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget
from desktop.session import DeskSession, role_name
from desktop.styling import as_heading
from switch_service.api.schemas import Health


class DashboardPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        title = QLabel(self.tr("Service status"))
        as_heading(title)
        self.url_label = QLabel()
        self.version_label = QLabel()
        self.database_label = QLabel()
        self.user_label = QLabel()
        self.secrets_label = QLabel()
        self.secrets_label.setWordWrap(True)
        for label in (self.url_label, self.version_label, self.database_label, self.user_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("Service"), self.url_label)
        form.addRow(self.tr("Version"), self.version_label)
        form.addRow(self.tr("Database"), self.database_label)
        form.addRow(self.tr("Signed in as"), self.user_label)
        form.addRow(self.tr("Secrets"), self.secrets_label)

        self.live_note = QLabel(self.tr(
            "Live in this desktop: sign-in, this status page and customer accounts (list, search, create)."
        ))
        self.live_note.setWordWrap(True)

        self.refresh_button = QPushButton(self.tr("Check again"))
        self.refresh_button.clicked.connect(self.refresh)
        self.checked_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addWidget(self.checked_label, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.live_note)
        layout.addLayout(row)
        layout.addStretch(1)

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.url_label.setText(session.client.base_url)
        self.user_label.setText(f"{session.user.username} ({role_name(session.user.role)})")
        self._show_health(session.health)

    def refresh(self) -> None:
        session = self._session
        if session is None:
            return
        self.refresh_button.setEnabled(False)
        self.checked_label.setText(self.tr("Checking…"))
        (Op(self, session.client.health)
         .success(self._refreshed)
         .failure(lambda error: self.checked_label.setText(error_text(error)))
         .finally_(lambda: self.refresh_button.setEnabled(True))
         .busy(None)
         .run())

    def _refreshed(self, health: Health) -> None:
        self._show_health(health)
        self.checked_label.setText(self.tr("The service answers."))

    def _show_health(self, health: Health) -> None:
        self.version_label.setText(health.version)
        self.database_label.setText(health.database)
        if health.secrets_fallback:
            self.secrets_label.setText(self.tr(
                "Kept in a file readable only by the service's user: this machine has no system keyring."
            ))
        else:
            self.secrets_label.setText(self.tr("Kept in the system keyring."))

