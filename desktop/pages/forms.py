"""Dialogs whose values the service judges: the body goes as typed (only turned into the field's type), and a
422 answer is shown at the field it names. One judge and one wording: the desktop never repeats a rule the
service may change."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

import pydantic

from desktop.pages.account_dialogs import parse_amount
from desktop.pages.service_dialog import ServiceDialog
from desktop.qt import QCoreApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
from desktop.styling import as_error

M = TypeVar("M", bound=pydantic.BaseModel)
T = TypeVar("T")


def unchecked(model: type[M], **values: Any) -> M:
    """A request body that is not validated here (pydantic's `model_construct`): the service validates it with
    this same schema and answers a 422 naming the field. A PATCH sends only the fields given. The values must
    have the field's type (see `FormValueError`), or pydantic warns when it serialises them."""
    return model.model_construct(**values)


def field_messages(message: str) -> dict[str, str]:
    """ApiClient's wording of a 422 ('gateways.0.port: too big; name: missing') -> {field path: message}.
    Text not tied to a field (a 409, an unreachable service) is kept under ''."""
    found: dict[str, str] = {}
    for part in message.split("; "):
        field, separator, text = part.partition(": ")
        key, text = (field, text) if separator and field and " " not in field else ("", part)
        found[key] = f"{found[key]}; {text}" if key in found else text
    return found


class FormValueError(ValueError):
    """Text that is not even of the field's type (letters for a number): said at the field at once. Everything
    else the service judges."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def decimal_value(field: str, edit: QLineEdit) -> Decimal | None:
    """The amount typed (exact; '10,50' too), None when empty."""
    text = edit.text().strip()
    if not text:
        return None
    try:
        return parse_amount(text)
    except ValueError as exc:
        raise FormValueError(field, str(exc)) from None


def int_value(field: str, text: str) -> int | None:
    """A whole number typed, None when empty."""
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise FormValueError(field, QCoreApplication.translate("Forms", "{text} is not a whole number")
                             .format(text=text)) from None


def int_list(field: str, text: str) -> list[int]:
    """'503, 488' -> [503, 488]."""
    return [number for part in text.split(",") if (number := int_value(field, part)) is not None]


class FieldErrors:
    """Red labels under form fields, keyed by the body field they belong to; what names no labelled field goes
    to the form's general label."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self._labels: dict[str, QLabel] = {}

    def label(self, field: str) -> QLabel:
        """The error label of `field`, hidden until there is something to say; put it under the field."""
        label = QLabel()
        label.setWordWrap(True)
        as_error(label)
        label.hide()
        self._labels[field] = label
        return label

    def under(self, field: str, widget: QWidget) -> QWidget:
        """`widget` with the error label of `field` below it, as one form row."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.label(field))
        return box

    def clear(self) -> None:
        for label in (self.general, *self._labels.values()):
            label.clear()
            label.hide()

    def show_text(self, message: str) -> None:
        """The service's words (ApiClient's wording of its answer), each field's part at its field."""
        self.clear()
        for field, text in field_messages(message).items():
            self.show_at(field, text)

    def show_at(self, field: str, message: str) -> None:
        """At the label of `field`; a nested field ('gateways.0.port') at its list's label, with its path; a
        field without a label in the general one, with its name."""
        label = self._labels.get(field)
        if label is None:
            label = self._labels.get(field.split(".", maxsplit=1)[0]) if "." in field else None
            message = f"{field}: {message}" if field else message
        if label is None:
            label = self.general
        shown = label.text() if not label.isHidden() else ""
        label.setText(f"{shown}; {message}" if shown else message)
        label.show()

    def visible(self) -> dict[str, str]:
        """What is shown now, by field ('' = the general label)."""
        shown = {field: label.text() for field, label in self._labels.items() if not label.isHidden()}
        if not self.general.isHidden():
            shown[""] = self.general.text()
        return shown


class JudgedDialog(ServiceDialog):
    """A `ServiceDialog` whose refusals are shown at the fields they name (`row`, `errors.label`)."""

    def __init__(self, parent: QWidget, title: str, action: str) -> None:
        super().__init__(parent, title, action)
        self.errors = FieldErrors(self.error_label)

    def row(self, label: str, field: str, widget: QWidget) -> None:
        """A form row for body field `field`, with its error label under the widget."""
        self.form.addRow(label, self.errors.under(field, widget))

    def values_or_say(self, read: Callable[[], T]) -> T | None:
        """`read()` (the typed values), or None after showing at its field what is not of the field's type."""
        try:
            return read()
        except FormValueError as exc:
            self.errors.clear()
            self.errors.show_at(exc.field, exc.message)
            return None

    def show_error(self, message: str) -> None:
        self.errors.show_text(message)


def enter_saves(dialog: ServiceDialog) -> None:
    """Enter presses the dialog's action button, never Cancel. ServiceDialog makes the button default before it is in
    a dialog, which Qt ignores, and setDefault(True) on a button already flagged does nothing: so off, then on."""
    dialog.ok_button.setDefault(False)
    dialog.ok_button.setDefault(True)
