"""Resellers: the tree (an admin sees every reseller, a reseller user its own and those below it), the chosen
reseller's figures, its commission rules (admins edit them) and "add sub-reseller".

The tree loads lazily, level by level: a reseller's sub-resellers are fetched page by page (`?parent_id=`)
when it is expanded. The API has no "top level only" filter, so an admin's top level is found by paging
through the resellers and keeping those without a parent (one page at a time, as the view asks for more).
A click on a column header reads the tree again with every level sorted by that column in the service.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from desktop.api_client import ApiClient
from desktop.formatting import money, utc_text
from desktop.ops import Op, error_text
from desktop.paged_table import Column, ListOrder, PagedTableModel, sorted_by
from desktop.pages.account_edit import status_name
from desktop.pages.listing import Listing, ListTab, api_loader
from desktop.pages.reseller_agent_pin import AgentPinDialog
from desktop.pages.reseller_logo import LogoDialog
from desktop.pages.resellers_dialogs import (
    CommissionRuleDialog,
    NewResellerDialog,
    ResellerTaxesDialog,
    SellTariffDialog,
    basis_name,
    kind_name,
)
from desktop.pages.statements import StatementPicker
from desktop.qt import (
    QAbstractItemModel,
    QAbstractItemView,
    QCoreApplication,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QSplitter,
    Qt,
    QTreeView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.session import DeskSession
from desktop.styling import as_error, as_heading
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, Role
from switch_service.api.schemas.rates import TariffDetail
from switch_service.api.schemas.resellers import (
    CommissionRuleOut,
    CommissionRulePage,
    ResellerKind,
    ResellerOut,
    ResellerPage,
)

RESELLER_ROLES = frozenset({Role.ADMIN, Role.RESELLER})
ModelIndex = QModelIndex | QPersistentModelIndex

COL_NAME, COL_KIND, COL_STATUS, COL_BALANCE, COL_CREDIT_LIMIT = range(5)
SORT_KEYS = ("name", "kind", "status", "balance", "credit_limit")  # `GET /resellers?sort=` of each column
ROOT = 0  # the invisible root's key; every other node's key is its reseller's id
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Children = tuple[list[ResellerOut], int | None]  # a page of children and the cursor of the next (None: the end)


@dataclass
class _Node:
    reseller: ResellerOut | None  # None for the root
    parent: int
    children: list[int] = field(default_factory=list)
    after: int | None = None  # cursor of the next page of children
    at_end: bool = False
    loading: bool = False


def _headers() -> list[str]:
    return [QCoreApplication.translate("ResellerTreeModel", "Reseller"),
            QCoreApplication.translate("ResellerTreeModel", "Kind"),
            QCoreApplication.translate("ResellerTreeModel", "Status"),
            QCoreApplication.translate("ResellerTreeModel", "Balance"),
            QCoreApplication.translate("ResellerTreeModel", "Credit limit")]


class ResellerTreeModel(QAbstractItemModel):
    """Each node's children arrive in pages (`canFetchMore`/`fetchMore` per node) through an `Op`; answers
    for an older generation (after a reset) are dropped."""

    load_failed = Signal(str)
    loaded = Signal()

    def __init__(self, parent: QObject | None = None, *, page_size: int = DEFAULT_PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._headers = _headers()
        self._client: ApiClient | None = None
        self._own: int | None = None  # a reseller user's reseller: the top of its tree
        self._nodes: dict[int, _Node] = {ROOT: _Node(None, ROOT, at_end=True)}
        self._generation = 0
        self.order = ListOrder()  # every level's order; the key None: by id

    def set_client(self, client: ApiClient | None, own_reseller: int | None = None) -> None:
        """`own_reseller`: show only that reseller's subtree (a reseller user); None: all (an admin)."""
        self._client, self._own = client, own_reseller
        self.reset()

    def reset(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._nodes = {ROOT: _Node(None, ROOT, at_end=self._client is None)}
        self.endResetModel()
        if self._client is not None:
            self.fetchMore(QModelIndex())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A click on a header (the tree view sorts): the tree is read again in that order (-1: by id)."""
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        wanted = ListOrder(key, key is not None and order is Qt.SortOrder.DescendingOrder)
        if wanted != self.order:
            self.order = wanted
            self.reset()

    @property
    def loading(self) -> bool:
        return any(node.loading for node in self._nodes.values())

    def reseller(self, index: ModelIndex) -> ResellerOut | None:
        node = self._nodes.get(index.internalId()) if index.isValid() else None
        return node.reseller if node is not None else None

    def index_of(self, reseller_id: int) -> QModelIndex:
        node = self._nodes.get(reseller_id)
        if node is None or reseller_id == ROOT:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].children.index(reseller_id), 0, reseller_id)

    def add_child(self, reseller: ResellerOut) -> None:
        """A reseller just created: counted under its parent, and shown at once where the level's order puts it
        among the rows loaded (one that sorts after them all comes with a later page of a level still paging)."""
        parent_key = reseller.parent_id if reseller.parent_id in self._nodes else ROOT
        parent = self._nodes[parent_key]
        if parent.reseller is not None:
            parent.reseller = parent.reseller.model_copy(update={"children": parent.reseller.children + 1})
            changed = self.index_of(parent_key)
            self.dataChanged.emit(changed, changed.sibling(changed.row(), COL_CREDIT_LIMIT))
        row = self._row_for(parent, reseller)
        if row < len(parent.children) or parent.at_end:
            self._insert(parent_key, [reseller], row)

    def replace(self, reseller: ResellerOut) -> None:
        """A reseller read again (its logo or taxes changed): its row and details show what the service says."""
        node = self._nodes.get(reseller.id)
        if node is None or reseller.id == ROOT:
            return
        node.reseller = reseller
        changed = self.index_of(reseller.id)
        self.dataChanged.emit(changed, changed.sibling(changed.row(), COL_CREDIT_LIMIT))

    def _row_for(self, parent: _Node, reseller: ResellerOut) -> int:
        """The row of `reseller` among `parent`'s loaded children in the tree's order (as the service sorts)."""
        def key(item: ResellerOut) -> tuple[Any, int]:
            value = getattr(item, self.order.key) if self.order.key is not None else None
            return (value.lower() if isinstance(value, str) else value), item.id

        new = key(reseller)
        for row, child in enumerate(parent.children):
            sibling = self._nodes[child].reseller
            if sibling is not None and (key(sibling) < new if self.order.descending else key(sibling) > new):
                return row
        return len(parent.children)

    # --- Qt model --------------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._nodes.get(parent.internalId() if parent.isValid() else ROOT)
        if node is None or not 0 <= row < len(node.children) or not 0 <= column < len(self._headers):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._nodes.get(index.internalId()) if index.isValid() else None
        if node is None or node.parent == ROOT:
            return QModelIndex()
        return self.index_of(node.parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._nodes.get(parent.internalId() if parent.isValid() else ROOT)
        return len(node.children) if node is not None else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(self._headers)

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        if not parent.isValid():
            return True
        node = self._nodes.get(parent.internalId())
        return node is not None and parent.column() == 0 and (
            bool(node.children) or (node.reseller is not None and node.reseller.children > 0))

    def canFetchMore(self, parent: ModelIndex) -> bool:  # noqa: N802
        node = self._nodes.get(parent.internalId() if parent.isValid() else ROOT)
        return node is not None and not node.at_end and not node.loading and self._client is not None

    def fetchMore(self, parent: ModelIndex) -> None:  # noqa: N802
        key = parent.internalId() if parent.isValid() else ROOT
        if self.canFetchMore(parent):
            self._fetch(key)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        reseller = self.reseller(index)
        if reseller is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [reseller.name, kind_name(reseller.kind), status_name(reseller.status),
                    money(reseller.balance, reseller.currency), money(reseller.credit_limit, reseller.currency)][column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_BALANCE, COL_CREDIT_LIMIT):
            return _RIGHT
        return None

    # --- loading ---------------------------------------------------------------------------------

    def _page_of(self, key: int) -> Callable[[], Children]:
        """The worker's job: the next page of `key`'s children."""
        client, node, limit, own = self._client, self._nodes[key], self.page_size, self._own
        assert client is not None
        after, order = node.after, self.order.params()
        if key != ROOT:
            def children() -> Children:
                page = client.get("/resellers", ResellerPage,
                                  {"parent_id": key, "after": after, "limit": limit, **order})
                return page.items, page.next_after
            return children
        if own is not None:
            return lambda: ([client.get(f"/resellers/{own}", ResellerOut)], None)

        def top_level() -> Children:
            page = client.get("/resellers", ResellerPage, {"after": after, "limit": limit, **order})
            return [reseller for reseller in page.items if reseller.parent_id is None], page.next_after
        return top_level

    def _fetch(self, key: int) -> None:
        node, generation = self._nodes[key], self._generation
        node.loading = True
        (Op(self, self._page_of(key))
         .success(lambda found: self._arrived(generation, key, found))
         .failure(lambda error: self._failed(generation, key, error))
         .busy(None)
         .run())

    def _arrived(self, generation: int, key: int, found: Children) -> None:
        node = self._nodes.get(key)
        if generation != self._generation or node is None:
            return
        items, after = found
        node.loading, node.after, node.at_end = False, after, after is None
        self._insert(key, [item for item in items if item.id not in self._nodes])
        if not items and not node.at_end:
            self._fetch(key)  # a page of the admin's scan without a top-level reseller: the view asks no more
        self.loaded.emit()

    def _insert(self, key: int, items: list[ResellerOut], first: int | None = None) -> None:
        """`items` as children of `key` from row `first` on (at the end when None)."""
        if not items:
            return
        node = self._nodes[key]
        first = len(node.children) if first is None else first
        parent = self.index_of(key) if key != ROOT else QModelIndex()
        self.beginInsertRows(parent, first, first + len(items) - 1)
        node.children[first:first] = [item.id for item in items]
        for item in items:
            self._nodes[item.id] = _Node(item, key, at_end=item.children == 0)
        self.endInsertRows()

    def _failed(self, generation: int, key: int, error: Exception) -> None:
        node = self._nodes.get(key)
        if generation != self._generation or node is None:
            return
        node.loading, node.at_end = False, True  # stop asking; Refresh tries again
        self.load_failed.emit(error_text(error))


def rule_columns() -> list[Column[CommissionRuleOut]]:
    return sorted_by(_rule_columns(), {0: "basis", 1: "prefix", 2: "percent", 3: "amount"})


def _rule_columns() -> list[Column[CommissionRuleOut]]:
    return [
        Column(QCoreApplication.translate("ResellersPage", "Basis"), lambda r: basis_name(r.basis)),
        Column(QCoreApplication.translate("ResellersPage", "Prefix"),
               lambda r: r.prefix or QCoreApplication.translate("ResellersPage", "any")),
        Column(QCoreApplication.translate("ResellersPage", "Percent"),
               lambda r: f"{r.percent.normalize():f} %" if r.percent is not None else "", align_right=True),
        Column(QCoreApplication.translate("ResellersPage", "Per minute"),
               lambda r: money(r.amount) if r.amount is not None else "", align_right=True),
    ]


class CommissionRules(ListTab):
    """The chosen reseller's commission rules (admins only: the service shows them to no one else)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._reseller: ResellerOut | None = None
        self._deleting: CommissionRuleOut | None = None
        self.dialog: CommissionRuleDialog | None = None
        self.add_button = QPushButton(self.tr("Add rule…"))
        self.add_button.clicked.connect(self.open_add)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.open_edit)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.row_buttons += [self.edit_button, self.delete_button]
        self.top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            self.top.addWidget(button)
        self.model: PagedTableModel[CommissionRuleOut] = PagedTableModel(rule_columns(), self)
        self.listing = Listing(self.model, widths=(130, 90, 60, 80), stretch=1, count_text=self._count_text,
                               empty_text=self._empty_text)
        self.listing.activated.connect(self._activated)
        self.set_listing(self.listing)

    def show_reseller(self, client: ApiClient | None, reseller: ResellerOut | None) -> None:
        self._client, self._reseller = client, reseller
        self.hush()
        self.add_button.setEnabled(reseller is not None)
        if client is None or reseller is None:
            self.model.set_loader(None)
            return
        path = f"/resellers/{reseller.id}/commission-rules"
        self.model.set_sorted_loader(api_loader(client, path, CommissionRulePage))

    def open_add(self) -> CommissionRuleDialog | None:
        if self._client is None or self._reseller is None:
            return None
        return self._open(CommissionRuleDialog(self, self._client, self._reseller))

    def open_edit(self) -> CommissionRuleDialog | None:
        rule = self.listing.selected()
        if self._client is None or self._reseller is None or rule is None:
            return None
        return self._open(CommissionRuleDialog(self, self._client, self._reseller, rule))

    def _open(self, dialog: CommissionRuleDialog) -> CommissionRuleDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, rule: CommissionRuleOut) -> None:
        self.say(self.tr("Commission rule saved."))
        self.listing.refresh(select_id=rule.id)

    def delete_selected(self) -> None:
        rule = self.listing.selected()
        if self._client is None or rule is None:
            return
        self._deleting = rule
        self.confirm(self.tr("Delete commission rule"), self.tr("Delete this commission rule ({basis})?").format(
            basis=basis_name(rule.basis)), self.tr("Delete"), self._delete_confirmed)

    def _delete_confirmed(self) -> None:
        rule, self._deleting = self._deleting, None
        client = self._client
        if rule is None or client is None:
            return
        path = f"/resellers/{rule.reseller_id}/commission-rules/{rule.id}"
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._deleted())
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(self.tr("Deleting the commission rule…"))
         .run())

    def _deleted(self) -> None:
        self.say(self.tr("Commission rule deleted."))
        self.listing.refresh()

    def _activated(self, _rule_id: int) -> None:
        self.open_edit()

    def _count_text(self, count: int, _at_end: bool) -> str:
        return self.tr("%n rule(s)", "", count)

    def _empty_text(self) -> str:
        if self._reseller is None:
            return ""
        return self.tr("No commission rules: this reseller earns no commission. Add one with “Add rule…”.")


