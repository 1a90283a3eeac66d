"""An access number's own welcome prompt in the DID dialog: "Welcome prompt…" sends a WAV or MP3 file the service
converts to 8 kHz mono (`PUT /dids/{id}/welcome.wav`; its refusal is shown as it words it), Remove brings the
standard welcome back. Callers on the number hear the change from their next call. Sent at once, not with the
dialog's Save: the recording is a file of its own, not a field of the DID."""

from __future__ import annotations

from pathlib import Path

from desktop.api_client import ApiClient
from desktop.file_choosers import open_chooser
from desktop.ops import Op, error_text
from desktop.pages.ivr import MEDIA_TYPES
from desktop.qt import QFileDialog, QHBoxLayout, QLabel, QPushButton, Qt, QVBoxLayout, QWidget
from desktop.styling import as_error
from switch_service.api.schemas.dids import DidOut, DidWelcomeOut


class WelcomeField(QWidget):
    """Whether the access number `did` has its own welcome, with Choose and Remove; a new DID (None) first needs
    saving."""

    def __init__(self, parent: QWidget, client: ApiClient, did: DidOut | None) -> None:
        super().__init__(parent)
        self._client = client
        self._did = did
        self._has = bool(did and did.has_welcome)
        self.file_dialog: QFileDialog | None = None
        self.state_label = QLabel()
        self.choose_button = QPushButton(self.tr("Welcome prompt…"))
        self.choose_button.setToolTip(self.tr("Choose a WAV or MP3 recording callers on this access number hear "
                                              "instead of the standard welcome (converted to 8 kHz mono)"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()  # no gap in the form until there is something to say
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.state_label, 1)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._show_state()

    def _path(self) -> str:
        assert self._did is not None
        return f"/dids/{self._did.id}/welcome.wav"

    def _show_state(self) -> None:
        if self._did is None:
            self.state_label.setText(self.tr("the standard welcome (add the DID, then open it to record its own)"))
        else:
            self.state_label.setText(self.tr("its own recording") if self._has else self.tr("the standard welcome"))
        self.choose_button.setEnabled(self._did is not None)
        self.remove_button.setEnabled(self._has)

    def choose(self) -> QFileDialog | None:
        if self._did is None:
            return None
        self.file_dialog = open_chooser(self, self.tr("Choose a recording"), Path.home(),
                                        self.tr("Recordings (*.wav *.mp3);;All files (*)"), self.send)
        return self.file_dialog

    def send(self, file: Path) -> None:
        if self._did is None:
            return
        try:
            data = file.read_bytes()
        except OSError as error:
            self._say(self.tr("{file} cannot be read: {reason}").format(file=file, reason=error.strerror),
                      error=True)
            return
        client, path = self._client, self._path()
        media_type = MEDIA_TYPES.get(file.suffix.lower(), "application/octet-stream")  # the service judges
        (Op(self, lambda: client.put_file(path, DidWelcomeOut, data, media_type))
         .success(self._stored)
         .failure(lambda error: self._say(
             self.tr("{file} was not taken: {reason}").format(file=file.name, reason=error_text(error)), error=True))
         .busy(self.tr("Sending the recording…"))
         .run())

    def _stored(self, stored: DidWelcomeOut) -> None:
        self._has = True
        self._show_state()
        self._say(self.tr("Your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono) welcomes the next "
                          "caller.").format(kind=stored.source_format, seconds=stored.seconds))

    def remove(self) -> None:
        if self._did is None or not self._has:
            return
        client, path = self._client, self._path()
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._removed())
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(self.tr("Removing the recording…"))
         .run())

    def _removed(self) -> None:
        self._has = False
        self._show_state()
        self._say(self.tr("The standard welcome plays again from the next call."))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.show()
        if error:
            as_error(self.status)
        else:
            self.status.setPalette(self.palette())
        # a wrapped refusal gets the lines it needs (a form does not grow a word-wrapped label on its own)
        self.status.setMinimumHeight(self.status.heightForWidth(max(self.status.width(), 1)))
        self.window().adjustSize()
