"""The Language menu: the choice is a preference read at start-up (desktop.i18n), so it says that a
change applies after a restart rather than half-translating the open windows."""

from __future__ import annotations

from desktop import i18n, preferences
from desktop.qt import QAction, QActionGroup, QMenu, QMessageBox, Qt, QWidget


class LanguageMenu(QMenu):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(self.tr("&Language"), parent)
        chosen = preferences.language()
        system = i18n.LANGUAGES[i18n.system_language()]
        choices = [("", self.tr("System language ({language})").format(language=system)),
                   *i18n.LANGUAGES.items()]
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        for code, name in choices:
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == chosen or (code == "" and chosen not in i18n.LANGUAGES))
            action.setData(code)
            self.group.addAction(action)
            self.addAction(action)
        self.addSeparator()
        note = self.addAction(self.tr("A new language applies after a restart"))
        note.setEnabled(False)
        self.group.triggered.connect(self.choose)

    def choose(self, action: QAction) -> None:
        code = str(action.data() or "")
        preferences.set_language(code)
        language = i18n.resolve_language(code)
        if language == i18n.active_language():
            return
        notice = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"),
                             self.tr("Carrierdesk will speak {language} from its next start. "
                                     "Restart it to switch now.").format(language=i18n.LANGUAGES[language]),
                             QMessageBox.StandardButton.Ok, self.parentWidget())
        notice.setObjectName("language_notice")
        notice.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        notice.open()  # not exec(): nothing waits on it
