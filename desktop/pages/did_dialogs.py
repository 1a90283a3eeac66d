"""Add or change a DID, and a customer trunk. The fields shown follow what the DID's kind (or the trunk's
authentication) needs, as the service checks it (routes/dids.py, routes/trunks.py); a change sends only what the
user changed (PATCH), and clears what the new kind no longer takes. The service judges the values (a phone number
by its one normaliser): what it refuses is shown under the field (`desktop.pages.forms`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pydantic

from desktop.api_client import ApiClient
from desktop.formatting import decimal_text
from desktop.ops import Op, error_text
from desktop.pages.account_refs import account_by_number, id_text
from desktop.pages.carriers_dialogs import dial_plan_choice_model
from desktop.pages.did_welcome import WelcomeField
from desktop.pages.forms import JudgedDialog, parse_amount, typed, unchecked
from desktop.pages.lookups import LookupField
from desktop.qt import QCheckBox, QComboBox, QCoreApplication, QLineEdit, QSpinBox, QWidget, Signal
from switch_service.api.schemas import MAX_PAGE_SIZE
from switch_service.api.schemas.dids import (
    DidCreate,
    DidKind,
    DidOut,
    DidUpdate,
    TrunkAuth,
    TrunkCreate,
    TrunkOut,
    TrunkPage,
    TrunkUpdate,
)

MAX_CHANNELS = 100_000
MAX_CPS = 10_000


def did_kind_name(kind: str) -> str:
    return {
        DidKind.FORWARD: QCoreApplication.translate("Dids", "Forward"),
        DidKind.ACCESS_NUMBER: QCoreApplication.translate("Dids", "Access number"),
        DidKind.TRUNK: QCoreApplication.translate("Dids", "Trunk"),
    }.get(DidKind(kind), kind)


def trunk_auth_name(auth: str) -> str:
    return {
        TrunkAuth.IP: QCoreApplication.translate("Dids", "Source IP"),
        TrunkAuth.DIGEST: QCoreApplication.translate("Dids", "SIP digest"),
    }.get(TrunkAuth(auth), auth)


def phone_text(digits: str | None) -> str:
    """E.164 digits as people write them: '442079460001' -> '+442079460001'."""
    return f"+{digits}" if digits else ""


def country_edit(country: str | None, what: str) -> QLineEdit:
    """A two-letter country code; empty is the service's default region. `what` says whose numbers it reads."""
    edit = QLineEdit(country or "")
    edit.setMaxLength(2)
    edit.setPlaceholderText(QCoreApplication.translate("Dids", "default region"))
    edit.setToolTip(QCoreApplication.translate("Dids", "Two-letter country code (GB, FR, DE…): {what} written in "
                                               "national form are read as numbers of this country").format(what=what))
    return edit


def country_value(edit: QLineEdit) -> str | None:
    return edit.text().strip().upper() or None


def _money_edit(value: Decimal) -> QLineEdit:
    edit = QLineEdit(decimal_text(value))
    edit.setMaxLength(24)
    return edit


