"""Rates (admin only): tariffs and their rates, rate-deck import and export, tax profiles, packages and recurring
fees (`fees_tab`).

The rates of a tariff are a lazily paged table (`desktop.paged_table`) filtered by prefix in SQL: a tariff of a
million rates opens with its first page and fetches more as it scrolls. Import runs as a job of the service
(`rate_import_dialog`); export saves the tariff as the native deck the service streams. A sell tariff can be blended
from the carriers' buy decks and any tariff repriced by a percentage (`tariff_tools`, jobs of the service); tariffs,
rates and band schedules are deleted here too (the service refuses, with the reason, what is still in use).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from desktop.api_client import ApiClient
from desktop.file_choosers import save_chooser
from desktop.formatting import decimal_text, minutes, money, rate, utc_text
from desktop.ops import Op, error_text
from desktop.paged_table import Column, ListOrder, PagedTableModel, SortedPageLoader, sorted_by
from desktop.pages.band_schedules import BandScheduleDialog, band_schedule_columns
from desktop.pages.fees_tab import FeesTab
from desktop.pages.listing import Listing, api_loader
from desktop.pages.pricing_dialogs import (
    PackageDialog,
    RateDialog,
    RecordDialog,
    TariffDialog,
    TaxProfileDialog,
    period_name,
    tariff_kind_name,
)
from desktop.pages.rate_import_dialog import RateImportDialog
from desktop.pages.tariff_tools import BlendDialog, RaiseDialog, TariffJobDialog
from desktop.qt import (
    QCoreApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession
from desktop.styling import as_error, as_heading
from switch_service.api.schemas import Role
from switch_service.api.schemas.jobs import JobOut
from switch_service.api.schemas.packages import PackageOut, PackagePage
from switch_service.api.schemas.rates import (
    BandScheduleOut,
    BandSchedulePage,
    RateOut,
    RatePage,
    TariffDetail,
    TariffKind,
    TariffOut,
    TariffPage,
)
from switch_service.api.schemas.taxes import TaxProfileOut, TaxProfilePage

PRICING_ROLES = frozenset({Role.ADMIN})  # rates show what calls cost and earn
FILTER_DELAY_MS = 300
TARIFF_PAGE_SIZE = 50

COL_PREFIX, COL_DESTINATION, COL_PRICE, COL_BLOCKS, COL_CONNECT, COL_FROM, COL_UNTIL = range(7)
COL_TARIFF_NAME = 0

D = TypeVar("D", bound=RecordDialog | RateImportDialog | BandScheduleDialog | TariffJobDialog)
RD = TypeVar("RD", bound=RecordDialog)


def tariff_details(client: ApiClient, after: int | None, limit: int, order: ListOrder) -> TariffPage:
    """A page of tariffs with their rate counts (blocking: the page loader runs it in a worker)."""
    return client.get("/tariffs", TariffPage, {"after": after, "limit": limit, **order.params()})


def tariff_columns() -> list[Column[TariffDetail]]:
    return sorted_by(_tariff_columns(), {COL_TARIFF_NAME: "name", 1: "kind", 2: "currency", 4: "version"})


def _tariff_columns() -> list[Column[TariffDetail]]:
    return [
        Column(QCoreApplication.translate("RatesPage", "Tariff"), lambda t: t.name),
        Column(QCoreApplication.translate("RatesPage", "Kind"), lambda t: tariff_kind_name(t.kind),
               lambda t: t.kind.value),
        Column(QCoreApplication.translate("RatesPage", "Currency"), lambda t: t.currency),
        Column(QCoreApplication.translate("RatesPage", "Rates"), lambda t: f"{t.rate_count:,}",
               lambda t: t.rate_count, align_right=True),
        Column(QCoreApplication.translate("RatesPage", "Version"), lambda t: str(t.version), lambda t: t.version,
               align_right=True),
    ]


def rate_columns() -> list[Column[RateOut]]:
    """In COL_* order."""
    return sorted_by(_rate_columns(), {COL_PREFIX: "prefix", COL_DESTINATION: "destination",
                                       COL_PRICE: "price_per_minute", COL_CONNECT: "connect_fee",
                                       COL_FROM: "valid_from"})


def _rate_columns() -> list[Column[RateOut]]:
    return [
        Column(QCoreApplication.translate("RatesPage", "Prefix"), lambda r: r.prefix),
        Column(QCoreApplication.translate("RatesPage", "Destination"), lambda r: r.destination),
        Column(QCoreApplication.translate("RatesPage", "Per minute"), lambda r: rate(r.price_per_minute),
               lambda r: r.price_per_minute, align_right=True),
        Column(QCoreApplication.translate("RatesPage", "Billing (s)"),
               lambda r: f"{r.initial_block_s}/{r.increment_s}", align_right=True),
        Column(QCoreApplication.translate("RatesPage", "Connect fee"), lambda r: money(r.connect_fee),
               lambda r: r.connect_fee, align_right=True),
        Column(QCoreApplication.translate("RatesPage", "Valid from (UTC)"), lambda r: utc_text(r.valid_from),
               lambda r: r.valid_from),
        Column(QCoreApplication.translate("RatesPage", "Valid until (UTC)"),
               lambda r: utc_text(r.valid_until) if r.valid_until else "", lambda r: r.valid_until),
    ]


def tax_text(profile: TaxProfileOut) -> str:
    """'VAT 21% (in the price), Levy 1.5%'."""
    parts = []
    for tax in profile.taxes:
        text = (QCoreApplication.translate("RatesPage", "{name} {percent}% (in the price)") if tax.inclusive
                else QCoreApplication.translate("RatesPage", "{name} {percent}%"))
        parts.append(text.format(name=tax.name, percent=decimal_text(tax.percent)))
    return ", ".join(parts)


def tax_profile_columns() -> list[Column[TaxProfileOut]]:
    return [Column(QCoreApplication.translate("RatesPage", "Tax profile"), lambda p: p.name, sort_key="name"),
            Column(QCoreApplication.translate("RatesPage", "Taxes"), tax_text)]


def package_columns() -> list[Column[PackageOut]]:
    return sorted_by(_package_columns(), {0: "name", 1: "period", 2: "free_seconds", 3: "fee"})


def _package_columns() -> list[Column[PackageOut]]:
    return [
        Column(QCoreApplication.translate("RatesPage", "Package"), lambda p: p.name),
        Column(QCoreApplication.translate("RatesPage", "Period"), lambda p: period_name(p.period),
               lambda p: p.period.value),
        Column(QCoreApplication.translate("RatesPage", "Free minutes"), lambda p: minutes(p.free_seconds),
               lambda p: p.free_seconds, align_right=True),
        Column(QCoreApplication.translate("RatesPage", "Fee"), lambda p: money(p.fee), lambda p: p.fee,
               align_right=True),
        Column(QCoreApplication.translate("RatesPage", "Prefixes"), lambda p: ", ".join(p.prefixes)),
    ]


def _button(text: str, clicked: Callable[[], object]) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(clicked)
    return button


def _button_row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class RatesPage(QWidget):
    ROLES: ClassVar[frozenset[Role]] = PRICING_ROLES  # the main window lists the page for these roles only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._rates_tariff_id: int | None = None
        self._keep_rates_for: int | None = None  # the tariffs list is loading again with this one to reselect
        self.dialog: RecordDialog | RateImportDialog | BandScheduleDialog | TariffJobDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._deleting: tuple[str, str, Callable[[], None]] | None = None
        self.export_dialog: QFileDialog | None = None
        self._export_tariff: TariffDetail | None = None

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_tariffs_tab(), self.tr("Tariffs and rates"))
        self.tabs.addTab(self._build_taxes_tab(), self.tr("Tax profiles"))
        self.tabs.addTab(self._build_packages_tab(), self.tr("Packages"))
        self.tabs.addTab(self._build_band_schedules_tab(), self.tr("Band schedules"))
        self.fees_tab = FeesTab()
        self.tabs.addTab(self.fees_tab, self.tr("Recurring fees"))
        self.notice_label = QLabel()
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._plain_palette = self.notice_label.palette()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.notice_label)
        self._show_rates(None)

    # --- building ----------------------------------------------------------------------------------

    def _build_tariffs_tab(self) -> QWidget:
        self.tariffs = Listing(
            PagedTableModel(tariff_columns(), self, page_size=TARIFF_PAGE_SIZE), widths=[220, 70, 80, 110, 70],
            stretch=COL_TARIFF_NAME,
            count_text=lambda count, at_end: (self.tr("%n tariff(s)", "", count) if at_end
                                              else self.tr("%n tariff(s) shown; scroll down for more", "", count)),
            empty_text=lambda: self.tr("No tariffs yet: add one with New tariff."))
        self.tariffs.selection_changed.connect(self._tariff_selected)
        self.tariffs.activated.connect(self.edit_tariff)
        self.new_tariff_button = _button(self.tr("New tariff…"), self.new_tariff)
        self.edit_tariff_button = _button(self.tr("Edit tariff…"), self.edit_tariff)
        self.delete_tariff_button = _button(self.tr("Delete tariff…"), self.delete_tariff)
        self.import_button = _button(self.tr("Import deck…"), self.open_import)
        self.export_button = _button(self.tr("Export CSV…"), self.open_export)
        self.blend_button = _button(self.tr("Blend from carriers…"), self.open_blend)
        self.raise_button = _button(self.tr("Raise prices…"), self.open_raise)
        tariffs_box = QWidget()
        tariffs_layout = QVBoxLayout(tariffs_box)
        tariffs_layout.setContentsMargins(0, 0, 0, 0)
        tariffs_layout.addLayout(_button_row(self.new_tariff_button, self.edit_tariff_button, self.delete_tariff_button,
                                             self.import_button, self.export_button, self.blend_button,
                                             self.raise_button))
        tariffs_layout.addWidget(self.tariffs, 1)

        rates_box = self._build_rates_box()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(tariffs_box)
        splitter.addWidget(rates_box)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        tab = QWidget()
        QVBoxLayout(tab).addWidget(splitter)
        return tab

    def _build_rates_box(self) -> QWidget:
        self.rates_title = QLabel()
        as_heading(self.rates_title)
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setPlaceholderText(self.tr("Filter by prefix, e.g. 44"))
        self.prefix_edit.setClearButtonEnabled(True)
        self.prefix_edit.setMaxLength(25)
        self.prefix_edit.setMinimumWidth(220)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_prefix_filter)
        self.prefix_edit.textChanged.connect(self._filter_timer.start)
        self.prefix_edit.returnPressed.connect(self.apply_prefix_filter)
        self.new_rate_button = _button(self.tr("New rate…"), self.new_rate)
        self.edit_rate_button = _button(self.tr("Edit rate…"), self.edit_rate)
        self.delete_rate_button = _button(self.tr("Delete rate…"), self.delete_rate)
        self.rates = Listing(
            PagedTableModel(rate_columns(), self, placeholder_column=COL_DESTINATION),
            widths=[110, 220, 90, 80, 90, 130, 130], stretch=COL_DESTINATION,
            count_text=lambda count, at_end: (self.tr("%n rate(s)", "", count) if at_end
                                              else self.tr("%n rate(s) shown; scroll down for more", "", count)),
            empty_text=self._no_rates_text)
        self.rates.activated.connect(self.edit_rate)
        self.rates.selection_changed.connect(self._update_buttons)
        rates_box = QWidget()
        rates_layout = QVBoxLayout(rates_box)
        rates_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.rates_title, 1)
        top.addWidget(self.prefix_edit)
        top.addWidget(self.new_rate_button)
        top.addWidget(self.edit_rate_button)
        top.addWidget(self.delete_rate_button)
        rates_layout.addLayout(top)
        rates_layout.addWidget(self.rates, 1)
        return rates_box

    def _build_taxes_tab(self) -> QWidget:
        self.tax_profiles = Listing(
            PagedTableModel(tax_profile_columns(), self), widths=[200, 400], stretch=1,
            count_text=lambda count, at_end: self.tr("%n tax profile(s)", "", count),
            empty_text=lambda: self.tr("No tax profiles yet: add one with New tax profile."))
        self.new_tax_profile_button = _button(self.tr("New tax profile…"), self.new_tax_profile)
        self.edit_tax_profile_button = _button(self.tr("Edit tax profile…"), self.edit_tax_profile)
        return self._list_tab(self.tax_profiles, self.edit_tax_profile, self.new_tax_profile_button,
                              self.edit_tax_profile_button)

    def _build_packages_tab(self) -> QWidget:
        self.packages = Listing(
            PagedTableModel(package_columns(), self), widths=[200, 90, 110, 90, 200], stretch=4,
            count_text=lambda count, at_end: self.tr("%n package(s)", "", count),
            empty_text=lambda: self.tr("No packages yet: add one with New package."))
        self.new_package_button = _button(self.tr("New package…"), self.new_package)
        self.edit_package_button = _button(self.tr("Edit package…"), self.edit_package)
        return self._list_tab(self.packages, self.edit_package, self.new_package_button, self.edit_package_button)

    def _build_band_schedules_tab(self) -> QWidget:
        self.band_schedules = Listing(
            PagedTableModel(band_schedule_columns(), self), widths=[200, 220, 110, 120, 80], stretch=1,
            count_text=lambda count, at_end: self.tr("%n band schedule(s)", "", count),
            empty_text=lambda: self.tr("No band schedules yet: add one with New band schedule, then choose it in a "
                                       "tariff."))
        self.new_band_schedule_button = _button(self.tr("New band schedule…"), self.new_band_schedule)
        self.edit_band_schedule_button = _button(self.tr("Edit band schedule…"), self.edit_band_schedule)
        self.delete_band_schedule_button = _button(self.tr("Delete band schedule…"), self.delete_band_schedule)
        return self._list_tab(self.band_schedules, self.edit_band_schedule, self.new_band_schedule_button,
                              self.edit_band_schedule_button, self.delete_band_schedule_button)

    def _list_tab(self, listing: Listing[Any], edit: Callable[[], object], *buttons: QPushButton) -> QWidget:
        """A list with its buttons; a double-click edits the row."""
        listing.activated.connect(edit)
        listing.selection_changed.connect(self._update_buttons)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(_button_row(*buttons))
        layout.addWidget(listing, 1)
        return tab

    # --- session -----------------------------------------------------------------------------------

    def set_session(self, session: DeskSession) -> None:
        """Lists load only for a role that may see them (the navigation hides the page from the others)."""
        client = session.client if session.user.role in PRICING_ROLES else None
        self._client = client
        self.tariffs.model.set_sorted_loader(None if client is None else
                                             lambda after, limit, order: tariff_details(client, after, limit, order))
        self.tax_profiles.model.set_sorted_loader(api_loader(client, "/tax-profiles", TaxProfilePage))
        self.packages.model.set_sorted_loader(api_loader(client, "/packages", PackagePage))
        self.band_schedules.model.set_sorted_loader(api_loader(client, "/band-schedules", BandSchedulePage))
        self.fees_tab.set_client(client)
        self._rates_tariff_id = None
        self._show_rates(None)

    # --- tariffs and their rates -------------------------------------------------------------------

    def selected_tariff(self) -> TariffDetail | None:
        return self.tariffs.selected()

    def _tariff_selected(self) -> None:
        tariff = self.selected_tariff()
        if tariff is None and self._keep_rates_for is not None:
            self._update_buttons()
            return  # the list is loading again and the same tariff will be selected: keep its rates meanwhile
        self._keep_rates_for = None
        if tariff is None or tariff.id != self._rates_tariff_id:
            self._show_rates(tariff)
        else:
            self._title_rates(tariff)
            self._update_buttons()

    def _show_rates(self, tariff: TariffDetail | None) -> None:
        client = self._client
        self._rates_tariff_id = tariff.id if tariff else None
        self._title_rates(tariff)
        if client is None or tariff is None:
            self.rates.model.set_loader(None)
        else:
            self.rates.model.set_sorted_loader(self._rates_loader(client, tariff.id, self._prefix()))
        self._update_buttons()

    @staticmethod
    def _rates_loader(client: ApiClient, tariff_id: int, prefix: str | None) -> SortedPageLoader[RateOut]:
        path = f"/tariffs/{tariff_id}/rates"
        return lambda after, limit, order: client.get(path, RatePage, {"after": after, "limit": limit,
                                                                       "prefix": prefix, **order.params()})

    def _title_rates(self, tariff: TariffDetail | None) -> None:
        if tariff is None:
            self.rates_title.setText(self.tr("Rates"))
        else:
            self.rates_title.setText(self.tr("Rates of {tariff}").format(tariff=tariff.name))

    def _no_rates_text(self) -> str:
        if self._rates_tariff_id is None:
            return self.tr("Choose a tariff above to see its rates.")
        if self._prefix():
            return self.tr("No rate of this tariff starts with {prefix}.").format(prefix=self._prefix())
        return self.tr("This tariff has no rates yet: import a deck or add a rate.")

    def _prefix(self) -> str | None:
        """The filter as digits ('+44 20' -> '4420'), or None when there is none."""
        digits = "".join(character for character in self.prefix_edit.text() if not character.isspace())
        return digits.removeprefix("+") or None

    def apply_prefix_filter(self) -> None:
        self._filter_timer.stop()
        prefix = self._prefix()
        if prefix is not None and not prefix.isdigit():
            self._notice(self.tr("A prefix is digits only, like 44 or 4420."), error=True)
            return
        self._notice("")
        tariff = self.selected_tariff()
        if tariff is not None:
            self._show_rates(tariff)

    def _reload_tariffs(self, select_id: int | None) -> None:
        """Load the tariffs again (counts and versions change) and select `select_id` when it is back."""
        self._keep_rates_for = select_id if select_id == self._rates_tariff_id else None
        self.tariffs.refresh(select_id)

    def _update_buttons(self) -> None:
        has_tariff = self._rates_tariff_id is not None and self.selected_tariff() is not None
        for button in (self.edit_tariff_button, self.delete_tariff_button, self.import_button, self.export_button,
                       self.raise_button, self.new_rate_button):
            button.setEnabled(has_tariff)
        tariff = self.selected_tariff()
        self.blend_button.setEnabled(has_tariff and tariff is not None and tariff.kind is TariffKind.SELL)
        for button in (self.edit_rate_button, self.delete_rate_button):
            button.setEnabled(has_tariff and self.rates.selected() is not None)
        for button in (self.edit_band_schedule_button, self.delete_band_schedule_button):
            button.setEnabled(self.band_schedules.selected() is not None)
        self.edit_tax_profile_button.setEnabled(self.tax_profiles.selected() is not None)
        self.edit_package_button.setEnabled(self.packages.selected() is not None)

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_tariff(self) -> TariffDialog | None:
        if self._client is None:
            return None
        dialog = TariffDialog(self, self._client)
        dialog.saved.connect(self._tariff_saved)
        return self._open(dialog)

    def edit_tariff(self) -> TariffDialog | None:
        tariff = self.selected_tariff()
        if self._client is None or tariff is None:
            return None
        dialog = TariffDialog(self, self._client, tariff)
        dialog.saved.connect(self._tariff_saved)
        return self._open(dialog)

    def _tariff_saved(self, tariff: TariffOut) -> None:
        self._reload_tariffs(tariff.id)

    def new_rate(self) -> RateDialog | None:
        tariff = self.selected_tariff()
        if self._client is None or tariff is None:
            return None
        dialog = RateDialog(self, self._client, tariff)
        dialog.saved.connect(self._rate_saved)
        return self._open(dialog)

    def edit_rate(self) -> RateDialog | None:
        tariff, rate = self.selected_tariff(), self.rates.selected()
        if self._client is None or tariff is None or rate is None:
            return None
        dialog = RateDialog(self, self._client, tariff, rate)
        dialog.saved.connect(self._rate_saved)
        return self._open(dialog)

    def _rate_saved(self, rate: RateOut) -> None:
        self.rates.refresh(rate.id)
        self._reload_tariffs(rate.tariff_id)

    def delete_tariff(self) -> QMessageBox | None:
        tariff = self.selected_tariff()
        if self._client is None or tariff is None:
            return None
        return self._confirm(self.tr("Delete tariff {tariff} and its {rates} rates? Calls are no longer rated "
                                     "with it.").format(tariff=tariff.name, rates=f"{tariff.rate_count:,}"),
                             f"/tariffs/{tariff.id}", self.tr("Tariff {tariff} deleted.").format(tariff=tariff.name),
                             self._tariff_deleted)

    def _tariff_deleted(self) -> None:
        self._show_rates(None)
        self._reload_tariffs(None)

    def delete_rate(self) -> QMessageBox | None:
        tariff, rate = self.selected_tariff(), self.rates.selected()
        if self._client is None or tariff is None or rate is None:
            return None
        return self._confirm(self.tr("Delete the rate of prefix {prefix} ({destination}) from {tariff}?").format(
            prefix=rate.prefix, destination=rate.destination, tariff=tariff.name),
            f"/tariffs/{tariff.id}/rates/{rate.id}", self.tr("Rate {prefix} deleted.").format(prefix=rate.prefix),
            self._rate_deleted)

    def _rate_deleted(self) -> None:
        self.rates.refresh()
        self._reload_tariffs(self._rates_tariff_id)

    def _confirm(self, question: str, path: str, done_text: str, done: Callable[[], None]) -> QMessageBox:
        """Ask first (window-modal); on Delete, DELETE `path`, then say `done_text` and call `done`, or show the
        service's refusal (a tariff still in use: by whom)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Carrierdesk"), question,
                          QMessageBox.StandardButton.Cancel, self)
        button = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        self._deleting = (path, done_text, done)
        button.clicked.connect(self._delete_confirmed)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box
        box.open()
        return box

    def _delete_confirmed(self) -> None:
        client, deleting, self._deleting = self._client, self._deleting, None
        if client is None or deleting is None:
            return
        path, done_text, done = deleting
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._deleted(done_text, done))
         .failure(lambda error: self._notice(error_text(error), error=True))
         .busy(self.tr("Deleting…"))
         .run())

    def _deleted(self, done_text: str, done: Callable[[], None]) -> None:
        self._notice(done_text)
        done()

    # --- building and repricing a tariff -----------------------------------------------------------

    def open_blend(self) -> BlendDialog | None:
        tariff = self.selected_tariff()
        if self._client is None or tariff is None or tariff.kind is not TariffKind.SELL:
            return None
        dialog = BlendDialog(self, self._client, tariff)
        dialog.job_done.connect(self._blended)
        return self._open(dialog)

    def _blended(self, job: JobOut) -> None:
        result = job.result or {}
        text = self.tr("Blended {priced} prefixes from {carriers}.").format(
            priced=result.get("priced", 0), carriers=", ".join(result.get("carriers", [])))
        if result.get("skipped"):
            text += " " + self.tr("Skipped (switched off): {names}.").format(names=", ".join(result["skipped"]))
        if result.get("uncovered_count"):
            text += " " + self.tr("No carrier covers {count} prefix(es): {prefixes}").format(
                count=result["uncovered_count"], prefixes=", ".join(result.get("uncovered", [])[:20]))
        self._notice(text)
        self._repriced()

    def open_raise(self) -> RaiseDialog | None:
        tariff = self.selected_tariff()
        if self._client is None or tariff is None:
            return None
        dialog = RaiseDialog(self, self._client, tariff)
        dialog.job_done.connect(self._raised)
        return self._open(dialog)

    def _raised(self, job: JobOut) -> None:
        result = job.result or {}
        self._notice(self.tr("{rates} rates repriced by {percent} %.").format(rates=result.get("rates", 0),
                                                                            percent=result.get("percent", "")))
        self._repriced()

    def _repriced(self) -> None:
        self.rates.refresh()
        self._reload_tariffs(self._rates_tariff_id)

    # --- import and export -------------------------------------------------------------------------

    def open_import(self) -> RateImportDialog | None:
        tariff = self.selected_tariff()
        if self._client is None or tariff is None:
            return None
        dialog = RateImportDialog(self, self._client, tariff)
        dialog.imported.connect(self._imported)
        return self._open(dialog)

    def _imported(self, _job: object) -> None:
        tariff_id = self._rates_tariff_id
        self.rates.refresh()
        self._reload_tariffs(tariff_id)

    def open_export(self) -> QFileDialog | None:
        """Ask where to save the selected tariff as a CSV deck (a non-native chooser, opened without waiting)."""
        tariff = self.selected_tariff()
        if self._client is None or tariff is None:
            return None
        self._export_tariff = tariff
        self.export_dialog = save_chooser(self, self.tr("Export {tariff}").format(tariff=tariff.name),
                                          Path.home() / f"{tariff.name}.csv", self.tr("CSV files (*.csv)"),
                                          self.export_to)
        return self.export_dialog

    def export_to(self, target: Path) -> None:
        """Download the tariff as the service's native deck and write it to `target`."""
        client, tariff = self._client, self._export_tariff
        if client is None or tariff is None:
            return
        path = f"/tariffs/{tariff.id}/rates.csv"

        def download() -> int:
            return target.write_bytes(client.download(path))

        self._notice(self.tr("Exporting {tariff}…").format(tariff=tariff.name))
        (Op(self, download)
         .success(lambda size: self._notice(self.tr("Saved {tariff} ({rates} rates, {size} bytes) to {file}.")
                                            .format(tariff=tariff.name, rates=f"{tariff.rate_count:,}",
                                                    size=f"{size:,}", file=str(target))))
         .failure(lambda error: self._notice(self.tr("Could not export {tariff}: {message}")
                                             .format(tariff=tariff.name, message=error_text(error)), error=True))
         .busy(self.tr("Exporting {tariff}…").format(tariff=tariff.name))
         .run())

    # --- tax profiles and packages -----------------------------------------------------------------

    def new_tax_profile(self) -> TaxProfileDialog | None:
        return self._record_dialog(lambda client: TaxProfileDialog(self, client), self.tax_profiles)

    def edit_tax_profile(self) -> TaxProfileDialog | None:
        profile = self.tax_profiles.selected()
        if profile is None:
            return None
        return self._record_dialog(lambda client: TaxProfileDialog(self, client, profile), self.tax_profiles)

    def new_package(self) -> PackageDialog | None:
        return self._record_dialog(lambda client: PackageDialog(self, client), self.packages)

    def edit_package(self) -> PackageDialog | None:
        package = self.packages.selected()
        if package is None:
            return None
        return self._record_dialog(lambda client: PackageDialog(self, client, package), self.packages)

    def new_band_schedule(self) -> BandScheduleDialog | None:
        return self._band_schedule_dialog(None)

    def edit_band_schedule(self) -> BandScheduleDialog | None:
        schedule = self.band_schedules.selected()
        return None if schedule is None else self._band_schedule_dialog(schedule)

    def _band_schedule_dialog(self, schedule: BandScheduleOut | None) -> BandScheduleDialog | None:
        if self._client is None:
            return None
        dialog = BandScheduleDialog(self, self._client, schedule)
        dialog.saved.connect(self._saved_in(self.band_schedules))
        return self._open(dialog)

    def delete_band_schedule(self) -> QMessageBox | None:
        schedule = self.band_schedules.selected()
        if self._client is None or schedule is None:
            return None
        return self._confirm(self.tr("Delete band schedule {name}?").format(name=schedule.name),
                             f"/band-schedules/{schedule.id}",
                             self.tr("Band schedule {name} deleted.").format(name=schedule.name),
                             self.band_schedules.refresh)

    def _record_dialog(self, make: Callable[[ApiClient], RD], listing: Listing[Any]) -> RD | None:
        if self._client is None:
            return None
        dialog = make(self._client)
        dialog.saved.connect(self._saved_in(listing))
        return self._open(dialog)

    def _saved_in(self, listing: Listing[Any]) -> Callable[[Any], None]:
        def saved(record: Any) -> None:
            listing.refresh(record.id)

        return saved

    # --- notices -----------------------------------------------------------------------------------

    def _notice(self, text: str, *, error: bool = False) -> None:
        self.notice_label.setPalette(self._plain_palette)
        if error:
            as_error(self.notice_label)
        self.notice_label.setText(text)

