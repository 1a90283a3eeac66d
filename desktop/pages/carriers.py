"""Carriers and routing (admin only): the carriers with their gateways, the dial plans with their routes, and
"Explain route": what the switch would do with a call (GET /routing/explain), carrier by carrier."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from desktop.api_client import ApiClient
from desktop.column_sizing import ColumnFit
from desktop.formatting import decimal_text, money
from desktop.ops import Op, error_text
from desktop.paged_table import Column, KeysetPage, ListOrder, PagedTableModel, sorted_by
from desktop.pages.account_refs import AccountNotFoundError, IdLabels, account_by_number
from desktop.pages.account_tabs import local_time
from desktop.pages.carriers_dialogs import CarrierDialog, DialPlanDialog, RouteDialog, strategy_name
from desktop.pages.forms import FieldErrors
from desktop.pages.listing import Listing, ListTab, api_loader, filter_timer
from desktop.pages.lookups import LookupField
from desktop.pages.nas_clients import NasClientsTab
from desktop.qt import (
    QAbstractItemView,
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.service_errors import plain_words, problems_of
from desktop.session import DeskSession
from switch_service.api.schemas import Role
from switch_service.api.schemas.carriers import CarrierOut, CarrierPage, CarrierUpdate, GatewayOut
from switch_service.api.schemas.live import GatewayEventOut
from switch_service.api.schemas.rates import TariffOut
from switch_service.api.schemas.routing import (
    DialPlanOut,
    DialPlanPage,
    ExplainCarrier,
    Outcome,
    RouteExplanation,
    RouteOut,
    RoutePage,
    SkipReason,
)

ROUTING_ROLES = frozenset({Role.ADMIN})  # carriers, costs and routing are for admins only

COL_CARRIER_NAME, COL_ENABLED, COL_STATE, COL_CHANNELS, COL_CPS, COL_BUY_TARIFF, COL_GATEWAYS = range(7)
COL_PLAN_NAME, COL_PLAN_DESCRIPTION, COL_PLAN_ROUTES = range(3)
COL_PREFIX, COL_STRATEGY, COL_BLOCKED, COL_ROUTE_CARRIERS = range(4)
COL_EXPLAIN_CARRIER, COL_EXPLAIN_STATUS, COL_EXPLAIN_REASON, COL_EXPLAIN_BUY = range(1, 5)


def _yes_no(value: bool) -> str:
    return QCoreApplication.translate("CarriersPage", "Yes") if value else QCoreApplication.translate(
        "CarriersPage", "No")


def _limit(value: int) -> str:
    return QCoreApplication.translate("CarriersPage", "unlimited") if value == 0 else f"{value:,}"


def prefix_text(prefix: str) -> str:
    return prefix or QCoreApplication.translate("CarriersPage", "(every number)")


def carriers_text(route: RouteOut) -> str:
    """'Alpha (pinned), Beta, Delta (excluded)': the route's carriers as listed."""
    names = []
    for entry in route.carriers:
        if entry.pinned:
            names.append(QCoreApplication.translate("CarriersPage", "{name} (pinned)").format(name=entry.carrier))
        elif entry.excluded:
            names.append(QCoreApplication.translate("CarriersPage", "{name} (excluded)").format(name=entry.carrier))
        else:
            names.append(entry.carrier)
    return ", ".join(names) or QCoreApplication.translate("CarriersPage", "(every carrier)")


def skip_reason_name(reason: SkipReason) -> str:
    return {
        SkipReason.EXCLUDED: QCoreApplication.translate("CarriersPage", "excluded for this prefix"),
        SkipReason.DISABLED: QCoreApplication.translate("CarriersPage", "switched off"),
        SkipReason.DOWN: QCoreApplication.translate("CarriersPage", "down"),
        SkipReason.NO_RATE: QCoreApplication.translate("CarriersPage", "no buy rate for the number"),
        SkipReason.AT_LOSS: QCoreApplication.translate("CarriersPage", "would route at a loss"),
        SkipReason.OVER_CAP: QCoreApplication.translate("CarriersPage", "over its minutes cap"),
        SkipReason.AT_CAPACITY: QCoreApplication.translate("CarriersPage", "at its channel or CPS limit"),
        SkipReason.NO_CODEC: QCoreApplication.translate("CarriersPage", "no common codec"),
    }[reason]


