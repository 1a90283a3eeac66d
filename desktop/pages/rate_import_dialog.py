"""Load a rate deck into a tariff: choose the file, its layout and when it takes effect; the service imports it
as a background job (all rows or none) and the dialog follows it with a progress bar and a Cancel button.

To help with the file: the columns of the chosen layout are listed (the service's own table of them), a template
of the native layout can be saved, and a chosen file's first line is shown to the service, which names the layout
it reads it as (or says it cannot tell, and which columns it would refuse) before anything is sent.

A deck with bad rows imports nothing: every bad line the service found is listed (line number and problem) in a
list the user can copy, to fix the file and try again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.api_client import ApiClient
from desktop.dialogs import DeskDialog
from desktop.file_choosers import open_chooser, save_chooser
from desktop.job_poller import JobPoller
from desktop.ops import Op, error_text
from desktop.qt import (
    QApplication,
    QComboBox,
    QCoreApplication,
    QDateTime,
    QDateTimeEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    Qt,
    QTimeZone,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.service_errors import plain_words
from desktop.styling import as_error
from switch_service.api.schemas.jobs import JobOut, JobState
from switch_service.api.schemas.rates import DeckDetectionOut, DeckFormat, DeckHeaderIn, DeckLayoutsOut, TariffOut

FIRST_LINE_LIMIT = 10_000  # characters of a deck's first line shown to the service (its header)


def deck_format_name(fmt: DeckFormat | None) -> str:
    return {
        None: QCoreApplication.translate("RateImport", "Recognise from the header"),
        DeckFormat.NATIVE: QCoreApplication.translate("RateImport", "Carrierdesk (native)"),
        DeckFormat.A2BILLING: QCoreApplication.translate("RateImport", "A2Billing"),
        DeckFormat.ASTPP: QCoreApplication.translate("RateImport", "ASTPP"),
        DeckFormat.MAGNUS: QCoreApplication.translate("RateImport", "MagnusBilling"),
    }[fmt]


def first_line(path: Path) -> str:
    """The header of a deck file (its first line), or "" when it cannot be read."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as deck:
            return deck.readline(FIRST_LINE_LIMIT).rstrip("\r\n")
    except OSError:
        return ""


def columns_text(layouts: DeckLayoutsOut, fmt: DeckFormat) -> str:
    """'prefix (required), destination, …': the columns of a layout as the service lists them."""
    layout = next((layout for layout in layouts.layouts if layout.format is fmt), None)
    if layout is None:
        return ""
    return ", ".join(QCoreApplication.translate("RateImport", "{column} (required)").format(column=column.column)
                     if column.column in layout.required else column.column for column in layout.columns)


def upload_fields(fmt: DeckFormat | None, starts: dt.datetime) -> dict[str, str]:
    """The form fields of POST /tariffs/{id}/imports besides the file."""
    fields = {"starts": starts.astimezone(dt.UTC).isoformat()}
    if fmt is not None:
        fields["format"] = fmt.value
    return fields


