"""Help → About: which versions work together here (this desktop, the service it is signed in to, the database
schema, Qt and Python), so a problem report says what runs."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

from desktop.qt import QCoreApplication, QMessageBox, Qt, QWidget, qVersion
from desktop.session import DeskSession

DISTRIBUTION = "carrierdesk"


def desktop_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def versions(session: DeskSession | None) -> list[tuple[str, str]]:
    """(what, version) lines, in the user's language."""
    translate = QCoreApplication.translate
    lines = [(translate("About", "Carrierdesk desktop"), desktop_version())]
    if session is not None:
        health = session.health
        lines += [
            (translate("About", "Service"),
             translate("About", "{version} at {url}").format(version=health.version, url=session.client.base_url)),
            (translate("About", "Database"), health.database),
            (translate("About", "Schema revision"), health.schema_revision or translate("About", "not known")),
        ]
    lines += [(translate("About", "Qt"), qVersion()), (translate("About", "Python"), platform.python_version())]
    return lines


def show_about(parent: QWidget, session: DeskSession | None) -> QMessageBox:
    """A non-blocking box; its text can be selected and copied into a problem report."""
    rows = "".join(f"<tr><td>{what}</td><td>&nbsp;&nbsp;{which}</td></tr>" for what, which in versions(session))
    markup = f"<table>{rows}</table>"  # the words in it are translated above
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("About", "About Carrierdesk"),
                      markup, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