def _tree_view(model: ResellerTreeModel) -> QTreeView:
    """The tree of resellers: a click on a header sorts every level in the service (`ResellerTreeModel.sort`)."""
    tree = QTreeView()
    tree.setModel(model)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    header = tree.header()
    for column, width in enumerate((190, 110, 70, 90, 90)):
        header.resizeSection(column, width)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # by id until a header is clicked
    header.setSortIndicatorShown(True)
    tree.setSortingEnabled(True)
    return tree


class ResellersPage(QWidget):
    ROLES: ClassVar[frozenset[Role]] = RESELLER_ROLES  # the main window lists the page for these roles only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._select_when_loaded: int | None = None  # a reseller just created, shown once its level loads
        self.dialog: NewResellerDialog | None = None

        self.model = ResellerTreeModel(self)
        self.tree = _tree_view(self.model)
        self.tree.selectionModel().currentRowChanged.connect(self._chosen)
        self.model.load_failed.connect(self._load_failed)
        self.model.loaded.connect(self._loaded)
        self.model.modelReset.connect(self._loaded)

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.add_top_button = QPushButton(self.tr("New reseller…"))
        self.add_top_button.clicked.connect(self.open_new_top_level)
        self.add_sub_button = QPushButton(self.tr("Add sub-reseller…"))
        self.add_sub_button.clicked.connect(self.open_new_sub_reseller)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.tree_status = QLabel()
        self.tree_status.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.add_top_button)
        top.addWidget(self.add_sub_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.message_label)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.tree_status)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self._details())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([570, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._show(None)

    def _details(self) -> QWidget:
        panel = QWidget()
        self.name_label = QLabel()
        as_heading(self.name_label)
        self.name_label.setWordWrap(True)
        self.figures: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (("kind", self.tr("Kind")), ("status", self.tr("Status")), ("balance", self.tr("Balance")),
                           ("credit_limit", self.tr("Credit limit")), ("children", self.tr("Sub-resellers")),
                           ("email", self.tr("E-mail")), ("brand_name", self.tr("Brand name")),
                           ("logo", self.tr("Logo")), ("agent_pin", self.tr("Agent PIN"))):
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures[key] = value
            form.addRow(label, value)
        self.sell_tariff_button = QPushButton(self.tr("Sell tariff…"))
        self.sell_tariff_button.setToolTip(self.tr("A white-label reseller's own sell tariff: its buy tariff with a "
                                                   "markup"))
        self.sell_tariff_button.clicked.connect(self.open_sell_tariff)
        self.sell_tariff_dialog: SellTariffDialog | None = None
        self.logo_button = QPushButton(self.tr("Logo…"))
        self.logo_button.setToolTip(self.tr("A white-label reseller's logo, printed on its customers' documents and "
                                            "its own statement"))
        self.logo_button.clicked.connect(self.open_logo)
        self.logo_dialog: LogoDialog | None = None
        self.agent_pin_button = QPushButton(self.tr("New agent PIN…"))
        self.agent_pin_button.setToolTip(self.tr("The PIN a retail store's clerk keys in the IVR to recharge its "
                                                 "PIN-less customers from its balance"))
        self.agent_pin_button.clicked.connect(self.open_agent_pin)
        self.agent_pin_dialog: AgentPinDialog | None = None
        self.taxes_button = QPushButton(self.tr("Taxes…"))
        self.taxes_button.setToolTip(self.tr("The tax profile its statement prints"))
        self.taxes_button.clicked.connect(self.open_taxes)
        self.taxes_dialog: ResellerTaxesDialog | None = None
        self.rules = CommissionRules()
        self.rules_box = QGroupBox(self.tr("Commission rules"))
        QVBoxLayout(self.rules_box).addWidget(self.rules)
        statements = QGroupBox(self.tr("Statement…"))
        self.statement_picker = StatementPicker(self._statement_stem)
        QVBoxLayout(statements).addWidget(self.statement_picker)
        layout = QVBoxLayout(panel)
        layout.addWidget(self.name_label)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        for button in (self.sell_tariff_button, self.logo_button, self.agent_pin_button, self.taxes_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.rules_box, 1)
        layout.addWidget(statements)
        return panel

    # --- session ---------------------------------------------------------------------------------

    @property
    def is_admin(self) -> bool:
        return self._session is not None and self._session.user.role is Role.ADMIN

    def set_session(self, session: DeskSession) -> None:
        """The tree loads only for a role that may see it (the navigation hides the page from the others)."""
        self._session = session
        allowed = session.user.role in RESELLER_ROLES and (self.is_admin or session.user.reseller_id is not None)
        self.add_top_button.setVisible(self.is_admin)
        self.rules_box.setVisible(self.is_admin)
        self.sell_tariff_button.setVisible(self.is_admin)
        self.taxes_button.setVisible(self.is_admin)
        self.message_label.hide()
        self._select_when_loaded = None
        self.model.set_client(session.client if allowed else None,
                              None if self.is_admin else session.user.reseller_id)

    def refresh(self) -> None:
        self.message_label.hide()
        self.model.reset()

    # --- selection -------------------------------------------------------------------------------

    def selected(self) -> ResellerOut | None:
        return self.model.reseller(self.tree.currentIndex())

    def select(self, reseller_id: int) -> bool:
        index = self.model.index_of(reseller_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.reseller(current))

    def _show(self, reseller: ResellerOut | None) -> None:
        self.add_sub_button.setEnabled(reseller is not None)
        self.sell_tariff_button.setEnabled(reseller is not None and reseller.kind is ResellerKind.WHITE_LABEL
                                           and reseller.tariff_id is not None)
        self.name_label.setText(reseller.name if reseller is not None else self.tr("No reseller chosen"))
        values = {} if reseller is None else {
            "kind": kind_name(reseller.kind), "status": status_name(reseller.status),
            "balance": money(reseller.balance, reseller.currency),
            "credit_limit": money(reseller.credit_limit, reseller.currency),
            "children": str(reseller.children), "email": reseller.email or "", "brand_name": reseller.brand_name or "",
            "logo": self.tr("stored") if reseller.has_logo else self.tr("none"),
            "agent_pin": (self.tr("issued {when}").format(when=utc_text(reseller.agent_pin_issued_at))
                          if reseller.agent_pin_issued_at is not None else self.tr("none")),
        }
        self.agent_pin_button.setEnabled(reseller is not None)
        self.logo_button.setEnabled(self._may_set_logo(reseller))
        self.taxes_button.setEnabled(reseller is not None)
        for key, label in self.figures.items():
            label.setText(values.get(key, ""))
        session = self._session
        self.rules.show_reseller(session.client if session is not None and self.is_admin else None, reseller)
        self.statement_picker.set_target(session.client if session is not None and reseller is not None else None,
                                         f"/resellers/{reseller.id}/statements" if reseller is not None else None)

    def _may_set_logo(self, reseller: ResellerOut | None) -> bool:
        """A white-label reseller's logo: an admin's to set, or that reseller's own users' (as the service says)."""
        if reseller is None or reseller.kind is not ResellerKind.WHITE_LABEL or self._session is None:
            return False
        return self.is_admin or reseller.id == self._session.user.reseller_id

    def _statement_stem(self, period: str) -> str:
        reseller = self.selected()
        return f"reseller-statement-{reseller.id if reseller is not None else 'reseller'}-{period}"

    # --- adding ----------------------------------------------------------------------------------

    def open_new_sub_reseller(self) -> NewResellerDialog | None:
        under = self.selected()
        if self._session is None or under is None:
            return None
        return self._open(NewResellerDialog(self, self._session.client, under, admin=self.is_admin))

    def open_new_top_level(self) -> NewResellerDialog | None:
        if self._session is None or not self.is_admin:
            return None
        return self._open(NewResellerDialog(self, self._session.client, None, admin=True))

    def _open(self, dialog: NewResellerDialog) -> NewResellerDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(self._created)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_sell_tariff(self) -> SellTariffDialog | None:
        reseller = self.selected()
        if self._session is None or reseller is None or not self.is_admin:
            return None
        dialog = SellTariffDialog(self, self._session.client, reseller)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._sell_tariff_saved)
        self.sell_tariff_dialog = dialog
        dialog.open()
        return dialog

    def open_logo(self) -> LogoDialog | None:
        reseller = self.selected()
        if self._session is None or not self._may_set_logo(reseller):
            return None
        assert reseller is not None
        dialog = LogoDialog(self, self._session.client, reseller)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.refresh_selected)
        self.logo_dialog = dialog
        dialog.open()
        return dialog

    def open_agent_pin(self) -> AgentPinDialog | None:
        """Admins for any reseller, a reseller user for its own and those below it: the tree it sees."""
        reseller = self.selected()
        if self._session is None or reseller is None:
            return None
        dialog = AgentPinDialog(self, self._session.client, reseller)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.refresh_selected)
        self.agent_pin_dialog = dialog
        dialog.open()
        return dialog

    def open_taxes(self) -> ResellerTaxesDialog | None:
        reseller = self.selected()
        if self._session is None or reseller is None or not self.is_admin:
            return None
        dialog = ResellerTaxesDialog(self, self._session.client, reseller)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._taxes_saved)
        self.taxes_dialog = dialog
        dialog.open()
        return dialog

    def _taxes_saved(self, reseller: ResellerOut) -> None:
        self._say(self.tr("Taxes of {name} saved.").format(name=reseller.name))
        self._reread(reseller)

    def _sell_tariff_saved(self, tariff: TariffDetail) -> None:
        self._say(self.tr("Sell tariff {name} saved (rates: {count}).").format(name=tariff.name,
                                                                               count=tariff.rate_count))

    def refresh_selected(self) -> None:
        """Read the chosen reseller again from the service (after its logo or taxes changed)."""
        reseller = self.selected()
        if self._session is None or reseller is None:
            return
        client, path = self._session.client, f"/resellers/{reseller.id}"
        (Op(self, lambda: client.get(path, ResellerOut))
         .success(self._reread)
         .failure(lambda error: self._say(error_text(error), error=True))
         .busy(None)
         .run())

    def _reread(self, reseller: ResellerOut) -> None:
        self.model.replace(reseller)
        chosen = self.selected()
        if chosen is not None and chosen.id == reseller.id:
            self._show(reseller)

    def _created(self, reseller: ResellerOut) -> None:
        self._say(self.tr("Reseller {name} created.").format(name=reseller.name))
        self.model.add_child(reseller)
        if reseller.parent_id is not None:
            self.tree.expand(self.model.index_of(reseller.parent_id))  # loads its level if not loaded yet
        self._select_when_loaded = None if self.select(reseller.id) else reseller.id

    # --- status ----------------------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setPalette(self.palette())
        if error:
            as_error(self.message_label)
        self.message_label.setText(text)
        self.message_label.show()

    def _load_failed(self, message: str) -> None:
        self._say(self.tr("Could not load resellers: {message}").format(message=message), error=True)

    def _loaded(self) -> None:
        if self._select_when_loaded is not None and self.select(self._select_when_loaded):
            self._select_when_loaded = None
        count = self.model.rowCount()
        if self.model.loading:
            self.tree_status.setText(self.tr("Loading…"))
        elif count == 0:
            self.tree_status.setText(self.tr("No resellers yet: add one with “New reseller…”.") if self.is_admin
                                     else self.tr("No reseller to show."))
        else:
            self.tree_status.setText(self.tr("Expand a reseller to see its sub-resellers."))