def outcome_name(outcome: Outcome) -> str:
    return {
        Outcome.ROUTED: QCoreApplication.translate("CarriersPage", "routed"),
        Outcome.BLOCKED: QCoreApplication.translate("CarriersPage", "blocked"),
        Outcome.NO_ROUTE: QCoreApplication.translate("CarriersPage", "no route for the number"),
        Outcome.NO_CARRIER: QCoreApplication.translate("CarriersPage", "no carrier can take it"),
    }[outcome]


def _since(moment: dt.datetime | None) -> str:
    return local_time(moment, seconds=True) if moment is not None else "?"


def gateway_state(gateway: GatewayOut) -> str:
    """One gateway as the switch's keep-alive sees it: 'up since ...', 'down since ...', 'not checked yet'."""
    translate = QCoreApplication.translate
    where = f"{gateway.host}:{gateway.port}/{gateway.transport.value}"
    if not gateway.enabled:
        return translate("CarriersPage", "{gateway}: switched off").format(gateway=where)
    if gateway.options_up is None:
        return translate("CarriersPage", "{gateway}: not checked yet").format(gateway=where)
    text = (translate("CarriersPage", "{gateway}: up since {since}") if gateway.options_up
            else translate("CarriersPage", "{gateway}: down since {since} (no answer to the switch's OPTIONS)"))
    return text.format(gateway=where, since=_since(gateway.options_checked_at))


def carrier_state(carrier: CarrierOut) -> str:
    """The carrier as routing sees it: up when a gateway answers the switch's keep-alive, since when."""
    translate = QCoreApplication.translate
    if not carrier.enabled:
        return translate("CarriersPage", "Switched off")
    gateways = [gateway for gateway in carrier.gateways if gateway.enabled]
    up = [gateway.options_checked_at for gateway in gateways if gateway.options_up]
    down = [gateway.options_checked_at for gateway in gateways if gateway.options_up is False]
    if up:
        since = min((moment for moment in up if moment is not None), default=None)
        text = translate("CarriersPage", "Up since {since}").format(since=_since(since))
        return text + (translate("CarriersPage", " ({down} of {all} gateways down)").format(
            down=len(down), all=len(gateways)) if down else "")
    if down and len(down) == len(gateways):
        since = max((moment for moment in down if moment is not None), default=None)
        return translate("CarriersPage", "Down since {since}").format(since=_since(since))
    return translate("CarriersPage", "Not checked yet") if gateways else translate("CarriersPage", "No gateway")


def carrier_columns(tariffs: IdLabels) -> list[Column[CarrierOut]]:
    """In COL_CARRIER_* order."""
    return [
        Column(QCoreApplication.translate("CarriersPage", "Carrier"), lambda c: c.name, sort_key="name"),
        Column(QCoreApplication.translate("CarriersPage", "Enabled"), lambda c: _yes_no(c.enabled),
               lambda c: c.enabled, sort_key="enabled"),
        Column(QCoreApplication.translate("CarriersPage", "State"), carrier_state,
               tooltip=lambda c: "\n".join(gateway_state(gateway) for gateway in c.gateways)),
        Column(QCoreApplication.translate("CarriersPage", "Channels"), lambda c: _limit(c.max_channels),
               lambda c: c.max_channels, align_right=True, sort_key="max_channels"),
        Column(QCoreApplication.translate("CarriersPage", "CPS"), lambda c: _limit(c.cps_limit),
               lambda c: c.cps_limit, align_right=True, sort_key="cps_limit"),
        Column(QCoreApplication.translate("CarriersPage", "Buy tariff"), lambda c: tariffs.label(c.buy_tariff_id)),
        Column(QCoreApplication.translate("CarriersPage", "Gateways"), lambda c: str(len(c.gateways)),
               lambda c: len(c.gateways), align_right=True),
    ]


def plan_columns() -> list[Column[DialPlanOut]]:
    return sorted_by(_plan_columns(), {COL_PLAN_NAME: "name", COL_PLAN_DESCRIPTION: "description",
                                       COL_PLAN_ROUTES: "routes"})


def _plan_columns() -> list[Column[DialPlanOut]]:
    """In COL_PLAN_* order."""
    return [
        Column(QCoreApplication.translate("CarriersPage", "Dial plan"), lambda p: p.name),
        Column(QCoreApplication.translate("CarriersPage", "Description"), lambda p: p.description),
        Column(QCoreApplication.translate("CarriersPage", "Routes"), lambda p: f"{p.routes:,}", lambda p: p.routes,
               align_right=True),
    ]


