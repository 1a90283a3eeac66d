"""The tabs of the account page that hold what identifies and serves the account: caller numbers (ANIs), speed
dials, DIDs and support notes; and `AccountTab`, the table-with-status every tab of the page is built on.

Each tab is a `PagedTableModel` table, loaded when it is first shown for an account; the short lists the API does
not page (ANIs, speed dials, notes) arrive as one last page. Times come from the service in UTC and are shown in
this computer's time zone.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import pydantic
from pydantic import RootModel

from desktop.api_client import ApiClient
from desktop.formatting import money
from desktop.ops import Op, error_text
from desktop.paged_table import Column, HasId, PagedTableModel, PageLoader, SortedPageLoader
from desktop.pages.account_edit import AniDestinationDialog
from desktop.pages.did_dialogs import did_kind_name, phone_text
from desktop.pages.listing import Listing, ListTab, yes_no
from desktop.qt import (
    QCoreApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    Qt,
    QWidget,
    Signal,
)
from desktop.service_errors import validation_text
from switch_service.api.schemas import AccountOut, AniCreate, AniOut, NoteCreate, NoteOut
from switch_service.api.schemas.dids import DidOut, DidPage, SpeedDialCreate, SpeedDialOut

R = TypeVar("R", bound=HasId)
B = TypeVar("B")


# --- how values read ----------------------------------------------------------------------------


def local_time(moment: dt.datetime | None, *, seconds: bool = False) -> str:
    """A stored UTC time in this computer's time zone."""
    if moment is None:
        return ""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


# --- lists the API does not page ----------------------------------------------------------------


@dataclass(frozen=True)
class WholeList(Generic[R]):
    """An unpaged answer as the one and last page of a `PagedTableModel`."""

    items: Sequence[R]
    next_after: int | None = None


class AniList(RootModel[list[AniOut]]):
    pass


class SpeedDialList(RootModel[list[SpeedDialOut]]):
    pass


class NoteList(RootModel[list[NoteOut]]):
    pass


# --- tabs ---------------------------------------------------------------------------------------


class AccountTab(ListTab):
    """A `ListTab` over one account's rows: its controls in `top`, the service's refusals in the message line.

    Texts here use QCoreApplication.translate("AccountTab", ...): `self.tr` would look under the subclass."""

    def __init__(self, *, widths: Sequence[int], stretch: int, placeholder_column: int = 0) -> None:
        super().__init__()
        self.client: ApiClient | None = None
        self.account: AccountOut | None = None
        self.loaded_for: int | None = None  # the account whose rows the table holds; None: load when shown
        self.writing_controls: list[QWidget] = []  # disabled while a change is on its way
        self.model: PagedTableModel[Any] = PagedTableModel(self.columns(), self, placeholder_column=placeholder_column)
        self.listing: Listing[Any] = Listing(self.model, widths=widths, stretch=stretch, count_text=self._count_line,
                                             empty_text=self.empty_text)
        self.table = self.listing.table
        self.set_listing(self.listing)

    # --- what subclasses say ---------------------------------------------------------------------

    def columns(self) -> Sequence[Column[Any]]:
        raise NotImplementedError

    def loader(self, client: ApiClient, account_id: int) -> PageLoader[Any]:
        """A list the API does not page or sort (the whole list; sorted in the table)."""
        raise NotImplementedError

    def sorted_loader(self, client: ApiClient, account_id: int) -> SortedPageLoader[Any] | None:
        """A list the service sorts: its loader (None: the tab gives `loader`)."""
        return None

    def count_text(self, count: int) -> str:
        raise NotImplementedError

    def empty_text(self) -> str:
        raise NotImplementedError

    # --- what the page drives --------------------------------------------------------------------

    def show_account(self, client: ApiClient, account: AccountOut) -> None:
        """Load the rows of `account` (again)."""
        self.client, self.account, self.loaded_for = client, account, account.id
        self.hush()
        sorted_loader = self.sorted_loader(client, account.id)
        if sorted_loader is not None:
            self.model.set_sorted_loader(sorted_loader)
        else:
            self.model.set_loader(self.loader(client, account.id))

    def selected(self) -> Any | None:
        return self.listing.selected()

    def refused(self, error: Exception) -> None:
        self.say(error_text(error), error=True)

    def build(self, make: Callable[[], B]) -> B | None:
        """`make()` (a request body from the fields), or None after saying why the fields do not make one: bad
        input is refused here, before anything is sent."""
        try:
            return make()
        except pydantic.ValidationError as exc:
            self.say(validation_text(exc.errors(include_url=False)), error=True)
            return None

    def change(self, work: Callable[[], object], busy: str, done: Callable[[], None] | None = None) -> None:
        """Send a change in the background; then reload the rows (selecting a row just made), or show the
        service's refusal in the tab."""
        self.hush()
        self._set_writing(True)
        (Op(self, work)
         .success(lambda result: self._changed(result, done))
         .failure(self.refused)
         .finally_(lambda: self._set_writing(False))
         .busy(busy)
         .run())

    def ask(self, question: str, action: str, confirmed: Callable[[], None]) -> None:
        """Confirm a removal first; `confirmed` is a bound method (or a partial of one), never a lambda."""
        self.confirm(QCoreApplication.translate("AccountTab", "Carrierdesk"), question, action, confirmed)

    # --- inside ----------------------------------------------------------------------------------

    def _changed(self, result: object, done: Callable[[], None] | None) -> None:
        if done is not None:
            done()
        self.listing.refresh(select_id=getattr(result, "id", None))

    def _set_writing(self, writing: bool) -> None:
        for widget in self.writing_controls:
            widget.setEnabled(not writing)
        if not writing:
            self._selection_changed()

    def _count_line(self, count: int, at_end: bool) -> str:
        if at_end:
            return self.count_text(count)
        return QCoreApplication.translate("AccountTab", "{shown} shown; scroll down for more").format(
            shown=self.count_text(count))


