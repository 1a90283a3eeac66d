"""DIDs (the operator's inbound numbers) and customer trunks.

The DIDs tab lists `GET /dids` lazily, filtered in the service by kind and part of the number; admins add, change
and delete DIDs (a DID named by call records is deactivated instead, and the page says which happened). The Trunks
tab (admins only, as the service allows) lists and edits customer trunks. Tables show an account by its number and
a trunk by its name (`account_refs.IdLabels`), fetched with each page.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.api_client import ApiClient
from desktop.formatting import money
from desktop.ops import Op, error_text
from desktop.paged_table import Column, sorted_by
from desktop.pages.account_refs import IdLabels, account_numbers
from desktop.pages.did_dialogs import DidDialog, TrunkDialog, did_kind_name, phone_text, trunk_auth_name
from desktop.pages.listing import ApiListModel, Listing, ListTab, yes_no
from desktop.qt import (
    QComboBox,
    QCoreApplication,
    QLabel,
    QMessageBox,
    QObject,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from desktop.session import DeskSession
from switch_service.api.schemas import Role
from switch_service.api.schemas.dids import DidKind, DidOut, DidPage, DidRemovedOut, TrunkOut, TrunkPage

COL_NUMBER, COL_KIND, COL_ACCOUNT, COL_FORWARD_TO, COL_TRUNK, COL_MONTHLY_FEE, COL_ACTIVE = range(7)
(TRUNK_COL_NAME, TRUNK_COL_ACCOUNT, TRUNK_COL_AUTH, TRUNK_COL_SOURCE_IP, TRUNK_COL_USERNAME, TRUNK_COL_PASSWORD,
 TRUNK_COL_CHANNELS, TRUNK_COL_CPS, TRUNK_COL_ACTIVE) = range(9)


def limit_text(value: int) -> str:
    return str(value) if value else QCoreApplication.translate("Dids", "unlimited")


def did_columns(accounts: IdLabels, trunks: IdLabels) -> list[Column[DidOut]]:
    return sorted_by(_did_columns(accounts, trunks), {COL_NUMBER: "number", COL_KIND: "kind",
                                                       COL_MONTHLY_FEE: "monthly_fee", COL_ACTIVE: "active"})


def _did_columns(accounts: IdLabels, trunks: IdLabels) -> list[Column[DidOut]]:
    """In COL_* order."""
    return [
        Column(QCoreApplication.translate("DidsModel", "Number"), lambda d: phone_text(d.number), lambda d: d.number),
        Column(QCoreApplication.translate("DidsModel", "Kind"), lambda d: did_kind_name(d.kind),
               lambda d: d.kind.value),
        Column(QCoreApplication.translate("DidsModel", "Account"), lambda d: accounts.label(d.account_id)),
        Column(QCoreApplication.translate("DidsModel", "Forward to"), lambda d: phone_text(d.forward_to)),
        Column(QCoreApplication.translate("DidsModel", "Trunk"), lambda d: trunks.label(d.trunk_id)),
        Column(QCoreApplication.translate("DidsModel", "Monthly fee"), lambda d: money(d.monthly_fee),
               lambda d: d.monthly_fee, align_right=True),
        Column(QCoreApplication.translate("DidsModel", "Active"), lambda d: yes_no(d.active), lambda d: d.active),
    ]


def trunk_columns(accounts: IdLabels) -> list[Column[TrunkOut]]:
    return sorted_by(_trunk_columns(accounts), {
        TRUNK_COL_NAME: "name", TRUNK_COL_AUTH: "auth", TRUNK_COL_SOURCE_IP: "source_ip",
        TRUNK_COL_USERNAME: "username", TRUNK_COL_CHANNELS: "max_channels", TRUNK_COL_CPS: "cps_limit",
        TRUNK_COL_ACTIVE: "active"})


def _trunk_columns(accounts: IdLabels) -> list[Column[TrunkOut]]:
    """In TRUNK_COL_* order. The password is never shown, only whether one is stored."""
    return [
        Column(QCoreApplication.translate("TrunksModel", "Name"), lambda t: t.name),
        Column(QCoreApplication.translate("TrunksModel", "Account"), lambda t: accounts.label(t.account_id)),
        Column(QCoreApplication.translate("TrunksModel", "Recognised by"), lambda t: trunk_auth_name(t.auth),
               lambda t: t.auth.value),
        Column(QCoreApplication.translate("TrunksModel", "Source IP"), lambda t: t.source_ip or ""),
        Column(QCoreApplication.translate("TrunksModel", "User name"), lambda t: t.username or ""),
        Column(QCoreApplication.translate("TrunksModel", "Password"),
               lambda t: QCoreApplication.translate("TrunksModel", "stored") if t.password_set else ""),
        Column(QCoreApplication.translate("TrunksModel", "Channels"), lambda t: limit_text(t.max_channels),
               lambda t: t.max_channels, align_right=True),
        Column(QCoreApplication.translate("TrunksModel", "CPS"), lambda t: limit_text(t.cps_limit),
               lambda t: t.cps_limit, align_right=True),
        Column(QCoreApplication.translate("TrunksModel", "Active"), lambda t: yes_no(t.active), lambda t: t.active),
    ]


class DidsModel(ApiListModel[DidOut]):
    """`GET /dids?kind=&number=&account_id=` as a table."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.accounts = IdLabels()
        self.trunks = IdLabels()
        super().__init__(did_columns(self.accounts, self.trunks), "/dids", DidPage, parent,
                         placeholder_column=COL_ACCOUNT,
                         named=((self.accounts, lambda d: d.account_id), (self.trunks, lambda d: d.trunk_id)))

    def set_source(self, client: ApiClient | None, *, trunk_names: bool) -> None:
        """`trunk_names`: whether the role may read trunks (admins); else a trunk shows as its id."""
        self.accounts.reset(account_numbers(client) if client is not None else None)
        self.trunks.reset(trunk_names_of(client) if client is not None and trunk_names else None)
        self.set_client(client)


