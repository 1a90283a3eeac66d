"""Desktop users (admin only): who may sign in, with which role; add, change role, reset password, deactivate.
The service keeps at least one active admin and says so (409) when asked to remove the last."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, TypeVar

from desktop.api_client import ApiClient
from desktop.ops import Op, error_text
from desktop.paged_table import Column, KeysetPage, ListOrder, PagedTableModel, sorted_by
from desktop.pages.account_refs import IdLabels
from desktop.pages.listing import Listing, ListTab, filter_timer
from desktop.pages.users_dialogs import NewUserDialog, PasswordDialog, RoleDialog
from desktop.qt import QComboBox, QCoreApplication, QLineEdit, QPushButton, Qt, QWidget
from desktop.session import DeskSession, role_name
from switch_service.api.schemas import Role
from switch_service.api.schemas.resellers import ResellerOut
from switch_service.api.schemas.users import UserDetailOut, UserPage, UserUpdate

USER_ADMIN_ROLES = frozenset({Role.ADMIN})  # users and their roles are for admins only

D = TypeVar("D", NewUserDialog, RoleDialog, PasswordDialog)

COL_USERNAME, COL_ROLE, COL_RESELLER, COL_ACTIVE, COL_LAST_LOGIN = range(5)


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return QCoreApplication.translate("UsersPage", "never")
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def user_columns(resellers: IdLabels) -> list[Column[UserDetailOut]]:
    return sorted_by(_user_columns(resellers), {COL_USERNAME: "username", COL_ROLE: "role", COL_ACTIVE: "active"})


def _user_columns(resellers: IdLabels) -> list[Column[UserDetailOut]]:
    """In COL_* order."""
    return [
        Column(QCoreApplication.translate("UsersPage", "User"), lambda u: u.username),
        Column(QCoreApplication.translate("UsersPage", "Role"), lambda u: role_name(u.role), lambda u: u.role.value),
        Column(QCoreApplication.translate("UsersPage", "Reseller"), lambda u: resellers.label(u.reseller_id)),
        Column(QCoreApplication.translate("UsersPage", "Active"),
               lambda u: QCoreApplication.translate("UsersPage", "Yes") if u.active
               else QCoreApplication.translate("UsersPage", "No (deactivated)")),
        Column(QCoreApplication.translate("UsersPage", "Last sign-in"), lambda u: _when(u.last_login_at),
               lambda u: u.last_login_at),
    ]


class UsersPage(ListTab):
    ROLES: ClassVar[frozenset[Role]] = USER_ADMIN_ROLES  # the main window lists the page for these roles only

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._deactivating: UserDetailOut | None = None
        self.dialog: NewUserDialog | RoleDialog | PasswordDialog | None = None
        self.resellers = IdLabels()

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("User name contains…"))
        self.search_edit.setClearButtonEnabled(True)
        self._filter_timer = filter_timer(self, self.apply_filters)
        self.search_edit.textChanged.connect(self._filter_timer.start)
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("All roles"), None)
        for role in Role:
            self.role_combo.addItem(role_name(role), role.value)
        self.role_combo.currentIndexChanged.connect(self.apply_filters)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.new_button = QPushButton(self.tr("New user…"))
        self.new_button.clicked.connect(self.open_new)
        self.role_button = QPushButton(self.tr("Change role…"))
        self.role_button.clicked.connect(self.open_role)
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.password_button.clicked.connect(self.open_password)
        self.active_button = QPushButton(self.tr("Deactivate…"))
        self.active_button.clicked.connect(self.toggle_active)
        self.row_buttons += [self.role_button, self.password_button, self.active_button]
        self.top.addWidget(self.search_edit, 1)
        self.top.addWidget(self.role_combo)
        for button in (self.refresh_button, self.new_button, self.role_button, self.password_button,
                       self.active_button):
            self.top.addWidget(button)

        self.model: PagedTableModel[UserDetailOut] = PagedTableModel(user_columns(self.resellers), self)
        self.listing = Listing(self.model, widths=(180, 120, 180, 130, 140), stretch=COL_RESELLER,
                               count_text=self._count_text, empty_text=self._empty_text)
        self.refresh_button.clicked.connect(self.listing.refresh)
        self.listing.selection_changed.connect(self._update_active_button)
        self.set_listing(self.listing)

    def set_session(self, session: DeskSession) -> None:
        """The list loads only for a role that may see it (the navigation hides the page from the others)."""
        self._client = session.client if session.user.role in USER_ADMIN_ROLES else None
        self.hush()
        self.apply_filters()

    def apply_filters(self) -> None:
        self._filter_timer.stop()
        client = self._client
        query, role = self.search_edit.text().strip() or None, self.role_combo.currentData()
        self.resellers.reset(None if client is None else
                             lambda reseller_id: client.get(f"/resellers/{reseller_id}", ResellerOut).name)
        if client is None:
            self.model.set_loader(None)
            return
        resellers = self.resellers

        def load(after: int | None, limit: int, order: ListOrder) -> KeysetPage[UserDetailOut]:
            page = client.get("/users", UserPage, {"after": after, "limit": limit, "q": query, "role": role,
                                                   **order.params()})
            resellers.fill(user.reseller_id for user in page.items)
            return page

        self.model.set_sorted_loader(load)

    # --- dialogs ---------------------------------------------------------------------------------

    def open_new(self) -> NewUserDialog | None:
        if self._client is None:
            return None
        dialog = NewUserDialog(self, self._client)
        dialog.created.connect(self._created)
        return self._open(dialog)

    def open_role(self) -> RoleDialog | None:
        user = self.listing.selected()
        if self._client is None or user is None:
            return None
        dialog = RoleDialog(self, self._client, user)
        dialog.saved.connect(self._role_saved)
        return self._open(dialog)

    def open_password(self) -> PasswordDialog | None:
        user = self.listing.selected()
        if self._client is None or user is None:
            return None
        dialog = PasswordDialog(self, self._client, user)
        dialog.saved.connect(self._password_saved)
        return self._open(dialog)

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _created(self, user: UserDetailOut) -> None:
        self.say(self.tr("User {name} added: they can sign in now.").format(name=user.username))
        self.listing.refresh(select_id=user.id)

    def _role_saved(self, user: UserDetailOut) -> None:
        self.say(self.tr("{name} is now: {role}.").format(name=user.username, role=role_name(user.role)))
        self.listing.refresh(select_id=user.id)

    def _password_saved(self, user: UserDetailOut) -> None:
        self.say(self.tr("Password of {name} reset; their other sessions are signed out.").format(
            name=user.username))

    # --- deactivate / reactivate -----------------------------------------------------------------

    def toggle_active(self) -> None:
        user = self.listing.selected()
        if self._client is None or user is None:
            return
        if not user.active:
            self._send_active(user, reactivate=True)
            return
        self._deactivating = user
        self.confirm(self.tr("Deactivate user"), self.tr(
            "Deactivate {name}? They are signed out at once and cannot sign in until reactivated."
        ).format(name=user.username), self.tr("Deactivate"), self._deactivate_confirmed)

    def _deactivate_confirmed(self) -> None:
        user, self._deactivating = self._deactivating, None
        if user is not None:
            self._send_active(user, reactivate=False)

    def _send_active(self, user: UserDetailOut, *, reactivate: bool) -> None:
        client, path = self._client, f"/users/{user.id}"
        if client is None:
            return
        self.hush()
        if reactivate:
            op = Op(self, lambda: client.patch(path, UserDetailOut, UserUpdate(active=True)))
        else:
            op = Op(self, lambda: client.delete_for(path, UserDetailOut))
        (op.success(self._active_changed)
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(self.tr("Saving…"))
         .run())

    def _active_changed(self, user: UserDetailOut) -> None:
        self.say(self.tr("{name} can sign in again.").format(name=user.username) if user.active
                 else self.tr("{name} is deactivated and signed out.").format(name=user.username))
        self.listing.refresh(select_id=user.id)

    def _update_active_button(self) -> None:
        user = self.listing.selected()
        self.active_button.setText(self.tr("Reactivate") if user is not None and not user.active
                                   else self.tr("Deactivate…"))

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n user(s)", "", count)
        return self.tr("%n user(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        return self.tr("No user matches these filters.")
