"""The card and voucher dialogs: generate a batch (a job of the service, followed with `JobPoller`, with Cancel),
export a batch's cards with their PINs for printing, make vouchers and show their codes the one time the service
gives them.

Files holding PINs or voucher codes are written readable by their owner only (mode 0600): they are money. The
service judges a batch's and a voucher's values; what it refuses is shown under the field (`desktop.pages.forms`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Sequence
from pathlib import Path

from pydantic import RootModel

from desktop.api_client import ApiClient
from desktop.file_choosers import save_chooser
from desktop.formatting import decimal_text, money
from desktop.job_poller import JobPoller
from desktop.ops import Op, error_text
from desktop.pages.forms import JudgedDialog, parse_amount, typed, unchecked
from desktop.pages.service_dialog import ServiceDialog
from desktop.qt import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.styling import as_warning
from switch_service.api.schemas import MAX_PAGE_SIZE
from switch_service.api.schemas.cards import (
    MAX_BATCH_CARDS,
    MAX_VOUCHERS_AT_ONCE,
    CardBatchCreate,
    CardBatchOut,
    VoucherCodeOut,
    VoucherCreate,
)
from switch_service.api.schemas.jobs import JobOut, JobState
from switch_service.api.schemas.rates import TariffKind, TariffPage
from switch_service.api.schemas.resellers import ResellerPage

DEFAULT_BATCH_SIZE = 100
DEFAULT_VALID_DAYS = 90
MAX_VALID_DAYS = 3650
VOUCHER_CSV_FIELDS = ("code", "value", "currency", "label", "expires_at")


def write_private(path: Path | str, content: bytes) -> None:
    """Write `content` to `path` readable and writable by its owner only (a file that existed is made so too)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        os.chmod(path, 0o600)
        file.write(content)


def end_of_day_utc(day: QDate) -> dt.datetime:
    """A date picked as "valid until": the last second of that day, UTC."""
    return dt.datetime(day.year(), day.month(), day.day(), 23, 59, 59, tzinfo=dt.UTC)


def _date_edit() -> QDateEdit:
    edit = QDateEdit(QDate.currentDate().addYears(1))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate.currentDate().addDays(1))
    edit.setEnabled(False)
    return edit


def _currency_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(3)
    edit.setPlaceholderText(QCoreApplication.translate("CardDialogs", "company currency"))
    return edit


def _fill_choices(combo: QComboBox, none_text: str, choices: Sequence[tuple[str, int]]) -> None:
    combo.clear()
    combo.addItem(none_text, None)
    for label, data in choices:
        combo.addItem(label, data)


class _ResellerChoice:
    """The reseller combo of both dialogs, filled from `GET /resellers` (the first page: a choice, not a list)."""

    def __init__(self, dialog: ServiceDialog, client: ApiClient) -> None:
        self.combo = QComboBox()
        none_text = QCoreApplication.translate("CardDialogs", "None: the operator sells them")
        _fill_choices(self.combo, none_text, ())
        (Op(dialog, lambda: client.get("/resellers", ResellerPage, {"limit": MAX_PAGE_SIZE}))
         .success(lambda page: _fill_choices(self.combo, none_text, [(r.name, r.id) for r in page.items]))
         .failure(lambda error: self.combo.setToolTip(error_text(error)))
         .busy(None)
         .run())

    def value(self) -> int | None:
        data = self.combo.currentData()
        return int(data) if data is not None else None


