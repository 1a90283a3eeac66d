"""The desktop's one form idiom: dialogs whose values the service judges. The body goes as typed (only turned into
the field's type), and a 422 answer is shown at the field it names, in the user's language
(`desktop.service_errors`). One judge and one wording: the desktop never repeats a rule the service may change.

A dialog builds its rows by hand (`JudgedDialog.row`) or, when it has many plain fields, declares them as data
(`Field`, built by `FieldForm`, the Vorta idea) and gets the values parsed and the values changed (for a PATCH).
Either way every field has its error label under it.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import pydantic

from desktop.formatting import decimal_text, utc_text
from desktop.pages.service_dialog import ServiceDialog
from desktop.qt import (
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from desktop.service_errors import Problem, field_label, problems_of
from desktop.styling import as_error

M = TypeVar("M", bound=pydantic.BaseModel)
T = TypeVar("T")


def unchecked(model: type[M], **values: Any) -> M:
    """A request body that is not validated here (pydantic's `model_construct`): the service validates it with
    this same schema and answers a 422 naming the field. A PATCH sends only the fields given. The values must
    have the field's type (see `FormValueError`), or pydantic warns when it serialises them."""
    return model.model_construct(**values)


class FormValueError(ValueError):
    """Text that is not even of the field's type (letters for a number): said at the field at once. Everything
    else the service judges."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def parse_amount(text: str) -> Decimal:
    """What the clerk typed as an exact Decimal ('10.50', or '10,50' as Spanish and French write it).

    Never through float. The range and the number of places are the service's to judge.
    """
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:  # plain digits only: Decimal would also read "1e3" (a thousand) and "Infinity"
        amount = Decimal(cleaned) if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", cleaned) else Decimal("NaN")
    except InvalidOperation:
        amount = Decimal("NaN")
    if not amount.is_finite():
        raise ValueError(QCoreApplication.translate("Payments", "{text} is not an amount; write it like 10.50")
                         .format(text=text.strip() or '""'))
    return amount


def typed(field: str, parse: Callable[[str], T], text: str) -> T:
    """`parse(text)`, its ValueError said at `field` (FormValueError): an amount that must be given
    (`parse_amount`, which refuses an empty box too), a moment (`parse_utc`)."""
    try:
        return parse(text)
    except ValueError as exc:
        raise FormValueError(field, str(exc)) from None


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

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """What the service refused (`desktop.service_errors`), each problem at its field."""
        self.clear()
        for problem in problems:
            self.show_at(problem.field, problem.text, labelled=problem.needs_label)

    def show_text(self, message: str) -> None:
        """Words about no field, in the general label."""
        self.clear()
        self.show_at("", message)

    def show_at(self, field: str, message: str, *, labelled: bool = True) -> None:
        """At the label of `field`; a nested field ('gateways.0.port') at its list's label, with its place; a
        field without a label in the general one, with its name (unless `labelled` is False: the message says)."""
        label = self._labels.get(field)
        if label is None:
            label = self._labels.get(field.split(".", maxsplit=1)[0]) if "." in field else None
            message = f"{field_label(field)}: {message}" if field and labelled else message
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

    def row(self, label: str, field: str, widget: QWidget) -> QWidget:
        """A form row for body field `field`, with its error label under the widget; the row's widget (to hide the
        row with `form.setRowVisible`)."""
        box = self.errors.under(field, widget)
        self.form.addRow(label, box)
        return box

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

    def show_failure(self, error: Exception) -> None:
        self.errors.show_problems(problems_of(error))


# --- fields declared as data ---------------------------------------------------------------------


class Kind(enum.Enum):
    TEXT = "text"
    MONEY = "money"  # an exact Decimal (also percentages)
    WHOLE = "whole"  # a whole number (seconds)
    MINUTES = "minutes"  # typed and shown in minutes (1.5 allowed), sent as whole seconds
    UTC_TIME = "utc_time"  # a moment, typed and shown in UTC
    CHOICE = "choice"  # one of the choices given (the value is the choice's data)
    PREFIXES = "prefixes"  # digit prefixes separated by commas or spaces


@dataclass(frozen=True)
class Field:
    key: str  # the body's field: its 422 is shown under this field's box
    label: str
    kind: Kind = Kind.TEXT
    help: str = ""  # the tooltip
    placeholder: str = ""  # what an empty box means (the service's default)
    max_length: int = 120
    section: str = ""  # fields of one section share a box; sections stand side by side


def _value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, dt.datetime):
        return utc_text(value)
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


class FieldForm(QWidget):
    """The widgets of `fields` in QFormLayouts (one per section, side by side), each with its error label from
    `errors` under it. An empty box means "not given" (None): a new record then takes the service's default, a
    change clears an optional field."""

    def __init__(self, fields: Sequence[Field], errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {field.key: field for field in fields}
        self.widgets: dict[str, QLineEdit | QComboBox] = {}
        self._baseline: dict[str, Any] = {}
        self._enums: dict[str, type[enum.Enum]] = {}  # CHOICE fields whose choices are an enum's members
        sections: dict[str, QFormLayout] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for field in fields:
            form = sections.get(field.section)
            if form is None:
                form = sections[field.section] = QFormLayout()
                if field.section:
                    box = QGroupBox(field.section)
                    box.setLayout(form)
                    row.addWidget(box)
                else:
                    row.addLayout(form)
            widget = self._make(field)
            self.widgets[field.key] = widget
            form.addRow(field.label, errors.under(field.key, widget))

    def _make(self, field: Field) -> QLineEdit | QComboBox:
        widget: QLineEdit | QComboBox
        if field.kind is Kind.CHOICE:
            widget = QComboBox()
        else:
            widget = QLineEdit()
            widget.setMaxLength(field.max_length)
            widget.setPlaceholderText(field.placeholder)
        widget.setObjectName(field.key)
        if field.help:
            widget.setToolTip(field.help)
        return widget

    def set_choices(self, key: str, choices: Sequence[tuple[str, Any]]) -> None:
        """(label, data) pairs of a CHOICE field; the current choice is kept when it is still offered. Enum members
        come back from `values()` as members (the body's type)."""
        combo = self.widgets[key]
        assert isinstance(combo, QComboBox)
        current = combo.currentData()
        combo.clear()
        for label, data in choices:
            if isinstance(data, enum.Enum):
                self._enums[key] = type(data)
            combo.addItem(label, data.value if isinstance(data, enum.Enum) else data)
        self._select(combo, current)

    def set_values(self, values: Mapping[str, Any] | Any) -> None:
        """Fill the boxes from a mapping or a model's attributes; what is shown becomes the baseline of
        `changes()`."""
        for key, widget in self.widgets.items():
            value = values.get(key) if isinstance(values, Mapping) else getattr(values, key, None)
            if isinstance(widget, QComboBox):
                self._select(widget, value.value if isinstance(value, enum.Enum) else value)
            elif self.fields[key].kind is Kind.MINUTES and isinstance(value, int):
                widget.setText(decimal_text(Decimal(value) / 60))
            else:
                widget.setText(_value_text(value))
        self._baseline = self.values()

    def values(self) -> dict[str, Any]:
        """Every field parsed; FormValueError naming the field when a box holds something that is not its kind."""
        return {key: self._parse(self.fields[key], widget) for key, widget in self.widgets.items()}

    def given(self) -> dict[str, Any]:
        """The fields that are filled in (for a new record: the rest take the service's defaults)."""
        return {key: value for key, value in self.values().items() if value is not None}

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from what `set_values` showed (for a PATCH)."""
        return {key: value for key, value in self.values().items()
                if key not in self._baseline or value != self._baseline[key]}

    @staticmethod
    def _select(combo: QComboBox, data: Any) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _parse(self, field: Field, widget: QLineEdit | QComboBox) -> Any:
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            members = self._enums.get(field.key)
            return members(data) if members is not None and data is not None else data
        text = widget.text().strip()
        if not text:
            return None
        try:
            return self._parse_text(field.kind, text)
        except ValueError as exc:
            raise FormValueError(field.key, str(exc)) from None

    def _parse_text(self, kind: Kind, text: str) -> Any:
        if kind is Kind.MONEY:
            return parse_amount(text)
        if kind is Kind.WHOLE:
            if not re.fullmatch(r"[0-9]+", text):
                raise ValueError(self.tr("{text} is not a whole number").format(text=text))
            return int(text)
        if kind is Kind.MINUTES:
            return _minutes_as_seconds(text)
        if kind is Kind.UTC_TIME:
            return parse_utc(text)
        if kind is Kind.PREFIXES:
            return [part for part in re.split(r"[\s,;]+", text) if part]
        return text


def _minutes_as_seconds(text: str) -> int:
    """'100' -> 6000, '1.5' -> 90; minutes that are not whole seconds are refused."""
    seconds = Decimal(text) * 60 if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text) else None
    if seconds is None or seconds != seconds.to_integral_value():
        raise ValueError(QCoreApplication.translate("FieldForm", "{text} is not a number of minutes (whole seconds, "
                                                               "e.g. 100 or 1.5)").format(text=text))
    return int(seconds)


def parse_utc(text: str) -> dt.datetime:
    """'2026-01-01', '2026-01-01 08:00' or ISO with an offset; without an offset it is UTC."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(QCoreApplication.translate("FieldForm", "{text} is not a date and time; write it like "
                                                               "2026-01-01 08:00").format(text=text)) from None
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment
