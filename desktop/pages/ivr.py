"""IVR (admins): the prompt sets callers hear, by language. A prompt is played here, replaced by the operator's own
recording (a WAV or MP3 file the service converts to 8 kHz mono; its refusal is shown as it words it) or restored
to the product's recording. The media workers play a change from the next call on."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from desktop.api_client import ApiClient
from desktop.file_choosers import open_chooser
from desktop.ops import Op, error_text
from desktop.qt import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QHideEvent,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPalette,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession
from desktop.sound import SoundError, SoundPlayer
from desktop.styling import as_error, as_heading
from switch_service.api.schemas import Role
from switch_service.api.schemas.ivr import PromptLanguageOut, PromptOut, PromptSetsOut, PromptStoredOut

COL_NAME, COL_TEXT, COL_RECORDING = range(3)
MEDIA_TYPES = {".wav": "audio/wav", ".mp3": "audio/mpeg"}
PROMPTS = "/ivr/prompts"


class IvrPage(QWidget):
    ROLES: ClassVar[frozenset[Role]] = frozenset({Role.ADMIN})  # the main window lists the page for these only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._languages: dict[str, PromptLanguageOut] = {}
        self.player = SoundPlayer()
        self.file_dialog: QFileDialog | None = None
        self._played = QTimer(self)
        self._played.setInterval(200)
        self._played.timeout.connect(self._check_played)

        heading = as_heading(QLabel(self.tr("IVR prompts")))
        note = QLabel(self.tr("The recordings callers hear, by language. Replace a prompt with your own WAV or MP3 "
                              "recording (converted to 8 kHz mono, at most 2 minutes); Restore default brings the "
                              "product's recording back. The next call hears the change."))
        note.setWordWrap(True)
        self.language_list = QListWidget()
        self.language_list.currentItemChanged.connect(lambda _now, _before: self._show_language())
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Prompt"), self.tr("What it says"), self.tr("Recording")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_NAME, 200)
        self.table.setColumnWidth(COL_RECORDING, 110)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.play())
        splitter = QSplitter()
        splitter.addWidget(self.language_list)
        splitter.addWidget(self.table)
        splitter.setSizes([220, 780])

        self.play_button = QPushButton(self.tr("&Play"))
        self.play_button.clicked.connect(self.play)
        self.stop_button = QPushButton(self.tr("St&op"))
        self.stop_button.clicked.connect(self.stop)
        self.replace_button = QPushButton(self.tr("&Replace…"))
        self.replace_button.clicked.connect(self.choose)
        self.restore_button = QPushButton(self.tr("Restore &default"))
        self.restore_button.clicked.connect(self.restore)
        buttons = QHBoxLayout()
        for button in (self.play_button, self.stop_button, self.replace_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------------

    def set_session(self, session: DeskSession) -> None:
        self.stop()
        self._client = session.client if session.user.role in self.ROLES else None
        self._languages.clear()
        self.language_list.clear()
        self.table.setRowCount(0)
        self._say("")
        if self._client is None:
            return
        client = self._client
        (Op(self, lambda: client.get(PROMPTS, PromptSetsOut))
         .success(self._loaded)
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(None)
         .run())

    def _loaded(self, sets: PromptSetsOut) -> None:
        self._languages = {language.language: language for language in sets.languages}
        self.language_list.clear()
        for language in sorted(sets.languages, key=lambda item: item.name):
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, language.language)
            self.language_list.addItem(item)
            self._label(item)
        if self.language_list.count():
            self.language_list.setCurrentRow(0)

    def _label(self, item: QListWidgetItem) -> None:
        language = self._languages[item.data(Qt.ItemDataRole.UserRole)]
        text = f"{language.name} ({language.language})"
        if language.replaced:
            text += " — " + self.tr("%n replaced", "", language.replaced)
        item.setText(text)
        item.setToolTip(language.native_name)

    def current_language(self) -> str | None:
        item = self.language_list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select_language(self, code: str) -> bool:
        for row in range(self.language_list.count()):
            if self.language_list.item(row).data(Qt.ItemDataRole.UserRole) == code:
                self.language_list.setCurrentRow(row)
                return True
        return False

    def _show_language(self, keep: str | None = None) -> None:
        code = self.current_language()
        prompts = self._languages[code].prompts if code in self._languages else []
        self.table.setRowCount(len(prompts))
        for row, prompt in enumerate(prompts):
            recording = self.tr("replaced") if prompt.replaced else self.tr("product's")
            for column, text in ((COL_NAME, prompt.name), (COL_TEXT, prompt.text), (COL_RECORDING, recording)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            said = self.table.item(row, COL_TEXT)
            if prompt.replaced and said is not None:  # the words are the product's, not the operator's
                said.setForeground(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
                said.setToolTip(self.tr("What the product's recording says; your recording plays instead"))
        if keep is not None:
            self.select_prompt(keep)
        self._update_buttons()

    def selected_prompt(self) -> PromptOut | None:
        code, rows = self.current_language(), self.table.selectionModel().selectedRows()
        if code not in self._languages or not rows:
            return None
        return self._languages[code].prompts[rows[0].row()]

    def select_prompt(self, name: str) -> bool:
        code = self.current_language()
        prompts = self._languages[code].prompts if code in self._languages else []
        for row, prompt in enumerate(prompts):
            if prompt.name == name:
                self.table.selectRow(row)
                self.table.scrollTo(self.table.model().index(row, COL_NAME))
                return True
        return False

    def _update_buttons(self) -> None:
        prompt = self.selected_prompt()
        for button in (self.play_button, self.replace_button):
            button.setEnabled(prompt is not None)
        self.restore_button.setEnabled(prompt is not None and prompt.replaced)
        self.stop_button.setEnabled(self.player.playing)

    def _reload_language(self, code: str, keep: str) -> None:
        client = self._client
        if client is None:
            return
        (Op(self, lambda: client.get(PROMPTS, PromptSetsOut, params={"language": code}))
         .success(lambda sets: self._language_reloaded(sets, keep))
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(None)
         .run())

    def _language_reloaded(self, sets: PromptSetsOut, keep: str) -> None:
        for language in sets.languages:
            self._languages[language.language] = language
        item = self.language_list.currentItem()
        if item is not None:
            self._label(item)
        self._show_language(keep)

    def _path(self, prompt: PromptOut) -> str:
        return f"{PROMPTS}/{self.current_language()}/{prompt.name}.wav"

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        """Leaving the page (or the window closing) ends what plays."""
        self.stop()
        super().hideEvent(event)

    # --- playing ---------------------------------------------------------------------------------

    def play(self) -> None:
        prompt, client = self.selected_prompt(), self._client
        if prompt is None or client is None:
            return
        path = self._path(prompt)
        (Op(self, lambda: client.download(path))
         .success(lambda data: self._play(prompt, data))
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(None)
         .run())

    def _play(self, prompt: PromptOut, data: bytes) -> None:
        try:
            seconds = self.player.play(data)
        except SoundError as error:
            self._say(self.tr("{name} cannot be played here: {reason}").format(name=prompt.name, reason=error),
                      error=True)
            return
        self._say(self.tr("Playing {name} ({seconds:.1f} s)…").format(name=prompt.name, seconds=seconds))
        self._played.start()
        self._update_buttons()

    def _check_played(self) -> None:
        if not self.player.playing:
            self.stop()

    def stop(self) -> None:
        self._played.stop()
        self.player.stop()
        self._update_buttons()

    # --- replacing and restoring -----------------------------------------------------------------

    def choose(self) -> QFileDialog | None:
        if self.selected_prompt() is None:
            return None
        self.file_dialog = open_chooser(self, self.tr("Choose a recording"), Path.home(),
                                        self.tr("Recordings (*.wav *.mp3);;All files (*)"), self.send)
        return self.file_dialog

    def send(self, file: Path) -> None:
        prompt, client, code = self.selected_prompt(), self._client, self.current_language()
        if prompt is None or client is None or code is None:
            return
        try:
            data = file.read_bytes()
        except OSError as error:
            self._say(self.tr("{file} cannot be read: {reason}").format(file=file, reason=error.strerror),
                      error=True)
            return
        path = self._path(prompt)
        media_type = MEDIA_TYPES.get(file.suffix.lower(), "application/octet-stream")  # the service judges
        (Op(self, lambda: client.put_file(path, PromptStoredOut, data, media_type))
         .success(lambda stored: self._stored(code, stored))
         .failure(lambda error: self._say(
             self.tr("{file} was not taken: {reason}").format(file=file.name, reason=error_text(error)), error=True))
         .busy(self.tr("Sending the recording…"))
         .run())

    def _stored(self, code: str, stored: PromptStoredOut) -> None:
        self._say(self.tr("{name} replaced by your {kind} recording ({seconds:.1f} s, converted to 8 kHz mono); "
                          "the next call hears it.").format(name=stored.name, kind=stored.source_format,
                                                            seconds=stored.seconds))
        self._reload_language(code, stored.name)

    def restore(self) -> None:
        prompt, client, code = self.selected_prompt(), self._client, self.current_language()
        if prompt is None or client is None or code is None or not prompt.replaced:
            return
        path = self._path(prompt)
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._restored(code, prompt.name))
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(self.tr("Restoring the product's recording…"))
         .run())

    def _restored(self, code: str, name: str) -> None:
        self._say(self.tr("{name}: the product's recording plays again from the next call.").format(name=name))
        self._reload_language(code, name)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        if error:
            as_error(self.status)
        else:
            self.status.setPalette(self.palette())
