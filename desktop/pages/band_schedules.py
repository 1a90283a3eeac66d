"""Band schedules (admins, on the Rates page): when a rate's peak, off-peak, weekend and holiday prices apply, in
the account's time zone. Listed, added, changed and deleted here; a tariff picks one. The service judges the values
(`/band-schedules`, with the billing engine's own schedule) and a refusal is shown at the field it names."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop.api_client import ApiClient
from desktop.paged_table import Column, sorted_by
from desktop.pages.forms import FormValueError, JudgedDialog, unchecked
from desktop.qt import QCheckBox, QCoreApplication, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget, Signal
from switch_service.api.schemas.rates import BandScheduleCreate, BandScheduleFields, BandScheduleOut

WEEKDAYS = range(7)  # 0 = Monday, as the API counts


def weekday_name(day: int) -> str:
    return (QCoreApplication.translate("BandSchedules", "Mon"), QCoreApplication.translate("BandSchedules", "Tue"),
            QCoreApplication.translate("BandSchedules", "Wed"), QCoreApplication.translate("BandSchedules", "Thu"),
            QCoreApplication.translate("BandSchedules", "Fri"), QCoreApplication.translate("BandSchedules", "Sat"),
            QCoreApplication.translate("BandSchedules", "Sun"))[day]


def days_text(days: list[int]) -> str:
    return ", ".join(weekday_name(day) for day in days) or QCoreApplication.translate("BandSchedules", "none")


def wall_time(moment: dt.time) -> str:
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


def band_schedule_columns() -> list[Column[BandScheduleOut]]:
    return sorted_by(_band_schedule_columns(), {0: "name", 2: "peak_start"})


def _band_schedule_columns() -> list[Column[BandScheduleOut]]:
    return [
        Column(QCoreApplication.translate("BandSchedules", "Band schedule"), lambda s: s.name),
        Column(QCoreApplication.translate("BandSchedules", "Peak days"), lambda s: days_text(s.peak_days)),
        Column(QCoreApplication.translate("BandSchedules", "Peak hours"),
               lambda s: f"{wall_time(s.peak_start)}–{wall_time(s.peak_end)}"),
        Column(QCoreApplication.translate("BandSchedules", "Weekend"), lambda s: days_text(s.weekend_days)),
        Column(QCoreApplication.translate("BandSchedules", "Holidays"), lambda s: str(len(s.holidays)),
               lambda s: len(s.holidays), align_right=True),
    ]


class DayBoxes(QWidget):
    """Seven ticks, Monday first."""

    def __init__(self, days: list[int]) -> None:
        super().__init__()
        self.boxes = [QCheckBox(weekday_name(day)) for day in WEEKDAYS]
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for day, box in zip(WEEKDAYS, self.boxes, strict=True):
            box.setChecked(day in days)
            row.addWidget(box)

    def days(self) -> list[int]:
        return [day for day, box in zip(WEEKDAYS, self.boxes, strict=True) if box.isChecked()]


def _time_value(field: str, text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise FormValueError(field, QCoreApplication.translate("BandSchedules", "{text} is not a time of day; write "
                                                                                "it like 08:00").format(text=text)
                             ) from None


def _dates(text: str) -> list[dt.date]:
    found = []
    for part in (piece for piece in re.split(r"[\s,;]+", text) if piece):
        try:
            found.append(dt.date.fromisoformat(part))
        except ValueError:
            raise FormValueError("holidays", QCoreApplication.translate(
                "BandSchedules", "{text} is not a date; write dates like 2026-12-25").format(text=part)) from None
    return found


class BandScheduleDialog(JudgedDialog):
    """A new band schedule when `schedule` is None, else a change of it (only what changed is sent)."""

    saved = Signal(object)  # BandScheduleOut

    def __init__(self, parent: QWidget, client: ApiClient, schedule: BandScheduleOut | None = None) -> None:
        title = (self.tr("New band schedule") if schedule is None
                 else self.tr("Band schedule {name}").format(name=schedule.name))
        super().__init__(parent, title, self.tr("Add") if schedule is None else self.tr("Save"))
        self._client = client
        self._schedule = schedule
        self._shown: dict[str, Any] = {}
        self.name_edit = QLineEdit(schedule.name if schedule else "")
        self.name_edit.setMaxLength(120)
        self.peak_days = DayBoxes(schedule.peak_days if schedule else [0, 1, 2, 3, 4])
        self.peak_start_edit = QLineEdit(wall_time(schedule.peak_start) if schedule else "08:00")
        self.peak_end_edit = QLineEdit(wall_time(schedule.peak_end) if schedule else "20:00")
        self.peak_end_edit.setToolTip(self.tr("00:00 is midnight at the end of the day"))
        self.weekend_days = DayBoxes(schedule.weekend_days if schedule else [5, 6])
        self.holidays_edit = QPlainTextEdit(" ".join(day.isoformat() for day in schedule.holidays) if schedule
                                            else "")
        self.holidays_edit.setPlaceholderText(self.tr("dates like 2026-12-25, separated by spaces or new lines"))
        self.holidays_edit.setTabChangesFocus(True)
        self.holidays_edit.setFixedHeight(self.fontMetrics().height() * 5)
        self.row(self.tr("Name"), "name", self.name_edit)
        self.row(self.tr("Peak days"), "peak_days", self.peak_days)
        self.row(self.tr("Peak from"), "peak_start", self.peak_start_edit)
        self.row(self.tr("Peak until"), "peak_end", self.peak_end_edit)
        self.row(self.tr("Weekend days"), "weekend_days", self.weekend_days)
        self.row(self.tr("Holidays"), "holidays", self.holidays_edit)
        self.name_edit.setFocus()
        if schedule is not None:
            self._shown = self._values()

    def _values(self) -> dict[str, Any]:
        return {
            "name": self.name_edit.text().strip(),
            "peak_days": self.peak_days.days(),
            "peak_start": _time_value("peak_start", self.peak_start_edit.text()),
            "peak_end": _time_value("peak_end", self.peak_end_edit.text()),
            "weekend_days": self.weekend_days.days(),
            "holidays": _dates(self.holidays_edit.toPlainText()),
        }

    def submit(self) -> None:
        values = self.values_or_say(self._values)
        if values is None:
            return
        client, schedule = self._client, self._schedule
        if schedule is None:
            body = unchecked(BandScheduleCreate, **values)
            self.send(lambda: client.post("/band-schedules", BandScheduleOut, body), self._saved,
                      self.tr("Adding the band schedule…"))
            return
        change = unchecked(BandScheduleFields, **{name: value for name, value in values.items()
                                                  if value != self._shown.get(name)})
        path = f"/band-schedules/{schedule.id}"
        self.send(lambda: client.patch(path, BandScheduleOut, change), self._saved,
                  self.tr("Saving the band schedule…"))

    def _saved(self, schedule: BandScheduleOut) -> None:
        self.saved.emit(schedule)
        self.accept()
