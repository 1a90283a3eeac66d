"""RADIUS clients (admins, under Carriers and routing): the third-party gateways allowed to send RADIUS requests,
each with its own shared secret. The secret is write-only: the service never returns it, so the field starts empty
when a gateway is edited and a new one is sent only when typed."""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from desktop.api_client import ApiClient
from desktop.ops import Op, error_text
from desktop.paged_table import Column
from desktop.pages.forms import JudgedDialog, unchecked
from desktop.pages.listing import ApiListModel, Listing, ListTab, yes_no
from desktop.qt import QCheckBox, QCoreApplication, QLineEdit, QMessageBox, QObject, QWidget, Signal
from switch_service.api.schemas.nas import (
    MAX_SECRET_LENGTH,
    MIN_SECRET_LENGTH,
    NasClientCreate,
    NasClientOut,
    NasClientPage,
    NasClientUpdate,
)

COL_NAME, COL_ADDRESS, COL_ENABLED, COL_MESSAGE_AUTHENTICATOR = range(4)
RELOAD_BOUND_S = 5  # what the service promises (switch_service.aaa.server.NAS_RELOAD_S)


def nas_columns() -> list[Column[NasClientOut]]:
    """In COL_* order."""
    return [
        Column(QCoreApplication.translate("NasClientsTab", "Name"), lambda n: n.name),
        Column(QCoreApplication.translate("NasClientsTab", "Address or network"), lambda n: n.address),
        Column(QCoreApplication.translate("NasClientsTab", "Enabled"), lambda n: yes_no(n.enabled)),
        Column(QCoreApplication.translate("NasClientsTab", "Message-Authenticator"),
               lambda n: QCoreApplication.translate("NasClientsTab", "required") if n.require_message_authenticator
               else QCoreApplication.translate("NasClientsTab", "optional")),
    ]


class NasClientDialog(JudgedDialog):
    """A new RADIUS client when `nas` is None, else a change of it; 422s shown at the field they name."""

    saved = Signal(object)  # NasClientOut

    def __init__(self, parent: QWidget, client: ApiClient, nas: NasClientOut | None = None) -> None:
        title = self.tr("New RADIUS client") if nas is None else self.tr("RADIUS client {name}").format(name=nas.name)
        super().__init__(parent, title, self.tr("Add") if nas is None else self.tr("Save"))
        self._client = client
        self._nas = nas
        self.name_edit = QLineEdit(nas.name if nas else "")
        self.name_edit.setMaxLength(120)
        self.address_edit = QLineEdit(nas.address if nas else "")
        self.address_edit.setMaxLength(64)
        self.address_edit.setPlaceholderText(self.tr("192.0.2.7, or a network: 192.0.2.0/28"))
        self.secret_edit = QLineEdit()
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_edit.setMaxLength(MAX_SECRET_LENGTH)
        self.secret_edit.setPlaceholderText(
            self.tr("stored; type a new one to replace it") if nas is not None
            else self.tr("at least {count} characters").format(count=MIN_SECRET_LENGTH))
        self.authenticator_check = QCheckBox(self.tr("Require a Message-Authenticator (switch off only for a "
                                                     "gateway that cannot send one)"))
        self.authenticator_check.setChecked(nas.require_message_authenticator if nas else True)
        self.enabled_check = QCheckBox(self.tr("Enabled"))
        self.enabled_check.setChecked(nas.enabled if nas else True)
        self.row(self.tr("Name"), "name", self.name_edit)
        self.row(self.tr("Address or network"), "address", self.address_edit)
        self.row(self.tr("Shared secret"), "secret", self.secret_edit)
        self.form.addRow("", self.authenticator_check)
        self.form.addRow("", self.enabled_check)
        self.name_edit.setFocus()  # typing starts at the first field, not on the button

    def _fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "address": self.address_edit.text().strip(),
            "require_message_authenticator": self.authenticator_check.isChecked(),
            "enabled": self.enabled_check.isChecked(),
        }
        if self.secret_edit.text():
            fields["secret"] = SecretStr(self.secret_edit.text())  # sent in clear by ApiClient, never shown
        return fields

    def submit(self) -> None:
        client, nas, fields = self._client, self._nas, self._fields()
        if nas is None:
            created = unchecked(NasClientCreate, **fields)
            self.send(lambda: client.post("/nas-clients", NasClientOut, created), self._saved,
                      self.tr("Adding the RADIUS client…"))
            return
        changes = {name: value for name, value in fields.items() if name == "secret" or value != getattr(nas, name)}
        update = unchecked(NasClientUpdate, **changes)
        path = f"/nas-clients/{nas.id}"
        self.send(lambda: client.patch(path, NasClientOut, update), self._saved,
                  self.tr("Saving the RADIUS client…"))

    def _saved(self, nas: NasClientOut) -> None:
        self.saved.emit(nas)
        self.accept()


