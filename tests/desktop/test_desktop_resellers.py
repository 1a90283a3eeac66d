"""The Resellers page against the real service: an admin sees the whole tree, edits commission rules and prices a
white-label reseller's sell tariff; a reseller user sees only its own subtree and adds a sub-reseller there."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from desk_harness import PASSWORD, WAIT_MS, LiveService, choose_file
from pytestqt.qtbot import QtBot

from desktop.api_client import ApiClient
from desktop.pages.reseller_agent_pin import AgentPinDialog
from desktop.pages.resellers import COL_BALANCE, ResellersPage, ResellerTreeModel
from desktop.pages.resellers_dialogs import CommissionRuleDialog, NewResellerDialog
from desktop.qt import QModelIndex, Qt
from desktop.session import sign_in
from switch_service.api.schemas import Role
from switch_service.api.schemas.rates import RateCreate, RateOut, RatePage, TariffCreate, TariffOut
from switch_service.api.schemas.resellers import (
    CommissionBasis,
    CommissionRulePage,
    ResellerCreate,
    ResellerKind,
    ResellerOut,
    ResellerPage,
)
from switch_service.api.schemas.taxes import TaxIn, TaxProfileCreate, TaxProfileOut
from switch_service.api.schemas.users import UserCreate, UserDetailOut

LOGOS = Path(__file__).parent.parent / "data" / "logos"


@pytest.fixture
def tree(admin_api: ApiClient) -> dict[str, ResellerOut]:
    """North -> North-East -> North-East-1, and South; a reseller user 'north' of North."""
    made: dict[str, ResellerOut] = {}
    for name, parent in (("North", None), ("South", None), ("North-East", "North"), ("North-East-1", "North-East")):
        made[name] = admin_api.post("/resellers", ResellerOut, ResellerCreate(
            name=name, parent_id=made[parent].id if parent else None, credit_limit=Decimal("250")))
    admin_api.post("/users", UserDetailOut, UserCreate(username="north", password=PASSWORD, role=Role.RESELLER,
                                                        reseller_id=made["North"].id))
    return made


def _page(qtbot: QtBot, live: LiveService, username: str) -> ResellersPage:
    page = ResellersPage()
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.set_session(sign_in(live.url, username, PASSWORD))
    return page


def _names(model: ResellerTreeModel, parent: QModelIndex) -> list[str]:
    return [model.data(model.index(row, 0, parent)) for row in range(model.rowCount(parent))]


def _expand(qtbot: QtBot, page: ResellersPage, reseller_id: int) -> QModelIndex:
    index = page.model.index_of(reseller_id)
    page.tree.expand(index)
    qtbot.waitUntil(lambda: page.model.rowCount(page.model.index_of(reseller_id)) > 0, timeout=WAIT_MS)
    return page.model.index_of(reseller_id)


def test_admin_sees_the_whole_tree_and_edits_commission_rules(qtbot: QtBot, live_service: LiveService,
                                                               tree: dict[str, ResellerOut],
                                                               admin_api: ApiClient, tmp_path: Path) -> None:
    page = _page(qtbot, live_service, "admin")
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and not model.loading, timeout=WAIT_MS)
    assert _names(model, QModelIndex()) == ["North", "South"]
    assert model.hasChildren(model.index_of(tree["North"].id)) and not model.hasChildren(
        model.index_of(tree["South"].id))
    north_east = _expand(qtbot, page, tree["North"].id)
    assert _names(model, page.model.index_of(tree["North"].id)) == ["North-East"]
    assert model.data(model.index(0, COL_BALANCE, QModelIndex())) == "$0.00"

    assert page.select(tree["North-East"].id) and north_east.isValid()
    assert page.name_label.text() == "North-East"
    assert page.figures["credit_limit"].text().startswith("$250.00")
    assert page.figures["children"].text() == "1"
    picker = page.statement_picker
    assert picker.save_button.isEnabled()
    picker.choose(picker.period_box.itemData(1))  # the previous month: issued
    choose_file(qtbot, picker.ask_save(), tmp_path / "north-east.pdf")
    qtbot.waitUntil(lambda: "saved to" in picker.status_label.text(), timeout=WAIT_MS)
    assert (tmp_path / "north-east.pdf").read_bytes().startswith(b"%PDF")
    rules = page.rules
    assert page.rules_box.isVisible()
    qtbot.waitUntil(lambda: "No commission rules" in rules.listing.status_label.text(), timeout=WAIT_MS)

    dialog = rules.open_add()
    assert isinstance(dialog, CommissionRuleDialog)
    dialog.basis_combo.setCurrentIndex(dialog.basis_combo.findData(CommissionBasis.PER_MINUTE.value))
    assert not dialog.percent_edit.isEnabled() and dialog.amount_edit.isEnabled()
    dialog.prefix_edit.setText("44")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no amount: the service says what is missing
    qtbot.waitUntil(lambda: bool(dialog.errors.visible()), timeout=WAIT_MS)
    assert "amount" in " ".join(dialog.errors.visible().values())
    dialog.amount_edit.setText("0,004")  # as Spanish and French write it
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rules.model.rowCount() == 1 and not rules.model.loading, timeout=WAIT_MS)
    saved = admin_api.get(f"/resellers/{tree['North-East'].id}/commission-rules", CommissionRulePage).items
    assert [(r.basis, r.prefix, r.amount) for r in saved] == [(CommissionBasis.PER_MINUTE, "44", Decimal("0.004"))]

    page.select(tree["South"].id)  # no sub-resellers yet: its first one appears under it, chosen
    sub_dialog = page.open_new_sub_reseller()
    assert sub_dialog is not None
    sub_dialog.name_edit.setText("South-West")
    with qtbot.waitSignal(sub_dialog.created, timeout=WAIT_MS):
        qtbot.mouseClick(sub_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.name_label.text() == "South-West", timeout=WAIT_MS)
    assert _names(model, model.index_of(tree["South"].id)) == ["South-West"]
    assert page.figures["kind"].text() == "Usage based"


def test_a_reseller_user_sees_only_its_subtree_and_adds_a_sub_reseller(qtbot: QtBot, live_service: LiveService,
                                                                       tree: dict[str, ResellerOut],
                                                                       admin_api: ApiClient) -> None:
    page = _page(qtbot, live_service, "north")
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not model.loading, timeout=WAIT_MS)
    assert _names(model, QModelIndex()) == ["North"]
    _expand(qtbot, page, tree["North"].id)
    _expand(qtbot, page, tree["North-East"].id)
    assert _names(model, model.index_of(tree["North-East"].id)) == ["North-East-1"]
    assert model.index_of(tree["South"].id) == QModelIndex()  # another reseller's branch is nowhere
    assert not page.add_top_button.isVisible()
    assert not page.rules_box.isVisible()  # commission rules are the admin's

    page.select(tree["North-East"].id)
    dialog = page.open_new_sub_reseller()
    assert isinstance(dialog, NewResellerDialog)
    dialog.name_edit.setText("North-East-2")
    dialog.email_edit.setText("not an address")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "email" in dialog.errors.visible(), timeout=WAIT_MS)
    dialog.email_edit.setText("ops@ne2.example")
    with qtbot.waitSignal(dialog.created, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert _names(model, model.index_of(tree["North-East"].id)) == ["North-East-1", "North-East-2"]
    assert page.name_label.text() == "North-East-2"  # selected
    created = admin_api.get("/resellers", ResellerPage, {"q": "North-East-2"}).items
    assert [(r.parent_id, r.email) for r in created] == [(tree["North-East"].id, "ops@ne2.example")]


def test_admin_prices_a_white_label_sell_tariff(qtbot: QtBot, live_service: LiveService,
                                                admin_api: ApiClient) -> None:
    buy = admin_api.post("/tariffs", TariffOut, TariffCreate(name="Label buy"))
    admin_api.post(f"/tariffs/{buy.id}/rates", RateOut, RateCreate(prefix="44", price_per_minute=Decimal("0.01")))
    label = admin_api.post("/resellers", ResellerOut, ResellerCreate(name="Label", kind=ResellerKind.WHITE_LABEL,
                                                                     tariff_id=buy.id))
    page = _page(qtbot, live_service, "admin")
    qtbot.waitUntil(lambda: page.select(label.id), timeout=WAIT_MS)
    assert page.sell_tariff_button.isVisible() and page.sell_tariff_button.isEnabled()
    dialog = page.open_sell_tariff()
    assert dialog is not None
    dialog.markup_edit.setText("-5")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # below cost: the service names the field
    qtbot.waitUntil(lambda: bool(dialog.errors.visible()), timeout=WAIT_MS)
    assert "below cost" in " ".join(dialog.errors.visible().values())
    dialog.markup_edit.setText("20")
    dialog.prefixes_edit.setText("44=2,5")  # as Spanish and French write it
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    tariff = saved.args[0]
    rates = admin_api.get(f"/tariffs/{tariff.id}/rates", RatePage).items
    assert [(rate.prefix, rate.price_per_minute) for rate in rates] == [("44", Decimal("0.01025"))]
    assert page.message_label.text() == "Sell tariff Label sell saved (rates: 1)."


def test_a_white_label_resellers_logo_and_taxes(qtbot: QtBot, live_service: LiveService,
                                                admin_api: ApiClient) -> None:
    """Logo…: a refused file's reason is shown and nothing changes; a good one is stored and shown, then removed.
    Taxes…: the chosen profile is what the service keeps."""
    label = admin_api.post("/resellers", ResellerOut, ResellerCreate(name="Label", kind=ResellerKind.WHITE_LABEL,
                                                                     brand_name="Label Mobile"))
    plain = admin_api.post("/resellers", ResellerOut, ResellerCreate(name="Plain"))
    profile = admin_api.post("/tax-profiles", TaxProfileOut, TaxProfileCreate(
        name="EU VAT", taxes=[TaxIn(name="VAT", percent=Decimal(20))]))
    page = _page(qtbot, live_service, "admin")
    qtbot.waitUntil(lambda: page.select(plain.id), timeout=WAIT_MS)
    assert not page.logo_button.isEnabled()  # not white label
    page.select(label.id)
    assert page.logo_button.isEnabled() and page.figures["logo"].text() == "none"
    dialog = page.open_logo()
    assert dialog is not None
    qtbot.waitUntil(lambda: "No logo" in dialog.preview.text(), timeout=WAIT_MS)
    dialog.send(LOGOS / "logo.gif")
    qtbot.waitUntil(lambda: "only PNG and JPEG" in dialog.status.text(), timeout=WAIT_MS)
    assert not dialog.remove_button.isEnabled()
    dialog.send(LOGOS / "brandy.png")
    qtbot.waitUntil(lambda: "Logo stored: PNG, 240 × 80 pixels" in dialog.status.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull(),
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.figures["logo"].text() == "stored", timeout=WAIT_MS)
    assert admin_api.download(f"/resellers/{label.id}/logo") == (LOGOS / "brandy.png").read_bytes()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "Logo removed.", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.figures["logo"].text() == "none", timeout=WAIT_MS)
    dialog.reject()

    taxes = page.open_taxes()
    assert taxes is not None
    taxes.tax_field.select_id(profile.id)
    with qtbot.waitSignal(taxes.saved, timeout=WAIT_MS):
        qtbot.mouseClick(taxes.ok_button, Qt.MouseButton.LeftButton)
    assert admin_api.get(f"/resellers/{label.id}", ResellerOut).tax_profile_id == profile.id
    assert page.message_label.text() == "Taxes of Label saved."


def test_a_white_label_resellers_own_user_sets_its_logo(qtbot: QtBot, live_service: LiveService,
                                                         admin_api: ApiClient) -> None:
    label = admin_api.post("/resellers", ResellerOut, ResellerCreate(name="Label", kind=ResellerKind.WHITE_LABEL))
    admin_api.post("/users", UserDetailOut, UserCreate(username="label", password=PASSWORD, role=Role.RESELLER,
                                                        reseller_id=label.id))
    page = _page(qtbot, live_service, "label")
    qtbot.waitUntil(lambda: page.select(label.id), timeout=WAIT_MS)
    assert page.logo_button.isEnabled() and not page.taxes_button.isVisible()  # taxes are the admin's
    dialog = page.open_logo()
    assert dialog is not None
    dialog.send(LOGOS / "north.jpg")
    qtbot.waitUntil(lambda: "Logo stored: JPEG, 120 × 120 pixels" in dialog.status.text(), timeout=WAIT_MS)
    assert admin_api.download(f"/resellers/{label.id}/logo") == (LOGOS / "north.jpg").read_bytes()


def test_a_reseller_user_issues_an_agent_pin_for_a_store_below_it_and_sees_it_once(
        qtbot: QtBot, live_service: LiveService, tree: dict[str, ResellerOut], admin_api: ApiClient) -> None:
    page = _page(qtbot, live_service, "north")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading, timeout=WAIT_MS)
    _expand(qtbot, page, tree["North"].id)
    page.select(tree["North-East"].id)
    assert page.agent_pin_button.isVisible() and page.figures["agent_pin"].text() == "none"
    dialog = page.open_agent_pin()
    assert isinstance(dialog, AgentPinDialog) and not dialog.revoke_button.isEnabled()
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pin_label.text() != "", timeout=WAIT_MS)
    pin = dialog.pin_label.text()
    assert pin.isdigit() and len(pin) == 10 and "not shown again" in dialog.status.text()
    qtbot.waitUntil(lambda: page.figures["agent_pin"].text().startswith("issued"), timeout=WAIT_MS)
    shown = admin_api.get(f"/resellers/{tree['North-East'].id}", ResellerOut)
    assert shown.agent_pin_issued_at is not None and pin not in shown.model_dump_json()
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "revoked" in dialog.status.text(), timeout=WAIT_MS)
    assert dialog.pin_label.text() == ""
    qtbot.waitUntil(lambda: page.figures["agent_pin"].text() == "none", timeout=WAIT_MS)
    assert admin_api.get(f"/resellers/{tree['North-East'].id}", ResellerOut).agent_pin_issued_at is None


def test_enter_issues_an_agent_pin_and_the_next_enter_closes_without_replacing_it(
        qtbot: QtBot, live_service: LiveService, tree: dict[str, ResellerOut], admin_api: ApiClient) -> None:
    """From the keyboard, as a clerk at the counter: Enter on the dialog draws the PIN; the Enter that follows,
    once it is written down, closes the dialog — it must not draw another PIN over the one just read."""
    page = _page(qtbot, live_service, "north")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.model.loading, timeout=WAIT_MS)
    _expand(qtbot, page, tree["North"].id)
    page.select(tree["North-East"].id)
    dialog = page.open_agent_pin()
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.focusWidget() is not None, timeout=WAIT_MS)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.pin_label.text() != "", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.figures["agent_pin"].text().startswith("issued"), timeout=WAIT_MS)
    issued = admin_api.get(f"/resellers/{tree['North-East'].id}", ResellerOut).agent_pin_issued_at
    note = dialog.note
    assert note.height() >= note.heightForWidth(note.width())  # the whole note shows, none of it cut
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert admin_api.get(f"/resellers/{tree['North-East'].id}", ResellerOut).agent_pin_issued_at == issued