class GenerateBatchDialog(JudgedDialog):
    """Make a batch of cards. The service answers with a job at once; the dialog then shows its progress and
    offers to cancel it (a cancelled batch leaves nothing behind), and emits `generated` when it is done."""

    generated = Signal(int)  # the new batch's id

    def __init__(self, parent: QWidget, client: ApiClient) -> None:
        super().__init__(parent, self.tr("Generate a card batch"), self.tr("Generate"))
        self._client = client
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.name_edit.setPlaceholderText(self.tr("e.g. Shop cards 10 EUR, May"))
        self.count_box = QSpinBox()
        self.count_box.setRange(1, MAX_BATCH_CARDS)
        self.count_box.setGroupSeparatorShown(True)
        self.count_box.setValue(DEFAULT_BATCH_SIZE)
        self.value_edit = QLineEdit()
        self.value_edit.setMaxLength(24)
        self.value_edit.setPlaceholderText("10.00")
        self.currency_edit = _currency_edit()
        self.expires_check = QCheckBox(self.tr("Valid until"))
        self.expires_date = _date_edit()
        self.expires_check.toggled.connect(self.expires_date.setEnabled)
        self.days_check = QCheckBox(self.tr("Expire after first use, in days"))
        self.days_box = QSpinBox()
        self.days_box.setRange(1, MAX_VALID_DAYS)
        self.days_box.setValue(DEFAULT_VALID_DAYS)
        self.days_box.setEnabled(False)
        self.days_check.toggled.connect(self.days_box.setEnabled)
        self.distributor_edit = QLineEdit()
        self.distributor_edit.setMaxLength(120)
        self.distributor_edit.setPlaceholderText(self.tr("who distributes the printed cards (optional)"))
        self.resellers = _ResellerChoice(self, client)
        self.tariff_combo = QComboBox()
        self._load_tariffs()

        self.row(self.tr("Name"), "name", self.name_edit)
        self.row(self.tr("Cards"), "count", self.count_box)
        self.row(self.tr("Face value"), "face_value", self.value_edit)
        self.row(self.tr("Currency"), "currency", self.currency_edit)
        self.form.addRow(self.expires_check, self.errors.under("expires_at", self.expires_date))
        self.form.addRow(self.days_check, self.errors.under("valid_days_after_first_use", self.days_box))
        self.row(self.tr("Distributor"), "distributor", self.distributor_edit)
        self.row(self.tr("Reseller"), "reseller_id", self.resellers.combo)
        self.row(self.tr("Tariff"), "tariff_id", self.tariff_combo)
        self.fields: list[QWidget] = [self.name_edit, self.count_box, self.value_edit, self.currency_edit,
                                      self.expires_check, self.days_check, self.distributor_edit,
                                      self.resellers.combo, self.tariff_combo]
        self._add_progress()
        self.poller = JobPoller(client, self)
        self.poller.updated.connect(self._progressed)
        self.poller.ended.connect(self._ended)
        self.poller.lost.connect(self._lost)

    def _add_progress(self) -> None:
        """The progress bar and its Cancel, shown instead of the buttons while the job runs."""
        self.progress_bar = QProgressBar()
        self.progress_label = QLabel()
        self.stop_button = QPushButton(self.tr("Cancel generation"))
        self.stop_button.clicked.connect(self.cancel_job)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.stop_button)
        self.progress = QWidget()
        self.progress.setLayout(progress_row)
        self.progress.hide()
        self.progress_label.hide()
        self.body_layout.insertWidget(1, self.progress)
        self.body_layout.insertWidget(2, self.progress_label)

    def _load_tariffs(self) -> None:
        client, none_text = self._client, self.tr("None: the company's default")
        _fill_choices(self.tariff_combo, none_text, ())
        (Op(self, lambda: client.get("/tariffs", TariffPage, {"kind": TariffKind.SELL.value, "limit": MAX_PAGE_SIZE}))
         .success(lambda page: _fill_choices(self.tariff_combo, none_text, [(t.name, t.id) for t in page.items]))
         .failure(lambda error: self.tariff_combo.setToolTip(error_text(error)))
         .busy(None)
         .run())

    def _body(self) -> CardBatchCreate:
        tariff = self.tariff_combo.currentData()
        return unchecked(
            CardBatchCreate,
            name=self.name_edit.text(),
            count=self.count_box.value(),
            face_value=typed("face_value", parse_amount, self.value_edit.text()),
            currency=self.currency_edit.text().strip() or None,
            expires_at=end_of_day_utc(self.expires_date.date()) if self.expires_check.isChecked() else None,
            valid_days_after_first_use=self.days_box.value() if self.days_check.isChecked() else None,
            distributor=self.distributor_edit.text().strip() or None,
            reseller_id=self.resellers.value(),
            tariff_id=int(tariff) if tariff is not None else None,
        )

    def submit(self) -> None:
        body = self.values_or_say(self._body)
        if body is None:
            return
        client = self._client
        self.send(lambda: client.post("/card-batches", JobOut, body), self._started, self.tr("Starting the batch…"))

    # --- the job ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.poller.active

    def cancel_job(self) -> None:
        """Ask the service to stop; the dialog stays until the job says it has."""
        self.stop_button.setEnabled(False)
        self.progress_label.setText(self.tr("Cancelling…"))
        self.poller.cancel()

    def reject(self) -> None:
        if self.running:  # closing the window while cards are being made means: stop making them
            self.cancel_job()
            return
        super().reject()

    def _started(self, job: JobOut) -> None:
        self._set_running(True)
        self.poller.start(job)

    def _progressed(self, job: JobOut) -> None:
        if job.total:
            self.progress_bar.setRange(0, job.total)
            self.progress_bar.setValue(job.done)
        else:
            self.progress_bar.setRange(0, 0)  # not known yet: a busy bar
        if self.stop_button.isEnabled():
            self.progress_label.setText(job.message or self.tr("Waiting for the service…"))

    def _ended(self, job: JobOut) -> None:
        if job.state is JobState.SUCCEEDED and job.result is not None:
            self.progress_bar.setRange(0, job.total or 1)
            self.progress_bar.setValue(job.total or 1)
            self.generated.emit(int(job.result["batch_id"]))
            self.accept()
            return
        self._set_running(False)
        if job.state is JobState.CANCELLED:
            self.show_error(self.tr("Cancelled: no cards were made."))
        else:
            self.show_error("\n".join(job.errors) or job.message)

    def _lost(self, message: str) -> None:
        self._set_running(False)
        self.show_error(self.tr("The service stopped answering about the batch: {message}. Refresh the list to "
                                "see whether it was made.").format(message=message))

    def _set_running(self, running: bool) -> None:
        for widget in self.fields:
            widget.setEnabled(not running)
        self.expires_date.setEnabled(not running and self.expires_check.isChecked())
        self.days_box.setEnabled(not running and self.days_check.isChecked())
        self.buttons.setVisible(not running)
        self.progress.setVisible(running)
        self.progress_label.setVisible(running)
        self.stop_button.setEnabled(running)
        if running:
            self.progress_bar.setRange(0, 0)
            self.progress_label.setText(self.tr("Waiting for the service…"))


