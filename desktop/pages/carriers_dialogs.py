"""Dialogs of the Carriers and routing page: a carrier with its gateways, a dial plan, a route with its
carriers. Bodies go to the service unchecked (`desktop.pages.forms`): its 422 is shown at the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.api_client import ApiClient, ApiError
from desktop.ops import Op, error_text
from desktop.paged_table import Column, PagedTableModel
from desktop.pages.forms import JudgedDialog, decimal_value, int_list, int_value, unchecked
from desktop.pages.lookups import LookupField
from desktop.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from switch_service.api.schemas.carriers import (
    CarrierCreate,
    CarrierOut,
    CarrierPage,
    CarrierUpdate,
    GatewayCreate,
    GatewayOut,
    GatewayUpdate,
    NumberFormat,
    Transport,
)
from switch_service.api.schemas.rates import TariffKind, TariffOut, TariffPage
from switch_service.api.schemas.routing import (
    DialPlanCreate,
    DialPlanOut,
    DialPlanPage,
    DialPlanUpdate,
    RouteCarrierIn,
    RouteCarrierOut,
    RouteCreate,
    RouteOut,
    RouteStrategy,
    RouteUpdate,
)

ID_ROLE = Qt.ItemDataRole.UserRole


def strategy_name(strategy: RouteStrategy) -> str:
    return {
        RouteStrategy.LCR: QCoreApplication.translate("Routing", "Least cost"),
        RouteStrategy.PRIORITY: QCoreApplication.translate("Routing", "Priority"),
        RouteStrategy.WEIGHTED: QCoreApplication.translate("Routing", "Weighted"),
    }[strategy]


def number_format_name(number_format: NumberFormat) -> str:
    return {
        NumberFormat.E164: QCoreApplication.translate("Routing", "E.164 (international)"),
        NumberFormat.NATIONAL: QCoreApplication.translate("Routing", "National"),
    }[number_format]


def tariff_model(client: ApiClient, parent: QWidget) -> PagedTableModel[TariffOut]:
    """The buy tariffs (carriers' rate decks), for choosing one."""
    columns: list[Column[TariffOut]] = [Column(QCoreApplication.translate("Routing", "Buy tariff"), lambda t: t.name)]
    model: PagedTableModel[TariffOut] = PagedTableModel(columns, parent)
    model.set_loader(lambda after, limit: client.get("/tariffs", TariffPage, {
        "kind": TariffKind.BUY.value, "after": after, "limit": limit}))
    return model


def dial_plan_choice_model(client: ApiClient, parent: QWidget) -> PagedTableModel[DialPlanOut]:
    """The dial plans, for choosing one."""
    columns: list[Column[DialPlanOut]] = [Column(QCoreApplication.translate("Routing", "Dial plan"), lambda p: p.name)]
    model: PagedTableModel[DialPlanOut] = PagedTableModel(columns, parent)
    model.set_loader(lambda after, limit: client.get("/dial-plans", DialPlanPage, {"after": after, "limit": limit}))
    return model


def carrier_choice_model(client: ApiClient, parent: QWidget) -> PagedTableModel[CarrierOut]:
    columns: list[Column[CarrierOut]] = [Column(QCoreApplication.translate("Routing", "Carrier"), lambda c: c.name)]
    model: PagedTableModel[CarrierOut] = PagedTableModel(columns, parent)
    model.set_loader(lambda after, limit: client.get("/carriers", CarrierPage, {"after": after, "limit": limit}))
    return model


def _checkable(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _number(value: int) -> QTableWidgetItem:
    """A whole number cell: its editor takes any integer, and the service says what is out of range."""
    item = QTableWidgetItem()
    item.setData(Qt.ItemDataRole.EditRole, value)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _checked(item: QTableWidgetItem | None) -> bool:
    return item is not None and item.checkState() == Qt.CheckState.Checked


def _int(item: QTableWidgetItem | None) -> int:
    return int(item.data(Qt.ItemDataRole.EditRole)) if item is not None else 0


def _row_table(table: QTableWidget, headers: list[str]) -> None:
    """An editable table of a dialog: one row selected at a time, the first column stretched."""
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(140)


def _button_row(*buttons: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


# --- carriers ------------------------------------------------------------------------------------


@dataclass
class GatewayRow:
    """A row of the gateways table as the user left it; `id` is None until the service has it."""

    id: int | None
    host: str
    port: int
    transport: Transport
    weight: int
    enabled: bool

    def body(self) -> dict[str, Any]:
        return {"host": self.host, "port": self.port, "transport": self.transport, "weight": self.weight,
                "enabled": self.enabled}

    def changes_from(self, saved: GatewayOut) -> dict[str, Any]:
        return {name: value for name, value in self.body().items() if getattr(saved, name) != value}


class GatewaysTable(QTableWidget):
    """Port and weight cells take any whole number: the service says which are out of range."""

    COL_HOST, COL_PORT, COL_TRANSPORT, COL_WEIGHT, COL_ENABLED = range(5)

    def __init__(self) -> None:
        super().__init__(0, 5)
        _row_table(self, [self.tr("Host"), self.tr("Port"), self.tr("Transport"), self.tr("Weight"),
                          self.tr("Enabled")])

    def add_gateway(self, gateway: GatewayOut | None = None) -> int:
        row = self.rowCount()
        self.insertRow(row)
        host = QTableWidgetItem(gateway.host if gateway is not None else "")
        host.setData(ID_ROLE, gateway.id if gateway is not None else None)
        self.setItem(row, self.COL_HOST, host)
        self.setItem(row, self.COL_PORT, _number(gateway.port if gateway is not None else 5060))
        transport = QComboBox()
        for value in Transport:
            transport.addItem(value.value.upper(), value.value)
        transport.setCurrentIndex(transport.findData((gateway.transport if gateway else Transport.UDP).value))
        self.setCellWidget(row, self.COL_TRANSPORT, transport)
        self.setItem(row, self.COL_WEIGHT, _number(gateway.weight if gateway is not None else 1))
        self.setItem(row, self.COL_ENABLED, _checkable(gateway.enabled if gateway is not None else True))
        return row

    def set_row_id(self, row: int, gateway_id: int) -> None:
        item = self.item(row, self.COL_HOST)
        if item is not None:
            item.setData(ID_ROLE, gateway_id)

    def gateway_rows(self) -> list[GatewayRow]:
        rows = []
        for row in range(self.rowCount()):
            host = self.item(row, self.COL_HOST)
            transport = self.cellWidget(row, self.COL_TRANSPORT)
            assert isinstance(transport, QComboBox)
            rows.append(GatewayRow(
                id=host.data(ID_ROLE) if host is not None else None,
                host=host.text().strip() if host is not None else "",
                port=_int(self.item(row, self.COL_PORT)),
                transport=Transport(transport.currentData()),
                weight=_int(self.item(row, self.COL_WEIGHT)),
                enabled=_checked(self.item(row, self.COL_ENABLED)),
            ))
        return rows


class GatewayError(ApiError):
    """The service refused one gateway of a carrier being saved: its words, and which gateway."""


@dataclass
class SaveProgress:
    """What an edit got saved before a step failed, so trying again repeats only the rest."""

    carrier: CarrierOut | None = None
    deleted: list[int] = field(default_factory=list)
    saved: dict[int, GatewayOut] = field(default_factory=dict)  # table row -> the gateway as saved


class CarrierDialog(JudgedDialog):
    """A new carrier (one POST with its gateways: all or nothing), or an existing one (a PATCH of the fields
    changed, then each gateway removed, changed or added)."""

    saved = Signal(object)  # CarrierOut

    def __init__(self, parent: QWidget, client: ApiClient, carrier: CarrierOut | None = None) -> None:
        super().__init__(parent, self.tr("New carrier") if carrier is None
                         else self.tr("Carrier {name}").format(name=carrier.name),
                         self.tr("Create") if carrier is None else self.tr("Save"))
        self._client = client
        self._carrier = carrier
        self.setMinimumWidth(720)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(120)
        self.enabled_check = QCheckBox(self.tr("Carries calls"))
        self.enabled_check.setChecked(True)
        self.tariff_field = LookupField(self.tr("No buy tariff"), clearable=True)
        self.tariff_field.set_model(tariff_model(client, self), 0)
        self.channels_edit = QLineEdit("0")
        self.cps_edit = QLineEdit("0")
        self.daily_cap_edit = QLineEdit()
        self.monthly_cap_edit = QLineEdit()
        for edit in (self.daily_cap_edit, self.monthly_cap_edit):
            edit.setPlaceholderText(self.tr("no cap"))
        self.format_combo = QComboBox()
        for number_format in NumberFormat:
            self.format_combo.addItem(number_format_name(number_format), number_format.value)
        self.strip_edit = QLineEdit("0")
        self.tech_prefix_edit = QLineEdit()
        self.codecs_edit = QLineEdit("PCMU, PCMA, G722")
        self.failover_edit = QLineEdit()
        self.failover_edit.setPlaceholderText(self.tr("e.g. 488, 403 (408 and 5xx always do)"))
        self.body_layout.insertLayout(0, self._columns())
        self.gateways = GatewaysTable()
        self.body_layout.insertWidget(1, self._gateways_box(), 1)
        if carrier is not None:
            self._fill(carrier)

    def _columns(self) -> QHBoxLayout:
        left, right = QFormLayout(), QFormLayout()
        under = self.errors.under
        left.addRow(self.tr("Name"), under("name", self.name_edit))
        left.addRow("", under("enabled", self.enabled_check))
        left.addRow(self.tr("Buy tariff"), under("buy_tariff_id", self.tariff_field))
        left.addRow(self.tr("Channels (0 = unlimited)"), under("max_channels", self.channels_edit))
        left.addRow(self.tr("Calls per second (0 = unlimited)"), under("cps_limit", self.cps_edit))
        left.addRow(self.tr("Daily minutes cap"), under("daily_minutes_cap", self.daily_cap_edit))
        right.addRow(self.tr("Number format"), under("number_format", self.format_combo))
        right.addRow(self.tr("Strip digits"), under("strip_digits", self.strip_edit))
        right.addRow(self.tr("Tech prefix"), under("tech_prefix", self.tech_prefix_edit))
        right.addRow(self.tr("Codecs"), under("codecs", self.codecs_edit))
        right.addRow(self.tr("Fail over also on"), under("failover_codes", self.failover_edit))
        right.addRow(self.tr("Monthly minutes cap"), under("monthly_minutes_cap", self.monthly_cap_edit))
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        return columns

    def _gateways_box(self) -> QGroupBox:
        self.add_gateway_button = QPushButton(self.tr("Add gateway"))
        self.add_gateway_button.clicked.connect(self._add_gateway)
        self.remove_gateway_button = QPushButton(self.tr("Remove gateway"))
        self.remove_gateway_button.clicked.connect(self._remove_gateway)
        box = QGroupBox(self.tr("Gateways (the heavier weight is tried first)"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.gateways)
        layout.addLayout(_button_row(self.add_gateway_button, self.remove_gateway_button))
        layout.addWidget(self.errors.label("gateways"))
        return box

    def _fill(self, carrier: CarrierOut) -> None:
        self.name_edit.setText(carrier.name)
        self.enabled_check.setChecked(carrier.enabled)
        self.tariff_field.select_id(carrier.buy_tariff_id)
        self.channels_edit.setText(str(carrier.max_channels))
        self.cps_edit.setText(str(carrier.cps_limit))
        self.daily_cap_edit.setText("" if carrier.daily_minutes_cap is None else str(carrier.daily_minutes_cap))
        self.monthly_cap_edit.setText("" if carrier.monthly_minutes_cap is None else str(carrier.monthly_minutes_cap))
        self.format_combo.setCurrentIndex(self.format_combo.findData(carrier.number_format.value))
        self.strip_edit.setText(str(carrier.strip_digits))
        self.tech_prefix_edit.setText(carrier.tech_prefix)
        self.codecs_edit.setText(", ".join(carrier.codecs))
        self.failover_edit.setText(", ".join(map(str, carrier.failover_codes)))
        for gateway in carrier.gateways:
            self.gateways.add_gateway(gateway)

    def _values(self) -> dict[str, Any]:
        """The carrier's fields as typed (FormValueError for a number field holding letters)."""
        return {
            "name": self.name_edit.text().strip(),
            "enabled": self.enabled_check.isChecked(),
            "buy_tariff_id": self.tariff_field.current_id(),
            "max_channels": int_value("max_channels", self.channels_edit.text()) or 0,
            "cps_limit": int_value("cps_limit", self.cps_edit.text()) or 0,
            "daily_minutes_cap": int_value("daily_minutes_cap", self.daily_cap_edit.text()),
            "monthly_minutes_cap": int_value("monthly_minutes_cap", self.monthly_cap_edit.text()),
            "number_format": NumberFormat(self.format_combo.currentData()),
            "strip_digits": int_value("strip_digits", self.strip_edit.text()) or 0,
            "tech_prefix": self.tech_prefix_edit.text().strip(),
            "codecs": [name.strip().upper() for name in self.codecs_edit.text().split(",") if name.strip()],
            "failover_codes": int_list("failover_codes", self.failover_edit.text()),
        }

    def _add_gateway(self) -> None:
        row = self.gateways.add_gateway()
        item = self.gateways.item(row, GatewaysTable.COL_HOST)
        if item is not None:
            self.gateways.setCurrentItem(item)
            self.gateways.editItem(item)

    def _remove_gateway(self) -> None:
        row = self.gateways.currentRow()
        if row >= 0:
            self.gateways.removeRow(row)

    def submit(self) -> None:
        values = self.values_or_say(self._values)
        if values is None:
            return
        rows = self.gateways.gateway_rows()
        client, carrier = self._client, self._carrier
        self.errors.clear()
        busy = self.tr("Saving the carrier…")
        if carrier is None:
            body = unchecked(CarrierCreate, **values, gateways=[unchecked(GatewayCreate, **row.body()) for row in rows])
            self.send(lambda: client.post("/carriers", CarrierOut, body), self._done, busy)
            return
        progress = SaveProgress()
        self.ok_button.setEnabled(False)
        (Op(self, lambda: _update_carrier(client, carrier, values, rows, progress))
         .success(self._done)
         .failure(lambda error: self._update_failed(progress, error))
         .finally_(lambda: self.ok_button.setEnabled(True))
         .busy(busy)
         .run())

    def _update_failed(self, progress: SaveProgress, error: Exception) -> None:
        """Keep what was saved (a gateway just added keeps its id, so trying again does not add it twice)."""
        carrier = progress.carrier or self._carrier
        assert carrier is not None
        gateways = {gateway.id: gateway for gateway in carrier.gateways if gateway.id not in progress.deleted}
        for row, gateway in progress.saved.items():
            self.gateways.set_row_id(row, gateway.id)
            gateways[gateway.id] = gateway
        self._carrier = carrier.model_copy(update={"gateways": list(gateways.values())})
        if isinstance(error, GatewayError):
            self.errors.clear()
            self.errors.show_at("gateways", error.message)
        else:
            self.show_failure(error)

    def _done(self, carrier: CarrierOut) -> None:
        self.saved.emit(carrier)
        self.accept()


def _update_carrier(client: ApiClient, carrier: CarrierOut, values: dict[str, Any], rows: list[GatewayRow],
                    progress: SaveProgress) -> CarrierOut:
    """Worker: PATCH the fields changed, then remove, change and add gateways; the carrier as saved."""
    changes = {name: value for name, value in values.items() if value != getattr(carrier, name)}
    if changes:
        progress.carrier = client.patch(f"/carriers/{carrier.id}", CarrierOut, unchecked(CarrierUpdate, **changes))
    path = f"/carriers/{carrier.id}/gateways"
    kept = {row.id for row in rows if row.id is not None}
    for gateway in carrier.gateways:
        if gateway.id not in kept:
            client.delete(f"{path}/{gateway.id}")
            progress.deleted.append(gateway.id)
    saved = {gateway.id: gateway for gateway in carrier.gateways}
    for index, row in enumerate(rows):
        try:
            if row.id is None:
                progress.saved[index] = client.post(path, GatewayOut, unchecked(GatewayCreate, **row.body()))
            elif row.id in saved and (change := row.changes_from(saved[row.id])):
                progress.saved[index] = client.patch(f"{path}/{row.id}", GatewayOut,
                                                     unchecked(GatewayUpdate, **change))
        except ApiError as exc:
            raise GatewayError(exc.status, f"{row.host or '?'}:{row.port}: {error_text(exc)}") from None
    return client.get(f"/carriers/{carrier.id}", CarrierOut)


# --- dial plans ----------------------------------------------------------------------------------


class DialPlanDialog(JudgedDialog):
    saved = Signal(object)  # DialPlanOut

    def __init__(self, parent: QWidget, client: ApiClient, plan: DialPlanOut | None = None) -> None:
        super().__init__(parent, self.tr("New dial plan") if plan is None
                         else self.tr("Dial plan {name}").format(name=plan.name),
                         self.tr("Create") if plan is None else self.tr("Save"))
        self._client = client
        self._plan = plan
        self.name_edit = QLineEdit(plan.name if plan is not None else "")
        self.name_edit.setMaxLength(120)
        self.description_edit = QLineEdit(plan.description if plan is not None else "")
        self.row(self.tr("Name"), "name", self.name_edit)
        self.row(self.tr("Description"), "description", self.description_edit)

    def submit(self) -> None:
        values = {"name": self.name_edit.text().strip(), "description": self.description_edit.text().strip()}
        client, plan = self._client, self._plan
        self.errors.clear()
        busy = self.tr("Saving the dial plan…")
        if plan is None:
            body = unchecked(DialPlanCreate, **values)
            self.send(lambda: client.post("/dial-plans", DialPlanOut, body), self._done, busy)
        else:
            change = unchecked(DialPlanUpdate, **{k: v for k, v in values.items() if getattr(plan, k) != v})
            self.send(lambda: client.patch(f"/dial-plans/{plan.id}", DialPlanOut, change), self._done, busy)

    def _done(self, plan: DialPlanOut) -> None:
        self.saved.emit(plan)
        self.accept()


# --- routes --------------------------------------------------------------------------------------


class RouteCarriersTable(QTableWidget):
    """The carriers a route names, in the order they were added (the order a priority tie keeps)."""

    COL_CARRIER, COL_PRIORITY, COL_WEIGHT, COL_PINNED, COL_EXCLUDED = range(5)

    def __init__(self) -> None:
        super().__init__(0, 5)
        _row_table(self, [self.tr("Carrier"), self.tr("Priority"), self.tr("Weight"), self.tr("Pinned"),
                          self.tr("Excluded")])

    def add_entry(self, carrier_id: int, name: str, entry: RouteCarrierOut | None = None) -> None:
        row = self.rowCount()
        self.insertRow(row)
        item = QTableWidgetItem(name)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setData(ID_ROLE, carrier_id)
        self.setItem(row, self.COL_CARRIER, item)
        self.setItem(row, self.COL_PRIORITY, _number(entry.priority if entry is not None else 0))
        self.setItem(row, self.COL_WEIGHT, _number(entry.weight if entry is not None else 1))
        self.setItem(row, self.COL_PINNED, _checkable(entry.pinned if entry is not None else False))
        self.setItem(row, self.COL_EXCLUDED, _checkable(entry.excluded if entry is not None else False))

    def carrier_ids(self) -> list[int]:
        return [int(item.data(ID_ROLE)) for row in range(self.rowCount())
                if (item := self.item(row, self.COL_CARRIER)) is not None]

    def entries(self) -> list[RouteCarrierIn]:
        return [
            unchecked(RouteCarrierIn, carrier_id=carrier_id, priority=_int(self.item(row, self.COL_PRIORITY)),
                      weight=_int(self.item(row, self.COL_WEIGHT)), pinned=_checked(self.item(row, self.COL_PINNED)),
                      excluded=_checked(self.item(row, self.COL_EXCLUDED)))
            for row, carrier_id in enumerate(self.carrier_ids())
        ]

    def move_current(self, step: int) -> None:
        """Move the current row up (-1) or down (+1)."""
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.rowCount():
            return
        taken = [self.takeItem(row, column) for column in range(self.columnCount())]
        self.removeRow(row)
        self.insertRow(target)
        for column, item in enumerate(taken):
            self.setItem(target, column, item)
        self.setCurrentCell(target, self.COL_CARRIER)


def _entry_key(entry: RouteCarrierIn | RouteCarrierOut) -> tuple[int, int, int, bool, bool]:
    return entry.carrier_id, entry.priority, entry.weight, entry.pinned, entry.excluded


class RouteDialog(JudgedDialog):
    """A route of a dial plan: one POST or PATCH (the carrier list is sent whole), so all or nothing."""

    saved = Signal(object)  # RouteOut

    def __init__(self, parent: QWidget, client: ApiClient, plan: DialPlanOut, route: RouteOut | None = None) -> None:
        super().__init__(parent, self.tr("New route in {plan}").format(plan=plan.name) if route is None
                         else self.tr("Route {prefix} in {plan}").format(prefix=route.prefix or "*", plan=plan.name),
                         self.tr("Create") if route is None else self.tr("Save"))
        self._client = client
        self._plan = plan
        self._route = route
        self.setMinimumWidth(600)
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setPlaceholderText(self.tr("digits; empty = every number"))
        self.strategy_combo = QComboBox()
        for strategy in RouteStrategy:
            self.strategy_combo.addItem(strategy_name(strategy), strategy.value)
        self.blocked_check = QCheckBox(self.tr("Blocked: refuse calls to this prefix"))
        self.allow_loss_check = QCheckBox(self.tr("Allow routing at a loss"))
        self.margin_percent_edit = QLineEdit()
        self.margin_amount_edit = QLineEdit()
        for edit in (self.margin_percent_edit, self.margin_amount_edit):
            edit.setPlaceholderText(self.tr("none"))
        self.row(self.tr("Prefix"), "prefix", self.prefix_edit)
        self.row(self.tr("Strategy"), "strategy", self.strategy_combo)
        self.row("", "blocked", self.blocked_check)
        self.row("", "allow_loss", self.allow_loss_check)
        self.row(self.tr("Least margin, %"), "min_margin_percent", self.margin_percent_edit)
        self.row(self.tr("Least margin per minute"), "min_margin_amount", self.margin_amount_edit)
        self.carriers = RouteCarriersTable()
        self.carrier_field = LookupField(self.tr("Choose a carrier to add"))
        self.carrier_field.set_model(carrier_choice_model(client, self), 0)
        self.body_layout.insertWidget(1, self._carriers_box(), 1)
        if route is not None:
            self._fill(route)

    def _carriers_box(self) -> QGroupBox:
        self.add_carrier_button = QPushButton(self.tr("Add"))
        self.add_carrier_button.clicked.connect(self._add_carrier)
        self.remove_carrier_button = QPushButton(self.tr("Remove"))
        self.remove_carrier_button.clicked.connect(self._remove_carrier)
        self.up_button = QPushButton(self.tr("Up"))
        self.up_button.clicked.connect(self._move_up)
        self.down_button = QPushButton(self.tr("Down"))
        self.down_button.clicked.connect(self._move_down)
        picker = _button_row(self.carrier_field, self.add_carrier_button, self.remove_carrier_button, self.up_button,
                             self.down_button)
        picker.setStretch(0, 1)
        box = QGroupBox(self.tr("Carriers"))
        layout = QVBoxLayout(box)
        layout.addWidget(self.carriers)
        layout.addLayout(picker)
        layout.addWidget(self.errors.label("carriers"))
        return box

    def _fill(self, route: RouteOut) -> None:
        self.prefix_edit.setText(route.prefix)
        self.strategy_combo.setCurrentIndex(self.strategy_combo.findData(route.strategy.value))
        self.blocked_check.setChecked(route.blocked)
        self.allow_loss_check.setChecked(route.allow_loss)
        self.margin_percent_edit.setText("" if route.min_margin_percent is None else str(route.min_margin_percent))
        self.margin_amount_edit.setText("" if route.min_margin_amount is None else str(route.min_margin_amount))
        for entry in route.carriers:
            self.carriers.add_entry(entry.carrier_id, entry.carrier, entry)

    def _add_carrier(self) -> None:
        carrier_id = self.carrier_field.current_id()
        if carrier_id is not None and carrier_id not in self.carriers.carrier_ids():
            self.carriers.add_entry(carrier_id, self.carrier_field.combo.currentText())

    def _remove_carrier(self) -> None:
        row = self.carriers.currentRow()
        if row >= 0:
            self.carriers.removeRow(row)

    def _move_up(self) -> None:
        self.carriers.move_current(-1)

    def _move_down(self) -> None:
        self.carriers.move_current(1)

    def _values(self) -> dict[str, Any]:
        return {
            "prefix": self.prefix_edit.text().strip(),
            "strategy": RouteStrategy(self.strategy_combo.currentData()),
            "blocked": self.blocked_check.isChecked(),
            "allow_loss": self.allow_loss_check.isChecked(),
            "min_margin_percent": decimal_value("min_margin_percent", self.margin_percent_edit),
            "min_margin_amount": decimal_value("min_margin_amount", self.margin_amount_edit),
        }

    def submit(self) -> None:
        values = self.values_or_say(self._values)
        if values is None:
            return
        entries = self.carriers.entries()
        client, route = self._client, self._route
        path = f"/dial-plans/{self._plan.id}/routes"
        self.errors.clear()
        busy = self.tr("Saving the route…")
        if route is None:
            body = unchecked(RouteCreate, **{k: v for k, v in values.items() if v is not None}, carriers=entries)
            self.send(lambda: client.post(path, RouteOut, body), self._done, busy)
            return
        changes = {name: value for name, value in values.items() if getattr(route, name) != value}
        if [_entry_key(e) for e in route.carriers] != [_entry_key(e) for e in entries]:
            changes["carriers"] = entries
        change = unchecked(RouteUpdate, **changes)
        self.send(lambda: client.patch(f"{path}/{route.id}", RouteOut, change), self._done, busy)

    def _done(self, route: RouteOut) -> None:
        self.saved.emit(route)
        self.accept()