def route_columns() -> list[Column[RouteOut]]:
    return sorted_by(_route_columns(), {COL_PREFIX: "prefix", COL_STRATEGY: "strategy", COL_BLOCKED: "blocked"})


def _route_columns() -> list[Column[RouteOut]]:
    """In COL_PREFIX... order."""
    return [
        Column(QCoreApplication.translate("CarriersPage", "Prefix"), lambda r: prefix_text(r.prefix),
               lambda r: r.prefix),
        Column(QCoreApplication.translate("CarriersPage", "Strategy"), lambda r: strategy_name(r.strategy),
               lambda r: r.strategy.value),
        Column(QCoreApplication.translate("CarriersPage", "Blocked"), lambda r: _yes_no(r.blocked)),
        Column(QCoreApplication.translate("CarriersPage", "Carriers, as listed"), carriers_text),
    ]


# --- carriers ------------------------------------------------------------------------------------


class CarriersTab(ListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self.dialog: CarrierDialog | None = None
        self.tariffs = IdLabels()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Carrier name contains…"))
        self.search_edit.setClearButtonEnabled(True)
        self._filter_timer = filter_timer(self, self.apply_filter)
        self.search_edit.textChanged.connect(self._filter_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.new_button = QPushButton(self.tr("New carrier…"))
        self.new_button.clicked.connect(self.open_new)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.toggle_button = QPushButton(self.tr("Switch off"))
        self.toggle_button.clicked.connect(self.toggle_enabled)
        self.row_buttons += [self.edit_button, self.toggle_button]
        self.top.addWidget(self.search_edit, 1)
        for button in (self.refresh_button, self.new_button, self.edit_button, self.toggle_button):
            self.top.addWidget(button)

        self.model: PagedTableModel[CarrierOut] = PagedTableModel(carrier_columns(self.tariffs), self)
        self.listing = Listing(self.model, widths=(200, 60, 185, 70, 50, 160, 70), stretch=COL_CARRIER_NAME,
                               count_text=self._count_text, empty_text=self._empty_text)
        self.refresh_button.clicked.connect(self.listing.refresh)
        self.listing.activated.connect(self._activated)
        self.listing.selection_changed.connect(self._update_toggle)
        self.set_listing(self.listing)

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self.hush()
        self._load()

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        self._load()

    def _load(self) -> None:
        client, query = self._client, self.search_edit.text().strip() or None
        self.tariffs.reset(None if client is None else
                           lambda tariff_id: client.get(f"/tariffs/{tariff_id}", TariffOut).name)
        tariffs = self.tariffs

        def load(after: int | None, limit: int, order: ListOrder) -> KeysetPage[CarrierOut]:
            assert client is not None
            page = client.get("/carriers", CarrierPage, {"after": after, "limit": limit, "q": query, **order.params()})
            tariffs.fill(carrier.buy_tariff_id for carrier in page.items)
            return page

        self.model.set_sorted_loader(None if client is None else load)

    def open_new(self) -> CarrierDialog | None:
        return None if self._client is None else self._open(CarrierDialog(self, self._client))

    def open_edit(self) -> CarrierDialog | None:
        carrier = self.listing.selected()
        if self._client is None or carrier is None:
            return None
        return self._open(CarrierDialog(self, self._client, carrier))

    def _open(self, dialog: CarrierDialog) -> CarrierDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, carrier: CarrierOut) -> None:
        self.say(self.tr("Carrier {name} saved.").format(name=carrier.name))
        self.listing.refresh(select_id=carrier.id)

    def toggle_enabled(self) -> None:
        carrier, client = self.listing.selected(), self._client
        if carrier is None or client is None:
            return
        change = CarrierUpdate(enabled=not carrier.enabled)
        (Op(self, lambda: client.patch(f"/carriers/{carrier.id}", CarrierOut, change))
         .success(self._toggled)
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(self.tr("Saving the carrier…"))
         .run())

    def _toggled(self, carrier: CarrierOut) -> None:
        self.say(self.tr("{name} carries calls again.").format(name=carrier.name) if carrier.enabled
                 else self.tr("{name} is switched off: routing skips it from now on.").format(name=carrier.name))
        self.listing.refresh(select_id=carrier.id)

    def _update_toggle(self) -> None:
        carrier = self.listing.selected()
        self.toggle_button.setText(self.tr("Switch on") if carrier is not None and not carrier.enabled
                                   else self.tr("Switch off"))

    def _activated(self, _carrier_id: int) -> None:
        self.open_edit()

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n carrier(s)", "", count)
        return self.tr("%n carrier(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        if self.search_edit.text().strip():
            return self.tr("No carrier name contains this text.")
        return self.tr("No carriers yet: add the carriers you buy minutes from with “New carrier…”.")


# --- dial plans and routes -----------------------------------------------------------------------


class DialPlansList(ListTab):
    def __init__(self, model: PagedTableModel[DialPlanOut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self.dialog: DialPlanDialog | None = None
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.new_button = QPushButton(self.tr("New plan…"))
        self.new_button.clicked.connect(self.open_new)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.row_buttons.append(self.edit_button)
        self.top.addStretch(1)
        self.top.addWidget(self.refresh_button)
        self.top.addWidget(self.new_button)
        self.top.addWidget(self.edit_button)
        self.model = model
        self.listing = Listing(model, widths=(120, 120, 60), stretch=COL_PLAN_DESCRIPTION,
                               count_text=self._count_text, empty_text=self._empty_text)
        self.refresh_button.clicked.connect(self.listing.refresh)
        self.listing.activated.connect(self._activated)
        self.set_listing(self.listing)

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self.hush()
        self.model.set_sorted_loader(api_loader(client, "/dial-plans", DialPlanPage))

    def open_new(self) -> DialPlanDialog | None:
        return None if self._client is None else self._open(DialPlanDialog(self, self._client))

    def open_edit(self) -> DialPlanDialog | None:
        plan = self.listing.selected()
        if self._client is None or plan is None:
            return None
        return self._open(DialPlanDialog(self, self._client, plan))

    def _open(self, dialog: DialPlanDialog) -> DialPlanDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, plan: DialPlanOut) -> None:
        self.say(self.tr("Dial plan {name} saved.").format(name=plan.name))
        self.listing.refresh(select_id=plan.id)

    def _activated(self, _plan_id: int) -> None:
        self.open_edit()

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n plan(s)", "", count)
        return self.tr("%n plan(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        return self.tr("No dial plans yet: add one with “New plan…”.")


class RoutesList(ListTab):
    """The routes of the plan chosen in the list beside it, filtered by prefix in SQL."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._plan: DialPlanOut | None = None
        self.dialog: RouteDialog | None = None
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setPlaceholderText(self.tr("Prefix starts with…"))
        self.prefix_edit.setClearButtonEnabled(True)
        self.prefix_edit.setMinimumWidth(130)
        self._filter_timer = filter_timer(self, self.apply_filter)
        self.prefix_edit.textChanged.connect(self._filter_timer.start)
        self.new_button = QPushButton(self.tr("New route…"))
        self.new_button.clicked.connect(self.open_new)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.row_buttons.append(self.edit_button)
        self.top.addWidget(self.prefix_edit, 1)
        self.top.addWidget(self.new_button)
        self.top.addWidget(self.edit_button)
        self.model: PagedTableModel[RouteOut] = PagedTableModel(route_columns(), self)
        self.listing = Listing(self.model, widths=(110, 90, 60, 300), stretch=COL_ROUTE_CARRIERS,
                               count_text=self._count_text, empty_text=self._empty_text)
        self.listing.activated.connect(self._activated)
        self.set_listing(self.listing)
        self.show_plan(None, None)

    def show_plan(self, client: ApiClient | None, plan: DialPlanOut | None) -> None:
        self._client, self._plan = client, plan
        self.hush()
        self.new_button.setEnabled(plan is not None)
        self.apply_filter()

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        plan, digits = self._plan, "".join(ch for ch in self.prefix_edit.text() if ch.isdigit()) or None
        self.model.set_sorted_loader(None if plan is None else api_loader(
            self._client, f"/dial-plans/{plan.id}/routes", RoutePage, {"prefix": digits}))

    def open_new(self) -> RouteDialog | None:
        if self._client is None or self._plan is None:
            return None
        return self._open(RouteDialog(self, self._client, self._plan))

    def open_edit(self) -> RouteDialog | None:
        route = self.listing.selected()
        if self._client is None or self._plan is None or route is None:
            return None
        return self._open(RouteDialog(self, self._client, self._plan, route))

    def _open(self, dialog: RouteDialog) -> RouteDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, route: RouteOut) -> None:
        self.say(self.tr("Route {prefix} saved.").format(prefix=prefix_text(route.prefix)))
        self.listing.refresh(select_id=route.id)

    def _activated(self, _route_id: int) -> None:
        self.open_edit()

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n route(s)", "", count)
        return self.tr("%n route(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        if self._plan is None:
            return self.tr("Choose a dial plan to see its routes.")
        if self.prefix_edit.text().strip():
            return self.tr("No route prefix starts with these digits.")
        return self.tr("No routes yet: add one with “New route…” (an empty prefix catches every number).")


def _boxed(title: str, tab: ListTab) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(tab)
    tab_layout = tab.layout()
    if tab_layout is not None:
        tab_layout.setContentsMargins(0, 0, 0, 0)
    return box


class DialPlansTab(QWidget):
    def __init__(self, plans: PagedTableModel[DialPlanOut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self.plans = DialPlansList(plans)
        self.routes = RoutesList()
        self.plans.listing.selection_changed.connect(self._plan_chosen)
        plans_box = _boxed(self.tr("Dial plans"), self.plans)
        self.routes_box = _boxed(self.tr("Routes"), self.routes)
        splitter = QSplitter()
        splitter.addWidget(plans_box)
        splitter.addWidget(self.routes_box)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([340, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self.plans.set_client(client)
        self.routes.show_plan(None, None)

    def _plan_chosen(self) -> None:
        plan = self.plans.listing.selected()
        self.routes_box.setTitle(self.tr("Routes of {plan}").format(plan=plan.name) if plan is not None
                                 else self.tr("Routes"))
        self.routes.show_plan(self._client if plan is not None else None, plan)


# --- explain -------------------------------------------------------------------------------------


class ExplainTab(QWidget):
    """A number (and an account, or a dial plan) in; the route matched and every carrier in the order the
    switch would try them out, each skipped one with why."""

    COLUMNS = 10

    def __init__(self, plans: PagedTableModel[DialPlanOut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self.errors = FieldErrors(QLabel())
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("e.g. +44 7700 900123"))
        self.number_edit.returnPressed.connect(self.explain)
        self.account_edit = QLineEdit()
        self.account_edit.setPlaceholderText(self.tr("optional: its tariff gives the sell rate"))
        self.account_edit.returnPressed.connect(self.explain)
        self.plan_field = LookupField(self.tr("The account's dial plan"), clearable=True)
        self.plan_field.set_model(plans, COL_PLAN_NAME)
        self.explain_button = QPushButton(self.tr("Explain"))
        self.explain_button.setDefault(True)
        self.explain_button.clicked.connect(self.explain)
        form = QFormLayout()
        form.addRow(self.tr("Number dialled"), self.errors.under("number", self.number_edit))
        form.addRow(self.tr("Account number"), self.errors.under("account_id", self.account_edit))
        form.addRow(self.tr("Dial plan"), self.errors.under("dial_plan_id", self.plan_field))
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.explain_button, 0, Qt.AlignmentFlag.AlignBottom)

        self.summary_label = QLabel(self.tr("Type a number and press Explain to see the route the switch would "
                                            "take and the carriers in the order it would try them."))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes_label.hide()
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            self.tr("#"), self.tr("Carrier"), self.tr("Status"), self.tr("Why skipped"), self.tr("Buy rate"),
            self.tr("Sell rate"), self.tr("Margin"), self.tr("Margin %"), self.tr("Gateway"), self.tr("Number sent"),
        ])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(30)
        for column, width in enumerate((30, 130, 120, 180, 70, 70, 70, 70, 140, 110)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(COL_EXPLAIN_REASON, QHeaderView.ResizeMode.Stretch)
        self.column_fit = ColumnFit(self.table, COL_EXPLAIN_REASON)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.table, 1)

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self.errors.clear()
        self.table.setRowCount(0)

    def explain(self) -> None:
        client = self._client
        if client is None:
            return
        number, account_number = self.number_edit.text().strip(), self.account_edit.text().strip()
        plan_id = self.plan_field.current_id()
        self.errors.clear()
        self.explain_button.setEnabled(False)

        def ask() -> RouteExplanation:
            account_id = account_by_number(client, account_number).id if account_number else None
            return client.get("/routing/explain", RouteExplanation, {
                "number": number, "account_id": account_id, "dial_plan_id": plan_id})

        (Op(self, ask)
         .success(self._show)
         .failure(self._failed)
         .finally_(lambda: self.explain_button.setEnabled(True))
         .busy(self.tr("Asking the service…"))
         .run())

    def _failed(self, error: Exception) -> None:
        self.table.setRowCount(0)
        self.summary_label.clear()
        self.notes_label.hide()
        if isinstance(error, AccountNotFoundError):
            self.errors.show_at("account_id", error.message)
        else:
            self.errors.show_problems(problems_of(error))

    def _show(self, found: RouteExplanation) -> None:
        route = prefix_text(found.route_prefix) if found.route_prefix is not None else self.tr("none")
        parts = [self.tr("Number {number} on dial plan {plan}: {outcome}.").format(
            number=found.number, plan=found.dial_plan.name, outcome=outcome_name(found.outcome)),
            self.tr("Route {prefix}").format(prefix=route)]
        if found.strategy is not None:
            parts.append(self.tr("strategy {strategy}").format(strategy=strategy_name(found.strategy)))
        if found.sell_rate is not None:
            parts.append(self.tr("sell rate {rate} per minute").format(rate=money(found.sell_rate)))
        if found.account is not None:
            parts.append(self.tr("account {number} ({name})").format(number=found.account.number,
                                                                       name=found.account.name))
        self.summary_label.setText(parts[0] + " " + ", ".join(parts[1:]) + ".")
        self.notes_label.setText("\n".join(found.notes))
        self.notes_label.setVisible(bool(found.notes))
        self.table.setRowCount(len(found.carriers))
        for row, carrier in enumerate(found.carriers):
            for column, (text, right) in enumerate(self._cells(carrier)):
                item = QTableWidgetItem(text)
                if right:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.column_fit.refit()

    def _cells(self, carrier: ExplainCarrier) -> list[tuple[str, bool]]:
        status = {"route": self.tr("tried"), "pinned": self.tr("tried first (pinned)"),
                  "skipped": self.tr("skipped")}[carrier.status]
        reason = skip_reason_name(carrier.skip_reason) if carrier.skip_reason is not None else ""
        if carrier.detail:
            detail = plain_words(carrier.detail)
            reason = f"{reason} ({detail})" if reason else detail

        def amount(value: Any) -> str:
            return money(value) if value is not None else ""

        return [
            (str(carrier.position) if carrier.position is not None else "", True),
            (carrier.carrier, False),
            (status, False),
            (reason, False),
            (amount(carrier.buy_rate), True),
            (amount(carrier.sell_rate), True),
            (amount(carrier.margin), True),
            (decimal_text(carrier.margin_percent) if carrier.margin_percent is not None else "", True),
            (carrier.gateway or "", False),
            (carrier.number_sent or "", False),
        ]

    def carriers_shown(self) -> list[tuple[str, str]]:
        """(carrier, status) of each row, top to bottom: what the user reads."""
        rows = []
        for row in range(self.table.rowCount()):
            carrier, status = self.table.item(row, COL_EXPLAIN_CARRIER), self.table.item(row, COL_EXPLAIN_STATUS)
            rows.append((carrier.text() if carrier else "", status.text() if status else ""))
        return rows


# --- the page ------------------------------------------------------------------------------------


class CarriersPage(QWidget):
    ROLES: ClassVar[frozenset[Role]] = ROUTING_ROLES  # the main window lists the page for these roles only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans_model: PagedTableModel[DialPlanOut] = PagedTableModel(plan_columns(), self)
        self.carriers_tab = CarriersTab()
        self.dial_plans_tab = DialPlansTab(self.plans_model)
        self.explain_tab = ExplainTab(self.plans_model)
        self.nas_tab = NasClientsTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.carriers_tab, self.tr("Carriers"))
        self.tabs.addTab(self.dial_plans_tab, self.tr("Dial plans and routes"))
        self.tabs.addTab(self.explain_tab, self.tr("Explain route"))
        self.tabs.addTab(self.nas_tab, self.tr("RADIUS clients"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def gateway_changed(self, _change: GatewayEventOut) -> None:
        """A gateway went down or came up (the live stream): the carriers' states are read again."""
        self.carriers_tab.refresh()

    def set_session(self, session: DeskSession) -> None:
        """Lists load only for a role that may see them (the navigation hides the page from the others)."""
        client = session.client if session.user.role in ROUTING_ROLES else None
        self.carriers_tab.set_client(client)
        self.dial_plans_tab.set_client(client)
        self.explain_tab.set_client(client)
        self.nas_tab.set_client(client)
