"""A white-label reseller's logo (Resellers page, "Logo…"): the stored logo shown as the service returns it, a file
chosen and sent to `PUT /resellers/{id}/logo`, or the logo removed. The service judges the file (PNG or JPEG, its
size and pixels): its refusal is shown as it words it, and the logo shown stays the stored one."""

from __future__ import annotations

from pathlib import Path

from desktop.api_client import ApiClient, ApiError
from desktop.dialogs import DeskDialog
from desktop.file_choosers import open_chooser
from desktop.ops import Op, error_text
from desktop.qt import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPixmap,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.styling import as_error
from switch_service.api.schemas.resellers import LogoOut, ResellerOut

PREVIEW_W, PREVIEW_H = 320, 160
_MEDIA_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
HTTP_NOT_FOUND = 404


class LogoDialog(DeskDialog):
    changed = Signal()  # a logo was stored or removed

    def __init__(self, parent: QWidget, client: ApiClient, reseller: ResellerOut) -> None:
        super().__init__(parent)
        self._client = client
        self._path = f"/resellers/{reseller.id}/logo"
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Logo of {name}").format(name=reseller.brand_name or reseller.name))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_W, PREVIEW_H)
        self.note = QLabel(self.tr("Printed on its customers' statements and invoices and on its own statement. "
                                   "PNG or JPEG, up to 512 KiB and 2000 pixels a side."))
        self.note.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.remove_button.setEnabled(False)
        buttons = self.make_buttons(None, cancel=self.tr("Close"))  # nothing typed here: Escape and Close just close
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.load()

    # --- the stored logo -------------------------------------------------------------------------

    def load(self) -> None:
        client, path = self._client, self._path
        (Op(self, lambda: client.download(path))
         .success(self._show_logo)
         .failure(self._not_loaded)
         .busy(None)
         .run())

    def _show_logo(self, data: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        if pixmap.width() > PREVIEW_W or pixmap.height() > PREVIEW_H:  # smaller ones as they are, not blurred
            pixmap = pixmap.scaled(PREVIEW_W, PREVIEW_H, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.preview.setPixmap(pixmap)
        self.remove_button.setEnabled(True)

    def _not_loaded(self, error: Exception) -> None:
        self.preview.clear()
        self.remove_button.setEnabled(False)
        if isinstance(error, ApiError) and error.status == HTTP_NOT_FOUND:
            self.preview.setText(self.tr("No logo: its documents carry its brand name alone."))
        else:
            self._say(error_text(error), error=True)

    # --- changing it -----------------------------------------------------------------------------

    def choose(self) -> QFileDialog:
        self.file_dialog = open_chooser(self, self.tr("Choose a logo"), Path.home(),
                                        self.tr("Images (*.png *.jpg *.jpeg);;All files (*)"), self.send)
        return self.file_dialog

    def send(self, file: Path) -> None:
        try:
            data = file.read_bytes()
        except OSError as error:
            self._say(self.tr("{file} cannot be read: {reason}").format(file=file, reason=error.strerror),
                      error=True)
            return
        client, path = self._client, self._path
        media_type = _MEDIA_TYPES.get(file.suffix.lower(), "application/octet-stream")  # the service judges
        (Op(self, lambda: client.put_file(path, LogoOut, data, media_type))
         .success(self._stored)
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(self.tr("Sending the logo…"))
         .run())

    def _stored(self, logo: LogoOut) -> None:
        kind = "PNG" if logo.media_type == "image/png" else "JPEG"
        self._say(self.tr("Logo stored: {kind}, {width} × {height} pixels, {size} bytes.").format(
            kind=kind, width=logo.width, height=logo.height, size=logo.size))
        self.changed.emit()
        self.load()

    def remove(self) -> None:
        client, path = self._client, self._path
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._removed())
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(self.tr("Removing the logo…"))
         .run())

    def _removed(self) -> None:
        self._say(self.tr("Logo removed."))
        self.changed.emit()
        self.load()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        if error:
            as_error(self.status)
        else:
            self.status.setPalette(self.palette())