class AccountAnisTab(AccountTab):
    """Caller numbers that identify the account when it calls in (PIN-less); the service normalises to E.164."""

    def __init__(self) -> None:
        super().__init__(widths=(170, 150), stretch=2)
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(40)
        self.number_edit.setPlaceholderText(self.tr("Caller number, e.g. +1 305 555 0101"))
        self.number_edit.returnPressed.connect(self.register)
        self.destination_edit = QLineEdit()
        self.destination_edit.setMaxLength(40)
        self.destination_edit.setPlaceholderText(self.tr("Fixed destination (optional)"))
        self.destination_edit.returnPressed.connect(self.register)
        self.register_button = QPushButton(self.tr("Register"))
        self.register_button.clicked.connect(self.register)
        self.destination_button = QPushButton(self.tr("Fixed destination…"))
        self.destination_button.clicked.connect(self.open_destination)
        self.unregister_button = QPushButton(self.tr("Unregister…"))
        self.unregister_button.clicked.connect(self.ask_unregister)
        self.row_buttons.extend([self.destination_button, self.unregister_button])
        self.writing_controls.extend([self.number_edit, self.destination_edit, self.register_button,
                                      self.destination_button, self.unregister_button])
        self.top.addWidget(self.number_edit, 1)
        self.top.addWidget(self.destination_edit, 1)
        for button in (self.register_button, self.destination_button, self.unregister_button):
            self.top.addWidget(button)
        self._selection_changed()

    def columns(self) -> list[Column[AniOut]]:
        return [
            Column(self.tr("Caller number"), lambda a: phone_text(a.number)),
            Column(self.tr("Registered"), lambda a: local_time(a.created_at), lambda a: a.created_at),
            Column(self.tr("Fixed destination"), lambda a: phone_text(a.destination)),
        ]

    def loader(self, client: ApiClient, account_id: int) -> PageLoader[AniOut]:
        return lambda _after, _limit: WholeList(client.get(f"/accounts/{account_id}/anis", AniList).root)

    def count_text(self, count: int) -> str:
        return self.tr("%n caller number(s)", "", count)

    def empty_text(self) -> str:
        return self.tr("No caller numbers yet: type one above and press Register.")

    def register(self) -> None:
        client, account = self.client, self.account
        if client is None or account is None:
            return
        body = self.build(lambda: AniCreate(number=self.number_edit.text(),
                                            destination=self.destination_edit.text().strip() or None))
        if body is None:
            return
        path = f"/accounts/{account.id}/anis"
        self.change(lambda: client.post(path, AniOut, body), self.tr("Registering the caller number…"),
                    self._registered)

    def _registered(self) -> None:
        self.number_edit.clear()
        self.destination_edit.clear()

    def open_destination(self) -> AniDestinationDialog | None:
        """Set or clear the selected number's fixed destination (PIN-less direct dial)."""
        ani, client = self.selected(), self.client
        if ani is None or client is None:
            return None
        dialog = AniDestinationDialog(self, client, ani)
        dialog.saved.connect(self._destination_saved)
        self.open_dialog(dialog)
        return dialog

    def _destination_saved(self, ani: AniOut) -> None:
        self.listing.refresh(select_id=ani.id)

    def ask_unregister(self) -> None:
        ani = self.selected()
        if ani is None:
            return
        question = self.tr("Unregister caller number {number}? Calls from it will no longer be recognised as "
                           "this account.").format(number=phone_text(ani.number))
        self.ask(question, self.tr("Unregister"), functools.partial(self.unregister, ani.id))

    def unregister(self, ani_id: int) -> None:
        client = self.client
        if client is not None:
            self.change(lambda: client.delete(f"/anis/{ani_id}"), self.tr("Unregistering the caller number…"))


