"""The desktop's file choosers: Qt's own (non-native) dialog opened with open(), so nothing waits on it and the
tests and Xvfb see the same dialog on every platform; it deletes itself when closed. Every page asks for a file
through these two, so a chooser looks and behaves the same wherever a person meets it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.qt import QFileDialog, Qt, QWidget


def open_chooser(parent: QWidget, title: str, folder: Path, filters: str,
                 chosen: Callable[[Path], None]) -> QFileDialog:
    """Ask for an existing file; `chosen(path)` when the user picks one."""
    chooser = QFileDialog(parent, title, str(folder), filters)
    chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _opened(chooser, chosen)


def save_chooser(parent: QWidget, title: str, suggested: Path, filters: str,
                 chosen: Callable[[Path], None]) -> QFileDialog:
    """Ask where to save, starting at `suggested` (folder and name); `chosen(path)` when the user accepts. A name
    typed without an extension gets the suggested one, and an existing file is only replaced once confirmed."""
    chooser = QFileDialog(parent, title, str(suggested), filters)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if suggested.suffix:
        chooser.setDefaultSuffix(suggested.suffix.lstrip("."))
    return _opened(chooser, chosen)


def _opened(chooser: QFileDialog, chosen: Callable[[Path], None]) -> QFileDialog:
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    chooser.fileSelected.connect(lambda name: chosen(Path(name)))
    chooser.open()
    return chooser