def trunk_names_of(client: ApiClient) -> Callable[[int], str]:
    return lambda trunk_id: client.get(f"/trunks/{trunk_id}", TrunkOut).name


class TrunksModel(ApiListModel[TrunkOut]):
    """`GET /trunks?q=` as a table (admins only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.accounts = IdLabels()
        super().__init__(trunk_columns(self.accounts), "/trunks", TrunkPage, parent,
                         placeholder_column=TRUNK_COL_NAME, named=((self.accounts, lambda t: t.account_id),))

    def set_source(self, client: ApiClient | None) -> None:
        self.accounts.reset(account_numbers(client) if client is not None else None)
        self.set_client(client)


class DidsTab(ListTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._deleting: DidOut | None = None
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in DidKind:
            self.kind_combo.addItem(did_kind_name(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self.apply_filters)
        self.number_edit = self.filter_edit(self.tr("Number contains…"))
        self.top.addWidget(QLabel(self.tr("Kind")))
        self.top.addWidget(self.kind_combo)
        self.top.addWidget(self.number_edit, 1)
        self.edit_buttons(self.tr("Add DID…"))

        self.model = DidsModel(self)
        self.listing: Listing[DidOut] = Listing(
            self.model, widths=(150, 120, 130, 150, 140, 100, 70), stretch=COL_ACCOUNT,
            count_text=self._count_text, empty_text=self._empty_text)
        self.set_listing(self.listing)

    @property
    def can_write(self) -> bool:
        return self._session is not None and self._session.user.role is Role.ADMIN

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setVisible(self.can_write)
        self.hush()
        self.model.set_source(session.client, trunk_names=self.can_write)

    def filters_changed(self) -> None:
        digits = re.sub(r"[^0-9]", "", self.number_edit.text())[:32]
        self.model.set_filters(kind=self.kind_combo.currentData(), number=digits or None)

    def open_add(self) -> DidDialog | None:
        if self._session is None or not self.can_write:
            return None
        return self._opened(DidDialog(self, self._session.client))

    def open_edit(self) -> DidDialog | None:
        did = self.listing.selected()
        if self._session is None or not self.can_write or did is None:
            return None
        account = self.model.accounts.label(did.account_id) if did.account_id is not None else ""
        return self._opened(DidDialog(self, self._session.client, did, account))

    def _opened(self, dialog: DidDialog) -> DidDialog:
        dialog.saved.connect(self._saved)
        self.open_dialog(dialog)
        return dialog

    def _saved(self, did: DidOut) -> None:
        self.say(self.tr("DID {number} saved.").format(number=phone_text(did.number)))
        self.listing.refresh(select_id=did.id)

    def delete_selected(self) -> QMessageBox | None:
        did = self.listing.selected()
        if self._session is None or not self.can_write or did is None:
            return None
        self._deleting = did
        return self.confirm(self.tr("Delete DID"), self.tr(
            "Delete DID {number}? If call records name it, the service keeps it and deactivates it instead."
        ).format(number=phone_text(did.number)), self.tr("Delete"), self._delete_confirmed)

    def _delete_confirmed(self) -> None:
        did, self._deleting = self._deleting, None
        if self._session is None or did is None:
            return
        client, path = self._session.client, f"/dids/{did.id}"
        (Op(self, lambda: client.delete_for(path, DidRemovedOut))
         .success(self._deleted)
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(self.tr("Deleting the DID…"))
         .run())

    def _deleted(self, removed: DidRemovedOut) -> None:
        number = phone_text(removed.number)
        if removed.outcome == "deleted":
            self.say(self.tr("DID {number} deleted.").format(number=number))
        else:
            self.say(self.tr("DID {number} is named by call records, so the service deactivated it instead of "
                             "deleting it.").format(number=number))
        self.listing.refresh()

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n DID(s)", "", count)
        return self.tr("%n DID(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        if self.model.filtered:
            return self.tr("No DID matches these filters.")
        if self.can_write:
            return self.tr("No DIDs yet: add the numbers callers dial with “Add DID…”.")
        return self.tr("No DIDs yet.")


class TrunksTab(ListTab):
    """Customer trunks (admins only): the digest password is never shown, only whether one is stored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: DeskSession | None = None
        self._deleting: TrunkOut | None = None
        self.search_edit = self.filter_edit(self.tr("Name contains…"))
        self.top.addWidget(self.search_edit, 1)
        self.edit_buttons(self.tr("Add trunk…"))

        self.model = TrunksModel(self)
        self.listing: Listing[TrunkOut] = Listing(
            self.model, widths=(160, 110, 110, 130, 120, 80, 80, 60, 60), stretch=TRUNK_COL_NAME,
            count_text=self._count_text, empty_text=self._empty_text)
        self.set_listing(self.listing)

    def set_session(self, session: DeskSession) -> None:
        self._session = session
        self.hush()
        self.model.set_source(session.client if session.user.role is Role.ADMIN else None)

    def filters_changed(self) -> None:
        self.model.set_filters(q=self.search_edit.text().strip() or None)

    def open_add(self) -> TrunkDialog | None:
        if self._session is None:
            return None
        return self._opened(TrunkDialog(self, self._session.client))

    def open_edit(self) -> TrunkDialog | None:
        trunk = self.listing.selected()
        if self._session is None or trunk is None:
            return None
        account = self.model.accounts.label(trunk.account_id)
        return self._opened(TrunkDialog(self, self._session.client, trunk, account))

    def _opened(self, dialog: TrunkDialog) -> TrunkDialog:
        dialog.saved.connect(self._saved)
        self.open_dialog(dialog)
        return dialog

    def _saved(self, trunk: TrunkOut) -> None:
        self.say(self.tr("Trunk {name} saved.").format(name=trunk.name))
        self.listing.refresh(select_id=trunk.id)

    def delete_selected(self) -> QMessageBox | None:
        trunk = self.listing.selected()
        if self._session is None or trunk is None:
            return None
        self._deleting = trunk
        return self.confirm(self.tr("Delete trunk"), self.tr("Delete trunk {name}?").format(name=trunk.name),
                            self.tr("Delete"), self._delete_confirmed)

    def _delete_confirmed(self) -> None:
        trunk, self._deleting = self._deleting, None
        if self._session is None or trunk is None:
            return
        client, path, name = self._session.client, f"/trunks/{trunk.id}", trunk.name
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._deleted(name))
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(self.tr("Deleting the trunk…"))
         .run())

    def _deleted(self, name: str) -> None:
        self.say(self.tr("Trunk {name} deleted.").format(name=name))
        self.listing.refresh()

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n trunk(s)", "", count)
        return self.tr("%n trunk(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        return self.tr("No customer trunks yet: add a customer's PBX or switch with “Add trunk…”.")


class DidsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dids_tab = DidsTab()
        self.trunks_tab = TrunksTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.dids_tab, self.tr("DIDs"))
        self.tabs.addTab(self.trunks_tab, self.tr("Trunks"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def set_session(self, session: DeskSession) -> None:
        self.dids_tab.set_session(session)
        self.trunks_tab.set_session(session)
        self.tabs.setTabVisible(self.tabs.indexOf(self.trunks_tab), session.user.role is Role.ADMIN)