class AccountSpeedDialsTab(AccountTab):
    """Short codes (0-99) the caller keys instead of a whole number."""

    def __init__(self) -> None:
        super().__init__(widths=(70, 180), stretch=2)
        self.slot_spin = QSpinBox()
        self.slot_spin.setRange(0, 99)
        self.slot_spin.setPrefix(self.tr("Slot "))
        self.number_edit = QLineEdit()
        self.number_edit.setMaxLength(40)
        self.number_edit.setPlaceholderText(self.tr("Number, e.g. +44 20 7946 0958"))
        self.label_edit = QLineEdit()
        self.label_edit.setMaxLength(64)
        self.label_edit.setPlaceholderText(self.tr("Label (optional)"))
        self.label_edit.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.ask_delete)
        self.row_buttons.append(self.delete_button)
        self.writing_controls.extend([self.slot_spin, self.number_edit, self.label_edit, self.add_button,
                                      self.delete_button])
        self.top.addWidget(self.slot_spin)
        self.top.addWidget(self.number_edit, 2)
        self.top.addWidget(self.label_edit, 1)
        self.top.addWidget(self.add_button)
        self.top.addWidget(self.delete_button)
        self._selection_changed()

    def columns(self) -> list[Column[SpeedDialOut]]:
        return [
            Column(self.tr("Slot"), lambda s: str(s.slot), lambda s: s.slot, align_right=True),
            Column(self.tr("Number"), lambda s: phone_text(s.number)),
            Column(self.tr("Label"), lambda s: s.label),
        ]

    def loader(self, client: ApiClient, account_id: int) -> PageLoader[SpeedDialOut]:
        return lambda _after, _limit: WholeList(
            client.get(f"/accounts/{account_id}/speed-dials", SpeedDialList).root)

    def count_text(self, count: int) -> str:
        return self.tr("%n speed dial(s)", "", count)

    def empty_text(self) -> str:
        return self.tr("No speed dials yet: choose a slot, type the number above and press Add.")

    def add(self) -> None:
        client, account = self.client, self.account
        if client is None or account is None:
            return
        body = self.build(lambda: SpeedDialCreate(slot=self.slot_spin.value(), number=self.number_edit.text(),
                                                  label=self.label_edit.text()))
        if body is None:
            return
        path = f"/accounts/{account.id}/speed-dials"
        self.change(lambda: client.post(path, SpeedDialOut, body), self.tr("Adding the speed dial…"),
                    self._added)

    def _added(self) -> None:
        self.number_edit.clear()
        self.label_edit.clear()

    def ask_delete(self) -> None:
        dial = self.selected()
        if dial is None:
            return
        question = self.tr("Delete speed dial {slot} ({number})?").format(slot=dial.slot,
                                                                          number=phone_text(dial.number))
        self.ask(question, self.tr("Delete"), functools.partial(self.delete, dial.id))

    def delete(self, speed_dial_id: int) -> None:
        client = self.client
        if client is not None:
            self.change(lambda: client.delete(f"/speed-dials/{speed_dial_id}"), self.tr("Deleting the speed dial…"))


