"""Emphasis through palettes and fonts, not style sheets.

A style sheet gives the widget its own QStyleSheetStyle proxy, which Qt deletes later and which keeps
per-widget palette caches; we keep the widgets plain so their destruction stays simple.
"""

from __future__ import annotations

from desktop.qt import QColor, QLabel, QPalette

ERROR_COLOR = "#b00020"


def as_error(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOR))
    label.setPalette(palette)
    return label


def as_warning(label: QLabel) -> QLabel:
    as_error(label)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def as_heading(label: QLabel) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    return label