class ExportCardsDialog(ServiceDialog):
    """Save a batch's cards with their PINs in clear (the printing file); the warning says what that means."""

    exported = Signal(str)  # the path written

    def __init__(self, parent: QWidget, client: ApiClient, batch: CardBatchOut) -> None:
        super().__init__(parent, self.tr("Export batch {name} for printing").format(name=batch.name),
                         self.tr("Save file"))
        self._client = client
        self._batch = batch
        self.warning_label = QLabel(self.tr(
            "This file holds the live PINs of all {count} cards of batch {name}, in clear. Anyone who reads it can "
            "spend the cards' credit. Save it where only you can read it (it is written readable by you alone), "
            "and delete it once the cards are printed. The export is recorded in the audit log."
        ).format(count=f"{batch.count:,}", name=batch.name))
        self.warning_label.setWordWrap(True)
        as_warning(self.warning_label)
        self.path_edit = QLineEdit(str(Path.home() / f"cards-{batch.id}.csv"))
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.body_layout.insertWidget(0, self.warning_label)
        self.form.addRow(self.tr("File"), path_row)

    def _browse(self) -> QFileDialog:
        return save_chooser(self, self.tr("Save the cards of batch {name}").format(name=self._batch.name),
                            Path(self.path_edit.text()), self.tr("CSV files (*.csv)"),
                            lambda path: self.path_edit.setText(str(path)))

    def submit(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.show_error(self.tr("Choose the file to save the cards in."))
            return
        client, url = self._client, f"/card-batches/{self._batch.id}/cards.csv"

        def export() -> str:
            write_private(path, client.download(url))
            return path

        self.send(export, self._exported, self.tr("Exporting the cards…"))

    def _exported(self, path: str) -> None:
        self.exported.emit(path)
        self.accept()


class VoucherDialog(JudgedDialog):
    """Make vouchers; the service gives their codes in its answer only, so the dialog then shows them, to copy or
    save, until it is closed."""

    made = Signal(int)  # how many vouchers were made

    def __init__(self, parent: QWidget, client: ApiClient) -> None:
        super().__init__(parent, self.tr("Generate vouchers"), self.tr("Generate"))
        self._client = client
        self.codes: list[VoucherCodeOut] = []
        self.count_box = QSpinBox()
        self.count_box.setRange(1, MAX_VOUCHERS_AT_ONCE)
        self.count_box.setValue(10)
        self.value_edit = QLineEdit()
        self.value_edit.setMaxLength(24)
        self.value_edit.setPlaceholderText("5.00")
        self.currency_edit = _currency_edit()
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(120)
        self.label_edit.setPlaceholderText(self.tr("e.g. a campaign, to find them by"))
        self.expires_check = QCheckBox(self.tr("Valid until"))
        self.expires_date = _date_edit()
        self.expires_check.toggled.connect(self.expires_date.setEnabled)
        self.resellers = _ResellerChoice(self, client)
        self.row(self.tr("Vouchers"), "count", self.count_box)
        self.row(self.tr("Value"), "value", self.value_edit)
        self.row(self.tr("Currency"), "currency", self.currency_edit)
        self.row(self.tr("Label"), "label", self.label_edit)
        self.form.addRow(self.expires_check, self.errors.under("expires_at", self.expires_date))
        self.row(self.tr("Only for accounts of"), "reseller_id", self.resellers.combo)

        self.codes_warning = QLabel(self.tr("These codes are shown only now: copy or save them before you close "
                                            "this window. Each one is worth its value to whoever types it."))
        self.codes_warning.setWordWrap(True)
        as_warning(self.codes_warning)
        self.codes_edit = QPlainTextEdit()
        self.codes_edit.setReadOnly(True)
        self.codes_edit.setMinimumHeight(self.fontMetrics().height() * 12)
        self.copy_button = QPushButton(self.tr("Copy all"))
        self.copy_button.clicked.connect(self.copy_codes)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.clicked.connect(self.ask_save)
        self.saved_label = QLabel()
        codes_row = QHBoxLayout()
        codes_row.addWidget(self.saved_label, 1)
        codes_row.addWidget(self.copy_button)
        codes_row.addWidget(self.save_button)
        self.codes_view = QWidget()
        codes_layout = QVBoxLayout(self.codes_view)
        codes_layout.setContentsMargins(0, 0, 0, 0)
        codes_layout.addWidget(self.codes_warning)
        codes_layout.addWidget(self.codes_edit)
        codes_layout.addLayout(codes_row)
        self.codes_view.hide()
        self.body_layout.insertWidget(1, self.codes_view)

    def _body(self) -> VoucherCreate:
        return unchecked(
            VoucherCreate,
            count=self.count_box.value(),
            value=typed("value", parse_amount, self.value_edit.text()),
            currency=self.currency_edit.text().strip() or None,
            label=self.label_edit.text(),
            reseller_id=self.resellers.value(),
            expires_at=end_of_day_utc(self.expires_date.date()) if self.expires_check.isChecked() else None,
        )

    def submit(self) -> None:
        body = self.values_or_say(self._body)
        if body is None:
            return
        client = self._client
        self.send(lambda: _made_vouchers(client, body), self._made, self.tr("Making the vouchers…"))

    def _made(self, codes: list[VoucherCodeOut]) -> None:
        self.codes = codes
        self.codes_edit.setPlainText("\n".join(
            f"{voucher.code}    {money(voucher.value, voucher.currency)}" for voucher in codes))
        # the form stays, read-only, to say what the codes are worth
        for widget in (self.count_box, self.value_edit, self.currency_edit, self.label_edit, self.expires_check,
                       self.expires_date, self.resellers.combo):
            widget.setEnabled(False)
        self.ok_button.hide()
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(self.tr("Close"))
        self.codes_view.show()
        self.made.emit(len(codes))

    def copy_codes(self) -> None:
        QApplication.clipboard().setText(self.codes_edit.toPlainText())
        self.saved_label.setText(self.tr("Copied to the clipboard."))

    def ask_save(self) -> QFileDialog:
        return save_chooser(self, self.tr("Save the voucher codes"), Path.home() / "vouchers.csv",
                            self.tr("CSV files (*.csv)"), self.save_codes)

    def save_codes(self, path: Path) -> None:
        """The codes as CSV, written readable by the user alone."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(VOUCHER_CSV_FIELDS)
        for voucher in self.codes:
            writer.writerow([voucher.code, decimal_text(voucher.value), voucher.currency, voucher.label,
                             voucher.expires_at.isoformat() if voucher.expires_at else ""])
        try:
            write_private(path, buffer.getvalue().encode())
        except OSError as exc:
            self.show_error(self.tr("Could not save {path}: {reason}").format(path=path, reason=exc.strerror))
            return
        self.saved_label.setText(self.tr("Saved to {path}").format(path=path))


class _VoucherCodes(RootModel[list[VoucherCodeOut]]):
    """`POST /vouchers` answers a list; the client parses one model."""


def _made_vouchers(client: ApiClient, body: VoucherCreate) -> list[VoucherCodeOut]:
    return client.post("/vouchers", _VoucherCodes, body).root