class AccountDidsTab(AccountTab):
    """The account's DIDs, read only: they are assigned on the DIDs page."""

    open_dids_page = Signal()

    def __init__(self) -> None:
        super().__init__(widths=(150, 120, 160, 80, 100, 60), stretch=2)
        hint = QLabel(self.tr("Read only here: administrators add DIDs, change them and assign them to accounts on "
                              "the DIDs page."))
        hint.setWordWrap(True)
        self.open_page_button = QPushButton(self.tr("Open the DIDs page"))
        self.open_page_button.clicked.connect(self.open_dids_page)
        self.top.addWidget(hint, 1)
        self.top.addWidget(self.open_page_button)

    def columns(self) -> list[Column[DidOut]]:
        return [
            Column(self.tr("Number"), lambda d: phone_text(d.number)),
            Column(self.tr("Kind"), lambda d: did_kind_name(d.kind), lambda d: d.kind.value),
            Column(self.tr("Forwarded to"), lambda d: phone_text(d.forward_to)),
            Column(self.tr("Language"), lambda d: d.language),
            Column(self.tr("Monthly fee"), lambda d: money(d.monthly_fee), lambda d: d.monthly_fee,
                   align_right=True),
            Column(self.tr("Active"), lambda d: yes_no(d.active), lambda d: d.active),
        ]

    def loader(self, client: ApiClient, account_id: int) -> PageLoader[DidOut]:
        return lambda after, limit: client.get("/dids", DidPage,
                                               {"account_id": account_id, "after": after, "limit": limit})

    def count_text(self, count: int) -> str:
        return self.tr("%n DID(s)", "", count)

    def empty_text(self) -> str:
        return self.tr("No DIDs are assigned to this account.")


class AccountNotesTab(AccountTab):
    """What support reps tell each other about the customer, newest first."""

    def __init__(self) -> None:
        super().__init__(widths=(140, 110), stretch=2, placeholder_column=2)
        self.table.setWordWrap(True)
        self.model.page_loaded.connect(self.table.resizeRowsToContents)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("A note for the other support reps…"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.clicked.connect(self.add)
        self.writing_controls.extend([self.note_edit, self.add_button])
        self.top.addWidget(self.note_edit, 1)
        self.top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)

    def columns(self) -> list[Column[NoteOut]]:
        removed = self.tr("(removed user)")
        return [
            Column(self.tr("Written"), lambda n: local_time(n.at), lambda n: n.at),
            Column(self.tr("By"), lambda n: n.author or removed),
            Column(self.tr("Note"), lambda n: n.text),
        ]

    def loader(self, client: ApiClient, account_id: int) -> PageLoader[NoteOut]:
        return lambda _after, _limit: WholeList(client.get(f"/accounts/{account_id}/notes", NoteList).root)

    def count_text(self, count: int) -> str:
        return self.tr("%n note(s), newest first", "", count)

    def empty_text(self) -> str:
        return self.tr("No notes yet: write one above and press Add note.")

    def add(self) -> None:
        client, account = self.client, self.account
        if client is None or account is None:
            return
        body = self.build(lambda: NoteCreate(text=self.note_edit.toPlainText()))
        if body is None:
            return
        path = f"/accounts/{account.id}/notes"
        self.change(lambda: client.post(path, NoteOut, body), self.tr("Adding the note…"), self.note_edit.clear)
