"""Build and reprice a tariff from the Rates page (admins): "Blend from carriers…" prices a sell tariff from the
carriers' buy decks with a margin, "Raise prices…" moves every price of a tariff by a percentage. Both run as a job
of the service (`/tariffs/{id}/blend`, `/tariffs/{id}/raise`), followed here with a progress bar; Cancel while it
runs stops it and nothing changes. The values go as typed and the service's 422 is shown at the field."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from desktop.api_client import ApiClient
from desktop.job_poller import JobPoller
from desktop.ops import Op, error_text
from desktop.pages.forms import JudgedDialog, decimal_value, unchecked
from desktop.qt import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QSpinBox,
    Qt,
    QWidget,
    Signal,
)
from switch_service.api.schemas import MAX_PAGE_SIZE
from switch_service.api.schemas.carriers import CarrierOut, CarrierPage
from switch_service.api.schemas.jobs import JobOut, JobState
from switch_service.api.schemas.rates import MAX_BLEND_CARRIERS, TariffBlendIn, TariffOut, TariffRaiseIn

MARGIN_PERCENT, MARGIN_AMOUNT = "percent", "amount"


class TariffJobDialog(JudgedDialog):
    """A form whose request starts a job; `job_done` carries the job once it succeeded (the dialog then closes)."""

    job_done = Signal(object)  # JobOut

    def __init__(self, parent: QWidget, client: ApiClient, title: str, action: str) -> None:
        super().__init__(parent, title, action)
        self.client = client
        self.progress_bar = QProgressBar()
        self.progress_bar.hide()
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.body_layout.insertWidget(1, self.progress_bar)
        self.body_layout.insertWidget(2, self.state_label)
        self.poller = JobPoller(client, self)
        self.poller.updated.connect(self._progress)
        self.poller.ended.connect(self._ended)
        self.poller.lost.connect(self.show_error)
        self.buttons.rejected.disconnect()
        self.buttons.rejected.connect(self._cancel)

    def start_job(self, path: str, body: BaseModel, busy: str) -> None:
        client = self.client
        self.send(lambda: client.post(path, JobOut, body), self.poller.start, busy)

    def _progress(self, job: JobOut) -> None:
        self.ok_button.setEnabled(False)
        self.progress_bar.show()
        self.progress_bar.setRange(0, max(job.total or 0, 0))
        self.progress_bar.setValue(job.done)
        self.state_label.setText(job.message)

    def _ended(self, job: JobOut) -> None:
        self.progress_bar.hide()
        self.ok_button.setEnabled(True)
        if job.state is JobState.SUCCEEDED:
            self.job_done.emit(job)
            self.accept()
        elif job.state is JobState.CANCELLED:
            self.state_label.setText(self.tr("Cancelled: nothing was changed."))
        else:
            self.state_label.clear()
            self.show_error("; ".join([job.message, *job.errors]))

    def _cancel(self) -> None:
        """Cancel stops a running job (nothing changes); otherwise it closes the dialog."""
        if self.poller.active:
            self.state_label.setText(self.tr("Cancelling…"))
            self.poller.cancel()
        else:
            self.reject()


class BlendDialog(TariffJobDialog):
    """Price the sell tariff from the carriers ticked, with a margin over their cost."""

    def __init__(self, parent: QWidget, client: ApiClient, tariff: TariffOut) -> None:
        super().__init__(parent, client, self.tr("Blend {tariff} from carriers").format(tariff=tariff.name),
                         self.tr("Blend"))
        self._path = f"/tariffs/{tariff.id}/blend"
        self.setMinimumWidth(520)
        self.carriers_list = QListWidget()
        self.carriers_list.setToolTip(self.tr("Tick the carriers whose buy decks make the cost (Space ticks)"))
        self.margin_kind = QComboBox()
        self.margin_kind.addItem(self.tr("percent over cost"), MARGIN_PERCENT)
        self.margin_kind.addItem(self.tr("amount per minute"), MARGIN_AMOUNT)
        self.margin_edit = QLineEdit("20")
        self.min_margin_edit = QLineEdit()
        self.min_margin_edit.setPlaceholderText(self.tr("none"))
        self.round_up_edit = QLineEdit("0.001")
        self.round_up_edit.setToolTip(self.tr("Prices are rounded up to a multiple of this"))
        self.best_spin = QSpinBox()
        self.best_spin.setRange(1, MAX_BLEND_CARRIERS)
        self.best_spin.setToolTip(self.tr("The cost is the average of this many cheapest carriers"))
        self.row(self.tr("Carriers"), "carrier_ids", self.carriers_list)
        self.row(self.tr("Margin"), "margin_percent", self.margin_edit)
        self.form.addRow("", self.margin_kind)
        self.row(self.tr("At least (per minute)"), "min_margin", self.min_margin_edit)
        self.row(self.tr("Round up to"), "round_up", self.round_up_edit)
        self.row(self.tr("Average of the cheapest"), "best", self.best_spin)
        self.state_label.setText(self.tr("Every rate of the tariff is replaced by the blended prices."))
        self.carriers_list.setFocus()
        (Op(self, lambda: client.get("/carriers", CarrierPage, {"limit": MAX_PAGE_SIZE}))
         .success(self._carriers_loaded)
         .failure(lambda error: self.show_error(error_text(error)))
         .busy(None)
         .run())

    def _carriers_loaded(self, page: CarrierPage) -> None:
        for carrier in page.items:
            self.carriers_list.addItem(self._item(carrier))
        if self.carriers_list.count():
            self.carriers_list.setCurrentRow(0)

    def _item(self, carrier: CarrierOut) -> QListWidgetItem:
        text = carrier.name
        if carrier.buy_tariff_id is None:
            text = self.tr("{name} (no buy deck)").format(name=carrier.name)
        elif not carrier.enabled:
            text = self.tr("{name} (switched off: skipped)").format(name=carrier.name)
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, carrier.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        return item

    def chosen(self) -> list[int]:
        items = (self.carriers_list.item(row) for row in range(self.carriers_list.count()))
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items
                if item is not None and item.checkState() == Qt.CheckState.Checked]

    def _fields(self) -> dict[str, Any]:
        margin = "margin_percent" if self.margin_kind.currentData() == MARGIN_PERCENT else "margin_amount"
        fields: dict[str, Any] = {"carrier_ids": self.chosen(), margin: decimal_value(margin, self.margin_edit),
                                  "best": self.best_spin.value()}
        for name, edit in (("min_margin", self.min_margin_edit), ("round_up", self.round_up_edit)):
            value = decimal_value(name, edit)
            if value is not None:
                fields[name] = value
        return fields

    def submit(self) -> None:
        fields = self.values_or_say(self._fields)
        if fields is not None:
            self.start_job(self._path, unchecked(TariffBlendIn, **fields), self.tr("Starting the blend…"))


class RaiseDialog(TariffJobDialog):
    """Move every price of the tariff by a percentage (negative lowers)."""

    def __init__(self, parent: QWidget, client: ApiClient, tariff: TariffOut) -> None:
        super().__init__(parent, client, self.tr("Raise the prices of {tariff}").format(tariff=tariff.name),
                         self.tr("Raise"))
        self._path = f"/tariffs/{tariff.id}/raise"
        self.percent_edit = QLineEdit()
        self.percent_edit.setPlaceholderText(self.tr("e.g. 5, or -2.5 to lower"))
        self.round_up_edit = QLineEdit()
        self.round_up_edit.setPlaceholderText(self.tr("no rounding up (6 decimal places)"))
        self.fees_check = QCheckBox(self.tr("Also the connect and disconnect fees and the minimum cost"))
        self.row(self.tr("Change (%)"), "percent", self.percent_edit)
        self.row(self.tr("Round up to"), "round_up", self.round_up_edit)
        self.form.addRow("", self.fees_check)
        self.percent_edit.setFocus()

    def _fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {"percent": decimal_value("percent", self.percent_edit),
                                  "fees": self.fees_check.isChecked()}
        round_up = decimal_value("round_up", self.round_up_edit)
        if round_up is not None:
            fields["round_up"] = round_up
        return fields

    def submit(self) -> None:
        fields = self.values_or_say(self._fields)
        if fields is not None:
            self.start_job(self._path, unchecked(TariffRaiseIn, **fields), self.tr("Starting the repricing…"))