def _count_box(maximum: int, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSpecialValueText(QCoreApplication.translate("Dids", "unlimited"))
    box.setValue(value)
    return box


class DidDialog(JudgedDialog):
    """New DID when `did` is None, else a change of it. `account_number` is the number of `did.account_id`."""

    saved = Signal(object)  # DidOut

    def __init__(self, parent: QWidget, client: ApiClient, did: DidOut | None = None,
                 account_number: str = "") -> None:
        title = self.tr("New DID") if did is None else self.tr("DID {number}").format(number=phone_text(did.number))
        super().__init__(parent, title, self.tr("Add") if did is None else self.tr("Save"))
        self._client = client
        self._did = did
        self._account_number = account_number

        self.number_edit = QLineEdit(phone_text(did.number) if did else "")
        self.number_edit.setMaxLength(40)
        self.number_edit.setPlaceholderText(self.tr("+44 20 7946 0001"))
        self.kind_combo = QComboBox()
        for kind in DidKind:
            self.kind_combo.addItem(did_kind_name(kind), kind.value)
        self.account_edit = QLineEdit(account_number)
        self.account_edit.setMaxLength(32)
        self.account_edit.setPlaceholderText(self.tr("account number"))
        self.forward_edit = QLineEdit(phone_text(did.forward_to) if did else "")
        self.forward_edit.setMaxLength(40)
        self.forward_edit.setPlaceholderText(self.tr("where calls go, e.g. +1 305 555 0101"))
        self.trunk_combo = QComboBox()
        self.trunk_combo.setMinimumContentsLength(24)
        self.welcome_field = WelcomeField(self, client, did if did is not None and did.kind is DidKind.ACCESS_NUMBER
                                          else None)
        self.language_edit = QLineEdit(did.language if did else "en")
        self.language_edit.setMaxLength(8)
        self.menu_edit = QLineEdit(", ".join(did.language_menu) if did else "")
        self.menu_edit.setMaxLength(80)
        self.menu_edit.setPlaceholderText(self.tr("none, or e.g. en, es, fr"))
        self.menu_edit.setToolTip(self.tr("Languages the caller chooses from before the PIN: the first on key 1, "
                                          "the second on key 2… Each says \"for <language> press <key>\" in its "
                                          "own language. Empty: no menu (the card's or account's language)"))
        self.country_edit = country_edit(did.country if did else None, self.tr("callers' numbers"))
        self.shrink_box = QSpinBox()
        self.shrink_box.setRange(0, 99)
        self.shrink_box.setSuffix(" %")
        self.shrink_box.setValue(did.minute_shrink_percent if did else 0)
        self.shrink_box.setToolTip(self.tr("The IVR announces this percentage fewer minutes than a call may last "
                                           "(minute shrinking); calls are billed as usual"))
        self.per_minute_edit = _money_edit(did.surcharge_per_minute if did else Decimal(0))
        self.per_call_edit = _money_edit(did.surcharge_per_call if did else Decimal(0))
        self.monthly_fee_edit = _money_edit(did.monthly_fee if did else Decimal(0))
        self.monthly_fee_edit.setToolTip(self.tr("Charged every month to the account that pays for the DID, as a "
                                                 "recurring fee (an access number's is the operator's own)"))
        self.plan_field = LookupField(self.tr("The caller's account's dial plan"), clearable=True)
        self.plan_field.set_model(dial_plan_choice_model(client, self), 0)
        self.plan_field.setToolTip(self.tr("How calls that come in on this DID are routed when the caller's account "
                                           "has no dial plan of its own"))
        self.plan_field.select_id(did.dial_plan_id if did else None)
        self.active_check = QCheckBox(self.tr("Takes calls"))
        self.active_check.setChecked(did.active if did else True)
        self._rows()

        if did is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(did.kind.value))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._load_trunks()

    def _rows(self) -> None:
        self.row(self.tr("Number"), "number", self.number_edit)
        self.row(self.tr("Kind"), "kind", self.kind_combo)
        self.account_row = self.row(self.tr("Account (pays)"), "account_id", self.account_edit)
        self.forward_row = self.row(self.tr("Forward to"), "forward_to", self.forward_edit)
        self.trunk_row = self.row(self.tr("Trunk"), "trunk_id", self.trunk_combo)
        self.row(self.tr("Dial plan"), "dial_plan_id", self.plan_field)
        self.prompt_row = self.row(self.tr("Welcome prompt"), "welcome", self.welcome_field)
        self.language_row = self.row(self.tr("Prompt language"), "language", self.language_edit)
        self.menu_row = self.row(self.tr("Language menu"), "language_menu", self.menu_edit)
        self.shrink_row = self.row(self.tr("Minutes announced less"), "minute_shrink_percent", self.shrink_box)
        self.row(self.tr("Country"), "country", self.country_edit)
        self.row(self.tr("Surcharge per minute"), "surcharge_per_minute", self.per_minute_edit)
        self.row(self.tr("Surcharge per call"), "surcharge_per_call", self.per_call_edit)
        self.row(self.tr("Monthly fee"), "monthly_fee", self.monthly_fee_edit)
        self.row("", "active", self.active_check)

    def kind(self) -> DidKind:
        return DidKind(self.kind_combo.currentData())

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.form.setRowVisible(self.account_row, kind is DidKind.FORWARD)
        self.form.setRowVisible(self.forward_row, kind is DidKind.FORWARD)
        self.form.setRowVisible(self.trunk_row, kind is DidKind.TRUNK)
        self.form.setRowVisible(self.prompt_row, kind is DidKind.ACCESS_NUMBER)
        self.form.setRowVisible(self.language_row, kind is DidKind.ACCESS_NUMBER)
        self.form.setRowVisible(self.menu_row, kind is DidKind.ACCESS_NUMBER)
        self.form.setRowVisible(self.shrink_row, kind is DidKind.ACCESS_NUMBER)
        self.adjustSize()

    def _load_trunks(self) -> None:
        client = self._client
        (Op(self, lambda: client.get("/trunks", TrunkPage, {"limit": MAX_PAGE_SIZE}))
         .success(self._trunks_loaded)
         .failure(self._trunks_failed)
         .busy(None)
         .run())

    def _trunks_failed(self, error: Exception) -> None:
        self.trunk_combo.setPlaceholderText(self.tr("Trunks could not be loaded: {message}")
                                            .format(message=error_text(error)))

    def _trunks_loaded(self, page: TrunkPage) -> None:
        for trunk in page.items:
            where = trunk.source_ip or self.tr("no source IP")
            self.trunk_combo.addItem(f"{trunk.name} ({where})", trunk.id)
        current = self._did.trunk_id if self._did is not None else None
        if current is not None and self.trunk_combo.findData(current) < 0:
            self.trunk_combo.addItem(id_text(current), current)
        if current is not None:
            self.trunk_combo.setCurrentIndex(self.trunk_combo.findData(current))
        if self.trunk_combo.count() == 0:
            self.trunk_combo.setPlaceholderText(self.tr("no trunks yet: add one on the Trunks tab"))

    def submit(self) -> None:
        if self._did is None:
            body = self.values_or_say(self._create_body)
            if body is not None:
                self._send_create(body)
        else:
            update = self.values_or_say(self._update_body)
            if update is not None:
                self._send_update(self._did, update)

    def _common(self) -> dict[str, Any]:
        kind = self.kind()
        return {
            "number": self.number_edit.text(),
            "kind": kind,
            "forward_to": (self.forward_edit.text().strip() or None) if kind is DidKind.FORWARD else None,
            "trunk_id": self.trunk_combo.currentData() if kind is DidKind.TRUNK else None,
            "language": self.language_edit.text().strip(),
            "minute_shrink_percent": self.shrink_box.value() if kind is DidKind.ACCESS_NUMBER else 0,
            "language_menu": ([code for code in re.split(r"[\s,]+", self.menu_edit.text()) if code]
                              if kind is DidKind.ACCESS_NUMBER else []),
            "country": country_value(self.country_edit),
            "surcharge_per_minute": typed("surcharge_per_minute", parse_amount, self.per_minute_edit.text()),
            "surcharge_per_call": typed("surcharge_per_call", parse_amount, self.per_call_edit.text()),
            "monthly_fee": typed("monthly_fee", parse_amount, self.monthly_fee_edit.text()),
            "dial_plan_id": self.plan_field.current_id(),
            "active": self.active_check.isChecked(),
        }

    def _create_body(self) -> DidCreate:
        return unchecked(DidCreate, **self._common())

    def _update_body(self) -> DidUpdate:
        """What differs from the DID as loaded; what the new kind does not take is cleared (null)."""
        did = self._did
        assert did is not None
        shown = {"number": phone_text(did.number), "forward_to": phone_text(did.forward_to) or None}
        changes = {name: value for name, value in self._common().items()
                   if value != (shown[name] if name in shown else getattr(did, name))}
        if self.kind() is DidKind.ACCESS_NUMBER and did.account_id is not None:
            changes["account_id"] = None  # shared: callers are found by ANI or PIN
        return unchecked(DidUpdate, **changes)

    def _account_text(self) -> str:
        return self.account_edit.text().strip() if self.kind() is DidKind.FORWARD else ""

    def _send_create(self, body: DidCreate) -> None:
        client, account = self._client, self._account_text()

        def create() -> DidOut:
            account_id = account_by_number(client, account).id if account else None
            return client.post("/dids", DidOut, body.model_copy(update={"account_id": account_id}))

        self.send(create, self._saved, self.tr("Adding the DID…"))

    def _send_update(self, did: DidOut, update: DidUpdate) -> None:
        client, account = self._client, self._account_text()
        account_changed = bool(account) and (account != self._account_number or did.kind is not DidKind.FORWARD)

        def change() -> DidOut:
            body = update
            if account_changed:
                body = update.model_copy(update={"account_id": account_by_number(client, account).id})
            return client.patch(f"/dids/{did.id}", DidOut, body)

        self.send(change, self._saved, self.tr("Saving the DID…"))

    def _saved(self, did: DidOut) -> None:
        self.saved.emit(did)
        self.accept()


