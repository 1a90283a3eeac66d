"""Dialogs of the Users page: a new user, a new role, a new password. Bodies go to the service unchecked
(`desktop.pages.forms`): its 422 (a short password, a reseller user without a reseller) is shown at the field."""

from __future__ import annotations

from typing import Any

from desktop.api_client import ApiClient
from desktop.paged_table import Column, PagedTableModel
from desktop.pages.forms import JudgedDialog, unchecked
from desktop.pages.lookups import LookupField
from desktop.qt import QComboBox, QCoreApplication, QLabel, QLineEdit, QWidget, Signal
from desktop.session import role_name
from switch_service.api.schemas import Role
from switch_service.api.schemas.resellers import ResellerOut, ResellerPage
from switch_service.api.schemas.users import MIN_PASSWORD_LENGTH, UserCreate, UserDetailOut, UserUpdate


def reseller_choice_model(client: ApiClient, parent: QWidget) -> PagedTableModel[ResellerOut]:
    columns: list[Column[ResellerOut]] = [Column(QCoreApplication.translate("Users", "Reseller"), lambda r: r.name)]
    model: PagedTableModel[ResellerOut] = PagedTableModel(columns, parent)
    model.set_loader(lambda after, limit: client.get("/resellers", ResellerPage, {"after": after, "limit": limit}))
    return model


class _RoleFields:
    """A role and, for the reseller role, the reseller the user belongs to."""

    def __init__(self, dialog: JudgedDialog, client: ApiClient, role: Role, reseller_id: int | None) -> None:
        self.role_combo = QComboBox()
        for value in Role:
            self.role_combo.addItem(role_name(value), value.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))
        self.reseller_field = LookupField(QCoreApplication.translate("Users", "Choose the user's reseller"))
        self.reseller_field.set_model(reseller_choice_model(client, dialog), 0)
        self.reseller_field.select_id(reseller_id)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        dialog.row(QCoreApplication.translate("Users", "Role"), "role", self.role_combo)
        dialog.row(QCoreApplication.translate("Users", "Reseller"), "reseller_id", self.reseller_field)
        self._role_changed()

    def role(self) -> Role:
        return Role(self.role_combo.currentData())

    def reseller_id(self) -> int | None:
        return self.reseller_field.current_id() if self.role() is Role.RESELLER else None

    def _role_changed(self) -> None:
        self.reseller_field.setEnabled(self.role() is Role.RESELLER)


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(QCoreApplication.translate("Users", "at least {count} characters").format(
        count=MIN_PASSWORD_LENGTH))
    return edit


class NewUserDialog(JudgedDialog):
    created = Signal(object)  # UserDetailOut

    def __init__(self, parent: QWidget, client: ApiClient) -> None:
        super().__init__(parent, self.tr("New user"), self.tr("Create"))
        self._client = client
        self.username_edit = QLineEdit()
        self.username_edit.setMaxLength(64)
        self.password_edit = _password_edit()
        self.row(self.tr("User name"), "username", self.username_edit)
        self.row(self.tr("Password"), "password", self.password_edit)
        self.role_fields = _RoleFields(self, client, Role.SUPPORT, None)

    def submit(self) -> None:
        client = self._client
        body = unchecked(UserCreate, username=self.username_edit.text().strip(), password=self.password_edit.text(),
                         role=self.role_fields.role(), reseller_id=self.role_fields.reseller_id())
        self.errors.clear()
        self.send(lambda: client.post("/users", UserDetailOut, body), self._done, self.tr("Adding the user…"))

    def _done(self, user: UserDetailOut) -> None:
        self.created.emit(user)
        self.accept()


class _UserChangeDialog(JudgedDialog):
    """A PATCH of one user."""

    saved = Signal(object)  # UserDetailOut

    def __init__(self, parent: QWidget, client: ApiClient, user: UserDetailOut, title: str) -> None:
        super().__init__(parent, title, self.tr("Save"))
        self._client = client
        self._user = user
        self.form.addRow(self.tr("User"), QLabel(user.username))

    def send_change(self, values: dict[str, Any], busy: str) -> None:
        client, path, change = self._client, f"/users/{self._user.id}", unchecked(UserUpdate, **values)
        self.errors.clear()
        self.send(lambda: client.patch(path, UserDetailOut, change), self._done, busy)

    def _done(self, user: UserDetailOut) -> None:
        self.saved.emit(user)
        self.accept()


class RoleDialog(_UserChangeDialog):
    def __init__(self, parent: QWidget, client: ApiClient, user: UserDetailOut) -> None:
        super().__init__(parent, client, user, self.tr("Change role"))
        self.role_fields = _RoleFields(self, client, user.role, user.reseller_id)

    def submit(self) -> None:
        role = self.role_fields.role()
        values: dict[str, Any] = {"role": role}
        if role is Role.RESELLER:
            values["reseller_id"] = self.role_fields.reseller_id()
        self.send_change(values, self.tr("Changing the role…"))


class PasswordDialog(_UserChangeDialog):
    def __init__(self, parent: QWidget, client: ApiClient, user: UserDetailOut) -> None:
        super().__init__(parent, client, user, self.tr("Reset password"))
        self.password_edit = _password_edit()
        self.row(self.tr("New password"), "password", self.password_edit)
        note = QLabel(self.tr("The user is signed out everywhere and signs in with the new password."))
        note.setWordWrap(True)
        self.form.addRow(note)

    def submit(self) -> None:
        self.send_change({"password": self.password_edit.text()}, self.tr("Setting the password…"))
