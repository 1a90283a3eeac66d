"""The shape of the desktop's edit dialogs: a form, a line for what went wrong (the service's own words), and one
button that sends the request in an `Op` and stays disabled meanwhile, so one click is one request. Enter, Tab and
Escape follow `desktop.dialogs.DeskDialog`. A dialog whose fields make a request body is a
`desktop.pages.forms.JudgedDialog`, which shows the service's refusals at their fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from desktop.dialogs import DeskDialog
from desktop.ops import Op, error_text
from desktop.qt import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from desktop.styling import as_error

T = TypeVar("T")


class ServiceDialog(DeskDialog):
    """Subclasses fill `form` and implement `submit`, which builds the body and calls `send`."""

    def __init__(self, parent: QWidget | None, title: str, action: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        as_error(self.error_label)
        self.error_label.hide()
        self.buttons = self.make_buttons(action, self.submit)
        assert self.action_button is not None
        self.ok_button: QPushButton = self.action_button
        self.body_layout = QVBoxLayout(self)
        self.body_layout.addLayout(self.form)
        self.body_layout.addWidget(self.error_label)
        self.body_layout.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def send(self, request: Callable[[], T], done: Callable[[T], Any], busy: str) -> None:
        """Run `request` in the background; `done(answer)` on success, the service's words below the form if not."""
        self.ok_button.setEnabled(False)
        self.error_label.hide()
        (Op(self, request)
         .success(lambda answer: self._sent(done, answer))
         .failure(self.show_failure)
         .finally_(lambda: self.ok_button.setEnabled(True))
         .busy(busy)
         .run())

    def _sent(self, done: Callable[[T], Any], answer: T) -> None:
        self.mark_saved()
        done(answer)

    def show_failure(self, error: Exception) -> None:
        """The service's refusal (or its absence), in the user's words."""
        self.show_error(error_text(error))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.adjustSize()  # a message of several lines makes the dialog taller instead of covering the form
