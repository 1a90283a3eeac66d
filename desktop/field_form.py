"""A form built from declared fields (the Vorta idea: fields as data, one builder).

A dialog lists its fields (key = the schema field, label, kind, help) and gets the widgets, the values parsed
into what the schema wants (exact `Decimal` for money, whole seconds, UTC datetimes, lists of prefixes), and
the values the user changed (for a PATCH). An empty box means "not given" (None): a new record then takes the
service's default, a change clears an optional field. The schema and the service judge the values; this only
turns text into Python values and names the field when it cannot.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.pages.account_dialogs import parse_amount
from desktop.qt import QComboBox, QCoreApplication, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QWidget


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
    key: str
    label: str
    kind: Kind = Kind.TEXT
    help: str = ""  # the tooltip
    placeholder: str = ""  # what an empty box means (the service's default)
    max_length: int = 120
    section: str = ""  # fields of one section share a box; sections stand side by side


def decimal_text(value: Decimal) -> str:
    """0.012300 -> '0.0123', 60.000000 -> '60': the digits that matter, never an exponent."""
    return f"{value.normalize():f}"


def utc_text(moment: dt.datetime) -> str:
    """'2026-01-01 08:00' (seconds only when there are some), in UTC."""
    moment = moment.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second else "%Y-%m-%d %H:%M")


def value_text(value: Any) -> str:
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
    """The widgets of `fields` in QFormLayouts (one per section, side by side)."""

    def __init__(self, fields: Sequence[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = {field.key: field for field in fields}
        self.widgets: dict[str, QLineEdit | QComboBox] = {}
        self._baseline: dict[str, Any] = {}
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
            form.addRow(field.label, widget)

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
        """(label, data) pairs of a CHOICE field; the current choice is kept when it is still offered."""
        combo = self.widgets[key]
        assert isinstance(combo, QComboBox)
        current = combo.currentData()
        combo.clear()
        for label, data in choices:
            combo.addItem(label, data)
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
                widget.setText(value_text(value))
        self._baseline = self.values()

    def values(self) -> dict[str, Any]:
        """Every field parsed; ValueError naming the field when a box holds something that is not its kind."""
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
            return widget.currentData()
        text = widget.text().strip()
        if not text:
            return None
        try:
            return self._parse_text(field.kind, text)
        except ValueError as exc:
            raise ValueError(f"{field.label}: {exc}") from None

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
