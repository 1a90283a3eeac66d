"""Statements and invoices as the service renders them (PDF): a month picker with Open and Save…, shared by the
account page's Statements tab and the Resellers page, and the tab's list of issued documents.

The desktop never computes a figure: it asks `GET .../statements/{period}.pdf`, which issues an ended month once
(numbered, kept by the service) and renders the current month provisionally."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.api_client import ApiClient
from desktop.file_choosers import save_chooser
from desktop.ops import Op, error_text
from desktop.paged_table import Column, PageLoader
from desktop.pages.account_tabs import AccountTab, local_time
from desktop.qt import (
    QComboBox,
    QCoreApplication,
    QDesktopServices,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QUrl,
    QWidget,
    Signal,
)
from desktop.styling import as_error
from switch_service.api.schemas.documents import DocumentMailOut, IssuedDocumentOut, IssuedDocumentPage

MONTHS_OFFERED = 24


def recent_periods(today: dt.date | None = None, count: int = MONTHS_OFFERED) -> list[str]:
    """YYYY-MM of this month and the `count - 1` before it, newest first."""
    day = today or dt.date.today()
    year, month = day.year, day.month
    periods = []
    for _ in range(count):
        periods.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return periods


def kind_name(kind: str) -> str:
    return {
        "invoice": QCoreApplication.translate("Statements", "Invoice"),
        "statement": QCoreApplication.translate("Statements", "Statement"),
        "reseller_statement": QCoreApplication.translate("Statements", "Reseller statement"),
    }.get(kind, kind)


def open_folder() -> Path:
    """Where Open puts a PDF for the system's viewer (a folder of this user's temporary files)."""
    folder = Path(tempfile.gettempdir()) / "carrierdesk-statements"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class StatementPicker(QWidget):
    """A month and what to do with its statement: Open (the system's PDF viewer), Save… (a file) or Send by e-mail
    (to the owner's address, by the service's mail component)."""

    fetched = Signal(str)  # the period whose PDF came back (an ended month is now issued)

    def __init__(self, file_stem: Callable[[str], str]) -> None:
        super().__init__()
        self._file_stem = file_stem
        self._client: ApiClient | None = None
        self._path: str | None = None  # the API path before `/{period}.pdf`
        self.period_box = QComboBox()
        self.period_box.setAccessibleName(self.tr("Month"))
        self.set_periods(recent_periods())
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("The month's statement in this computer's PDF viewer"))
        self.open_button.clicked.connect(self.open_statement)
        self.save_button = QPushButton(self.tr("Sa&ve…"))
        self.save_button.setToolTip(self.tr("The month's statement as a PDF file"))
        self.save_button.clicked.connect(self.ask_save)
        self.mail_button = QPushButton(self.tr("Send by e-mail"))
        self.mail_button.setToolTip(self.tr("The month's statement to the address on record, the PDF attached"))
        self.mail_button.clicked.connect(self.send_by_mail)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        month_label = QLabel(self.tr("&Month:"))
        month_label.setBuddy(self.period_box)  # Alt+M
        row.addWidget(month_label)
        row.addWidget(self.period_box)
        row.addWidget(self.open_button)
        row.addWidget(self.save_button)
        row.addWidget(self.mail_button)
        row.addWidget(self.status_label, 1)
        self.set_target(None, None)

    def set_periods(self, periods: list[str]) -> None:
        self.period_box.clear()
        for index, period in enumerate(periods):
            label = self.tr("{month} (so far)").format(month=period) if index == 0 else period
            self.period_box.addItem(label, period)

    def set_target(self, client: ApiClient | None, path: str | None) -> None:
        """Whose statements (`/accounts/7/statements`); None: nothing chosen, buttons off."""
        self._client, self._path = client, path
        for button in (self.open_button, self.save_button, self.mail_button):
            button.setEnabled(path is not None)
        self.status_label.clear()

    def period(self) -> str:
        return str(self.period_box.currentData())

    def choose(self, period: str) -> None:
        index = self.period_box.findData(period)
        if index >= 0:
            self.period_box.setCurrentIndex(index)

    def open_statement(self) -> None:
        period = self.period()
        self._fetch(period, lambda pdf: self._opened(period, pdf))

    def ask_save(self) -> QFileDialog:
        period = self.period()
        return save_chooser(self, self.tr("Save statement"), Path.home() / f"{self._file_stem(period)}.pdf",
                            self.tr("PDF files (*.pdf)"), lambda path: self.save_to(period, path))

    def save_to(self, period: str, path: Path) -> None:
        def written(pdf: bytes) -> None:
            try:
                path.write_bytes(pdf)
            except OSError as error:
                self._say(self.tr("Could not write {path}: {reason}").format(path=path, reason=error.strerror),
                          error=True)
                return
            self._say(self.tr("Statement of {month} saved to {path}").format(month=period, path=path))

        self._fetch(period, written)

    def send_by_mail(self) -> None:
        client, path, period = self._client, self._path, self.period()
        if client is None or path is None:
            return
        self.status_label.clear()

        def queued(mail: DocumentMailOut) -> None:
            self._say(self.tr("Statement {number} goes to {address} by e-mail").format(number=mail.number,
                                                                                      address=mail.to))
            self.fetched.emit(period)

        (Op(self, lambda: client.post(f"{path}/{period}/mail", DocumentMailOut))
         .success(queued)
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(self.tr("Sending the statement…"))
         .run())

    def _opened(self, period: str, pdf: bytes) -> None:
        path = open_folder() / f"{self._file_stem(period)}.pdf"
        path.write_bytes(pdf)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self._say(self.tr("Statement of {month} opened ({path})").format(month=period, path=path))

    def _fetch(self, period: str, then: Callable[[bytes], None]) -> None:
        client, path = self._client, self._path
        if client is None or path is None:
            return
        self.status_label.clear()
        self.open_button.setEnabled(False)
        self.save_button.setEnabled(False)

        def done(pdf: bytes) -> None:
            then(pdf)
            self.fetched.emit(period)

        (Op(self, lambda: client.download(f"{path}/{period}.pdf"))
         .success(done)
         .failure(lambda error: self._say(error_text(error), error=True))
         .finally_(lambda: self.set_enabled_again(path))
         .busy(self.tr("Rendering the statement…"))
         .run())

    def set_enabled_again(self, path: str) -> None:
        if self._path == path:
            self.open_button.setEnabled(True)
            self.save_button.setEnabled(True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status_label.setPalette(self.palette())
        if error:
            as_error(self.status_label)
        self.status_label.setText(text)


class AccountStatementsTab(AccountTab):
    """The account's issued statements (prepaid) or invoices (postpaid), newest first; a month's PDF opened or
    saved (an ended month is issued the first time it is asked for)."""

    def __init__(self) -> None:
        super().__init__(widths=(150, 90, 160, 150), stretch=2)
        self.picker = StatementPicker(self._file_stem)
        self.picker.fetched.connect(self._fetched)
        self.top.addWidget(self.picker, 1)
        self.listing.selection_changed.connect(self._row_chosen)

    def columns(self) -> list[Column[IssuedDocumentOut]]:
        translate = QCoreApplication.translate
        return [
            Column(translate("AccountStatementsTab", "Number"), lambda d: d.number),
            Column(translate("AccountStatementsTab", "Month"), lambda d: d.period),
            Column(translate("AccountStatementsTab", "Kind"), lambda d: kind_name(d.kind)),
            Column(translate("AccountStatementsTab", "Issued"), lambda d: local_time(d.created_at),
                   lambda d: d.created_at),
        ]

    def loader(self, client: ApiClient, account_id: int) -> PageLoader[Any]:
        return lambda after, limit: client.get(f"/accounts/{account_id}/statements", IssuedDocumentPage,
                                               {"after": after, "limit": limit})

    def show_account(self, client: ApiClient, account: Any) -> None:
        super().show_account(client, account)
        self.picker.set_target(client, f"/accounts/{account.id}/statements")

    def count_text(self, count: int) -> str:
        return self.tr("%n document(s) issued", "", count)

    def empty_text(self) -> str:
        return self.tr("No statement issued yet: choose a month above and Open or Save… it. An ended month is "
                       "numbered and kept the first time; the current one is provisional.")

    def _file_stem(self, period: str) -> str:
        number = self.account.number if self.account is not None else "account"
        return f"statement-{number}-{period}"

    def _row_chosen(self) -> None:
        document = self.selected()
        if isinstance(document, IssuedDocumentOut):
            self.picker.choose(document.period)

    def _fetched(self, _period: str) -> None:
        self.listing.refresh()