class RateImportDialog(DeskDialog):
    """`imported` carries the finished job (its `result` says how many rates were loaded)."""

    imported = Signal(object)  # JobOut
    ASKS_BEFORE_DISCARD = False  # choosing a file is no work lost; closing while importing cancels the import

    def __init__(self, parent: QWidget, client: ApiClient, tariff: TariffOut) -> None:
        super().__init__(parent)
        self._client = client
        self._tariff_id = tariff.id
        self.file_dialog: QFileDialog | None = None
        self.layouts = DeckLayoutsOut(layouts=[])
        self.detected: DeckDetectionOut | None = None
        self.setWindowTitle(self.tr("Import rates into {tariff}").format(tariff=tariff.name))
        self.setMinimumWidth(520)

        form = self._build_inputs()
        self._build_outcome()
        self._build_buttons()

        self.poller = JobPoller(client, self)
        self.poller.updated.connect(self._show_progress)
        self.poller.ended.connect(self._ended)
        self.poller.lost.connect(self._lost)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.columns_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.state_label)
        layout.addWidget(self.problems_list, 1)
        layout.addWidget(self.buttons)
        (Op(self, lambda: client.get("/rate-decks/formats", DeckLayoutsOut))
         .success(self._layouts_known).failure(lambda _error: None).busy(None).run())

    def _build_inputs(self) -> QFormLayout:
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("a CSV rate deck"))
        self.file_edit.editingFinished.connect(self.detect)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.template_button = QPushButton(self.tr("Save a template…"))
        self.template_button.setToolTip(self.tr("A deck of the native layout with every column and one example row"))
        self.template_button.clicked.connect(self.save_template)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        file_row.addWidget(self.template_button)
        self.detected_label = QLabel()
        self.detected_label.setWordWrap(True)
        self.detected_label.hide()
        self.format_combo = QComboBox()
        for fmt in (None, *DeckFormat):
            self.format_combo.addItem(deck_format_name(fmt), fmt.value if fmt else None)
        self.format_combo.currentIndexChanged.connect(self._show_columns)
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.columns_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.starts_edit = QDateTimeEdit(QDateTime.currentDateTimeUtc())
        self.starts_edit.setTimeZone(QTimeZone.utc())
        self.starts_edit.setCalendarPopup(True)
        self.starts_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.starts_edit.setToolTip(self.tr("When the new rates take effect, in UTC. Rows of the deck that name "
                                            "their own start keep it; earlier rates of the same prefixes end then."))
        form = QFormLayout()
        form.addRow(self.tr("Deck file"), file_row)
        form.addRow("", self.detected_label)
        form.addRow(self.tr("Layout"), self.format_combo)
        form.addRow(self.tr("Takes effect (UTC)"), self.starts_edit)
        self.inputs = (self.file_edit, self.browse_button, self.template_button, self.format_combo, self.starts_edit)
        return form

    def _build_outcome(self) -> None:
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._plain_palette = self.state_label.palette()
        self.problems_list = QListWidget()
        self.problems_list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.problems_list.hide()
        self.copy_button = QPushButton(self.tr("Copy the list"))
        self.copy_button.clicked.connect(self.copy_problems)

    def _build_buttons(self) -> None:
        self.buttons = self.make_buttons(self.tr("Import"), self.start, cancel=self.tr("Close"))
        assert self.action_button is not None and self.cancel_button is not None
        self.import_button: QPushButton = self.action_button
        self.close_button: QPushButton = self.cancel_button
        self.stop_button = QPushButton(self.tr("Cancel import"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.hide()  # after addButton, which shows them
        self.stop_button.hide()
        self.stop_button.clicked.connect(self.cancel_import)

    # --- choosing ----------------------------------------------------------------------------------

    def browse(self) -> QFileDialog:
        self.file_dialog = open_chooser(self, self.tr("Choose a rate deck"), Path(self.file_edit.text()).parent,
                                        self.tr("Rate decks (*.csv *.txt);;All files (*)"), self._chosen)
        return self.file_dialog

    def _chosen(self, path: Path) -> None:
        self.file_edit.setText(str(path))
        self.detect()

    def detect(self) -> None:
        """Show the chosen file's first line to the service: the layout it reads it as, or why it cannot tell."""
        text = self.file_edit.text().strip()
        line = first_line(Path(text)) if text else ""
        self.detected = None
        if not line:
            self.detected_label.hide()
            return
        client, body = self._client, DeckHeaderIn(first_line=line)
        (Op(self, lambda: client.post("/rate-decks/detect", DeckDetectionOut, body))
         .success(self._detected).failure(lambda _error: self.detected_label.hide()).busy(None).run())

    def _detected(self, found: DeckDetectionOut) -> None:
        self.detected = found
        self.detected_label.setPalette(self.palette())
        if found.format is None:
            as_error(self.detected_label)
            self.detected_label.setText(self.tr("Carrierdesk cannot tell this file's layout from its first line: "
                                                "choose the layout below, or start from the template."))
        else:
            problems = [self.tr("columns it does not know: {names}").format(names=", ".join(found.unknown_columns))
                        ] if found.unknown_columns else []
            problems += [self.tr("required columns missing: {names}").format(
                names=", ".join(found.missing_columns))] if found.missing_columns else []
            text = self.tr("Recognised layout: {layout}.").format(layout=deck_format_name(found.format))
            if problems:
                as_error(self.detected_label)
                text = f"{text} {'; '.join(problems)}."
            self.detected_label.setText(text)
        self.detected_label.show()
        self._show_columns()

    def _layouts_known(self, layouts: DeckLayoutsOut) -> None:
        self.layouts = layouts
        self._show_columns()

    def _show_columns(self) -> None:
        """The columns of the layout chosen, else of the one recognised, else of the native one."""
        fmt = self.deck_format() or (self.detected.format if self.detected else None) or DeckFormat.NATIVE
        columns = columns_text(self.layouts, fmt)
        self.columns_label.setText(self.tr("Columns of the {layout} layout: {columns}.").format(
            layout=deck_format_name(fmt), columns=columns) if columns else "")
        self.fit_height()

    def save_template(self) -> QFileDialog:
        """Where to save the template; it comes from the service."""
        self.file_dialog = save_chooser(self, self.tr("Save a rate deck template"),
                                        Path.home() / "rate-deck-template.csv", self.tr("Rate decks (*.csv)"),
                                        self._write_template)
        return self.file_dialog

    def _write_template(self, target: Path) -> None:
        client = self._client

        def write() -> Path:
            target.write_bytes(client.download("/rate-decks/template.csv"))
            return target

        (Op(self, write)
         .success(lambda written: self._say(self.tr("Template saved to {path}: fill it in, then choose it above.")
                                            .format(path=written)))
         .failure(lambda error: self._show_problem(self.tr("The template was not saved: {message}").format(
             message=error_text(error))))
         .busy(None).run())

    def _say(self, message: str) -> None:
        self.state_label.setPalette(self._plain_palette)
        self.state_label.setText(message)

    def deck_format(self) -> DeckFormat | None:
        data = self.format_combo.currentData()
        return DeckFormat(data) if data else None

    def starts(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.starts_edit.dateTime().toSecsSinceEpoch(), dt.UTC)

    # --- importing ---------------------------------------------------------------------------------

    def start(self) -> None:
        path = Path(self.file_edit.text().strip())
        if not self.file_edit.text().strip() or not path.is_file():
            self._show_problem(self.tr("Choose the deck file to import."))
            return
        self._set_running(True)
        self._clear_outcome()
        self.state_label.setText(self.tr("Sending {file}…").format(file=path.name))
        client, where = self._client, f"/tariffs/{self._tariff_id}/imports"
        fields = upload_fields(self.deck_format(), self.starts())
        (Op(self, lambda: client.upload(where, JobOut, path.name, path.read_bytes(), fields))
         .success(self.poller.start)
         .failure(self._refused)
         .busy(None)
         .run())

    def cancel_import(self) -> None:
        self.stop_button.setEnabled(False)
        self.state_label.setText(self.tr("Cancelling…"))
        self.poller.cancel()

    def _show_progress(self, job: JobOut) -> None:
        self.progress_bar.show()
        if job.total is None:
            self.progress_bar.setRange(0, 0)  # reading the deck: how many rows is not known yet
            self.state_label.setText(self.tr("Reading and checking the deck…"))
            return
        self.progress_bar.setRange(0, max(job.total, 1))
        self.progress_bar.setValue(job.done)
        self.progress_bar.setFormat(self.tr("%v of %m rows"))
        self.state_label.setText(self.tr("Loading rates: {done} of {total}").format(done=job.done, total=job.total))

    def _ended(self, job: JobOut) -> None:
        self._set_running(False)
        if job.state is JobState.SUCCEEDED:
            result = job.result or {}
            self.progress_bar.show()
            self.progress_bar.setRange(0, max(job.total or 0, 1))
            self.progress_bar.setValue(max(job.total or 0, 1))
            self.progress_bar.setFormat(self.tr("%v of %m rows"))
            layout = result.get("format")
            self.state_label.setText(self.tr("Imported {rows} rates from a deck of the {layout} layout; {closed} "
                                             "earlier rates now end where they start.").format(
                rows=result.get("rows", job.done), closed=result.get("closed", 0),
                layout=deck_format_name(DeckFormat(layout)) if layout in set(DeckFormat) else layout))
            self.import_button.hide()
            self.imported.emit(job)
        elif job.state is JobState.CANCELLED:
            self.progress_bar.hide()
            self.state_label.setText(self.tr("Import cancelled. Nothing was imported."))
        else:
            self.progress_bar.hide()
            self._show_problem(self.tr("Nothing was imported. {message}").format(message=plain_words(job.message)))
            if job.errors:
                self.problems_list.addItems([plain_words(problem) for problem in job.errors])
                self.problems_list.show()
                self.copy_button.show()

    def _refused(self, error: Exception) -> None:
        self._set_running(False)
        self._show_problem(self.tr("Nothing was imported. {message}").format(message=error_text(error)))

    def _lost(self, message: str) -> None:
        self._set_running(False)
        self._show_problem(self.tr("Lost track of the import: {message}").format(message=message))

    # --- the bad rows ------------------------------------------------------------------------------

    def problems(self) -> list[str]:
        return [self.problems_list.item(row).text() for row in range(self.problems_list.count())]

    def copy_problems(self) -> None:
        """The selected lines, or all when none is selected, one per line."""
        selected = {index.row() for index in self.problems_list.selectedIndexes()}
        lines = [text for row, text in enumerate(self.problems()) if not selected or row in selected]
        QApplication.clipboard().setText("\n".join(lines) + "\n")

    # --- state -------------------------------------------------------------------------------------

    def _set_running(self, running: bool) -> None:
        for widget in self.inputs:
            widget.setEnabled(not running)
        self.import_button.setEnabled(not running)
        self.stop_button.setVisible(running)
        self.stop_button.setEnabled(running)
        self.close_button.setEnabled(not running)

    def _clear_outcome(self) -> None:
        self.problems_list.clear()
        self.problems_list.hide()
        self.copy_button.hide()
        self.progress_bar.hide()
        self.progress_bar.setRange(0, 0)
        self.state_label.setPalette(self._plain_palette)

    def _show_problem(self, message: str) -> None:
        as_error(self.state_label)
        self.state_label.setText(message)

    def running(self) -> bool:
        return self.stop_button.isVisible()

    def reject(self) -> None:
        """Closing while the import runs cancels it (Close is disabled then; this is Esc or the window's
        close button): nobody would see how it ends."""
        if self.running():
            self.poller.cancel()
            self.poller.stop()
        super().reject()