class NasClientsModel(ApiListModel[NasClientOut]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(nas_columns(), "/nas-clients", NasClientPage, parent)


class NasClientsTab(ListTab):
    """The list, with Add…, Edit… and Delete…; the service serves a change within RELOAD_BOUND_S seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client: ApiClient | None = None
        self._deleting: NasClientOut | None = None
        self.edit_buttons(self.tr("Add RADIUS client…"))
        self.top.addStretch(1)
        self.model = NasClientsModel(self)
        self.listing: Listing[NasClientOut] = Listing(
            self.model, widths=(200, 200, 80, 160), stretch=COL_NAME, count_text=self._count_text,
            empty_text=self._empty_text)
        self.set_listing(self.listing)

    def set_client(self, client: ApiClient | None) -> None:
        self._client = client
        self.hush()
        self.model.set_client(client)

    def open_add(self) -> NasClientDialog | None:
        if self._client is None:
            return None
        return self._opened(NasClientDialog(self, self._client))

    def open_edit(self) -> NasClientDialog | None:
        nas = self.listing.selected()
        if self._client is None or nas is None:
            return None
        return self._opened(NasClientDialog(self, self._client, nas))

    def _opened(self, dialog: NasClientDialog) -> NasClientDialog:
        dialog.saved.connect(self._saved)
        self.open_dialog(dialog)
        return dialog

    def _saved(self, nas: NasClientOut) -> None:
        self.say(self.tr("RADIUS client {name} saved; the RADIUS server serves the change within {seconds} s.")
                 .format(name=nas.name, seconds=RELOAD_BOUND_S))
        self.listing.refresh(select_id=nas.id)

    def delete_selected(self) -> QMessageBox | None:
        nas = self.listing.selected()
        if self._client is None or nas is None:
            return None
        self._deleting = nas
        return self.confirm(self.tr("Delete RADIUS client"),
                            self.tr("Delete RADIUS client {name} ({address})? Its requests are dropped from then on.")
                            .format(name=nas.name, address=nas.address), self.tr("Delete"), self._delete_confirmed)

    def _delete_confirmed(self) -> None:
        nas, self._deleting = self._deleting, None
        if self._client is None or nas is None:
            return
        client, path, name = self._client, f"/nas-clients/{nas.id}", nas.name
        (Op(self, lambda: client.delete(path))
         .success(lambda _none: self._deleted(name))
         .failure(lambda error: self.say(error_text(error), error=True))
         .busy(self.tr("Deleting the RADIUS client…"))
         .run())

    def _deleted(self, name: str) -> None:
        self.say(self.tr("RADIUS client {name} deleted.").format(name=name))
        self.listing.refresh()

    def _count_text(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.tr("%n RADIUS client(s)", "", count)
        return self.tr("%n RADIUS client(s) shown; scroll down for more", "", count)

    def _empty_text(self) -> str:
        return self.tr("No RADIUS clients: only the switch itself may send RADIUS requests. Add a third-party "
                       "gateway with “Add RADIUS client…”.")
