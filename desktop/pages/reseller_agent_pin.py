"""A retail store's agent PIN (Resellers page, "New agent PIN…"): `POST /resellers/{id}/agent-pin` draws a new PIN,
which this dialog shows once (the service keeps only its keyed index and never shows it again), and `DELETE`
revokes it. With it the store's clerk recharges the store's PIN-less customers by phone."""

from __future__ import annotations

from desktop.api_client import ApiClient
from desktop.dialogs import DeskDialog
from desktop.formatting import utc_text
from desktop.ops import Op, error_text
from desktop.qt import QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget, Signal
from desktop.styling import as_error, as_heading
from switch_service.api.schemas.resellers import AgentPinOut, ResellerOut


class AgentPinDialog(DeskDialog):
    changed = Signal()  # a PIN was issued or revoked

    def __init__(self, parent: QWidget, client: ApiClient, reseller: ResellerOut) -> None:
        super().__init__(parent)
        self._client = client
        self._path = f"/resellers/{reseller.id}/agent-pin"
        self.setWindowTitle(self.tr("Agent PIN of {name}").format(name=reseller.name))
        self.note = QLabel(self.tr("The store's clerk calls the access number, presses * at the PIN prompt and keys "
                                   "this PIN to recharge the store's PIN-less customers from its balance. A new PIN "
                                   "replaces the old one at once and is shown only here, once."))
        self.note.setWordWrap(True)
        self.pin_label = QLabel()
        as_heading(self.pin_label)
        self.pin_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pin_label.hide()
        self.status = QLabel(self.tr("Issued {when}.").format(when=utc_text(reseller.agent_pin_issued_at))
                             if reseller.agent_pin_issued_at is not None else self.tr("It has no agent PIN."))
        self.status.setWordWrap(True)
        self.issue_button = QPushButton(self.tr("New PIN"))
        self.issue_button.clicked.connect(self.issue)
        self.revoke_button = QPushButton(self.tr("Revoke"))
        self.revoke_button.clicked.connect(self.revoke)
        self.revoke_button.setEnabled(reseller.agent_pin_issued_at is not None)
        buttons = self.make_buttons(None, cancel=self.tr("Close"))
        row = QHBoxLayout()
        row.addWidget(self.issue_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.pin_label)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)  # the note wraps to a few lines, not to a narrow column

    def issue(self) -> None:
        client, path = self._client, self._path
        (Op(self, lambda: client.post(path, AgentPinOut))
         .success(self._issued)
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(self.tr("Drawing a new PIN…"))
         .run())

    def _issued(self, issued: AgentPinOut) -> None:
        self.pin_label.setText(issued.agent_pin)
        self.pin_label.show()
        self._say(self.tr("Write it down now: it is not shown again. Issued {when}.").format(
            when=utc_text(issued.issued_at)))
        self.revoke_button.setEnabled(True)
        # Enter now closes: a second Enter on "New PIN" would replace the PIN being written down
        self.issue_button.setAutoDefault(False)
        assert self.cancel_button is not None
        self.cancel_button.setAutoDefault(True)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def revoke(self) -> None:
        client, path = self._client, self._path
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._revoked())
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(self.tr("Revoking the PIN…"))
         .run())

    def _revoked(self) -> None:
        self.pin_label.clear()
        self.pin_label.hide()
        self.revoke_button.setEnabled(False)
        self._say(self.tr("Agent PIN revoked: it opens nothing now."))
        self.changed.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.fit_height()  # the PIN and a longer message need more room than the dialog opened with
        if error:
            as_error(self.status)
        else:
            self.status.setPalette(self.palette())