class TrunkDialog(JudgedDialog):
    """New trunk when `trunk` is None, else a change of it. The digest password is write-only: the service keeps
    only its hash, so the field starts empty and a change sends a password only when one is typed."""

    saved = Signal(object)  # TrunkOut

    def __init__(self, parent: QWidget, client: ApiClient, trunk: TrunkOut | None = None,
                 account_number: str = "") -> None:
        title = self.tr("New trunk") if trunk is None else self.tr("Trunk {name}").format(name=trunk.name)
        super().__init__(parent, title, self.tr("Add") if trunk is None else self.tr("Save"))
        self._client = client
        self._trunk = trunk
        self._account_number = account_number

        self.name_edit = QLineEdit(trunk.name if trunk else "")
        self.name_edit.setMaxLength(120)
        self.account_edit = QLineEdit(account_number)
        self.account_edit.setMaxLength(32)
        self.account_edit.setPlaceholderText(self.tr("account number"))
        self.auth_combo = QComboBox()
        for auth in TrunkAuth:
            self.auth_combo.addItem(trunk_auth_name(auth), auth.value)
        self.source_ip_edit = QLineEdit((trunk.source_ip or "") if trunk else "")
        self.source_ip_edit.setMaxLength(64)
        self.source_ip_edit.setPlaceholderText(self.tr("e.g. 203.0.113.10"))
        self.username_edit = QLineEdit((trunk.username or "") if trunk else "")
        self.username_edit.setMaxLength(64)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setMaxLength(128)
        if trunk is not None and trunk.password_set:
            self.password_edit.setPlaceholderText(self.tr("stored; type a new one to replace it"))
        else:
            self.password_edit.setPlaceholderText(self.tr("at least 8 characters"))
        self.channels_box = _count_box(MAX_CHANNELS, trunk.max_channels if trunk else 0)
        self.cps_box = _count_box(MAX_CPS, trunk.cps_limit if trunk else 0)
        self.country_edit = country_edit(trunk.country if trunk else None, self.tr("the numbers it sends"))
        self.active_check = QCheckBox(self.tr("Takes calls"))
        self.active_check.setChecked(trunk.active if trunk else True)

        self.row(self.tr("Name"), "name", self.name_edit)
        self.row(self.tr("Account (billed)"), "account_id", self.account_edit)
        self.row(self.tr("Recognised by"), "auth", self.auth_combo)
        self.row(self.tr("Source IP"), "source_ip", self.source_ip_edit)
        self.username_row = self.row(self.tr("User name"), "username", self.username_edit)
        self.password_row = self.row(self.tr("Password"), "password", self.password_edit)
        self.row(self.tr("Channels"), "max_channels", self.channels_box)
        self.row(self.tr("Calls per second"), "cps_limit", self.cps_box)
        self.row(self.tr("Country"), "country", self.country_edit)
        self.row("", "active", self.active_check)

        if trunk is not None:
            self.auth_combo.setCurrentIndex(self.auth_combo.findData(trunk.auth.value))
        self.auth_combo.currentIndexChanged.connect(self._auth_changed)
        self._auth_changed()

    def auth(self) -> TrunkAuth:
        return TrunkAuth(self.auth_combo.currentData())

    def _auth_changed(self) -> None:
        digest = self.auth() is TrunkAuth.DIGEST
        self.form.setRowVisible(self.username_row, digest)
        self.form.setRowVisible(self.password_row, digest)
        self.source_ip_edit.setToolTip(self.tr("Where calls to the trunk's DIDs are delivered") if digest else
                                       self.tr("Calls from this address are the trunk's"))
        self.adjustSize()

    def _fields(self) -> dict[str, Any]:
        digest = self.auth() is TrunkAuth.DIGEST
        fields: dict[str, Any] = {
            "name": self.name_edit.text(),
            "auth": self.auth(),
            "source_ip": self.source_ip_edit.text().strip() or None,
            "username": (self.username_edit.text().strip() or None) if digest else None,
            "max_channels": self.channels_box.value(),
            "cps_limit": self.cps_box.value(),
            "country": country_value(self.country_edit),
            "active": self.active_check.isChecked(),
        }
        if digest and self.password_edit.text():
            fields["password"] = pydantic.SecretStr(self.password_edit.text())
        return fields

    def submit(self) -> None:
        account = self.account_edit.text().strip()
        client, trunk = self._client, self._trunk
        if trunk is None:
            # the typed account number is looked up when sent
            body = self.values_or_say(lambda: unchecked(TrunkCreate, **self._fields()))
            if body is not None:
                created = body

                def create() -> TrunkOut:
                    account_id = account_by_number(client, account).id
                    return client.post("/trunks", TrunkOut, created.model_copy(update={"account_id": account_id}))

                self.send(create, self._saved, self.tr("Adding the trunk…"))
            return
        changes = {name: value for name, value in self._fields().items()
                   if name == "password" or value != getattr(trunk, name)}
        update = self.values_or_say(lambda: unchecked(TrunkUpdate, **changes))
        if update is None:
            return
        account_changed = account != self._account_number
        trunk_id = trunk.id

        def change() -> TrunkOut:
            body = update
            if account_changed:
                body = update.model_copy(update={"account_id": account_by_number(client, account).id})
            return client.patch(f"/trunks/{trunk_id}", TrunkOut, body)

        self.send(change, self._saved, self.tr("Saving the trunk…"))

    def _saved(self, trunk: TrunkOut) -> None:
        self.saved.emit(trunk)
        self.accept()
