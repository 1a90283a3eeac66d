"""DIDs: what each kind needs, E.164 numbers, PATCH, delete or deactivate, roles and reseller visibility."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.store.models import Account, AuditEntry, Cdr, CustomerTrunk, DialPlan, Did
from switch_service.store.models.enums import DidKind, TrunkAuth

URL = "/api/v1/dids"


def _setup(api: Api, resellers: dict[str, int]) -> dict[str, int]:
    """Accounts under north, north-east and south, a dial plan, and trunks with and without a source IP."""
    with Session(api.engine) as session, session.begin():
        made = {name: Account(number=name, name=name, reseller_id=resellers[name])
                for name in ("north", "north_east", "south")}
        session.add_all(made.values())
        plan = DialPlan(name="standard")
        session.add(plan)
        session.flush()
        ip_trunk = CustomerTrunk(account_id=made["south"].id, name="south pbx", auth=TrunkAuth.IP,
                                 source_ip="192.0.2.10")
        digest_trunk = CustomerTrunk(account_id=made["south"].id, name="south roaming", auth=TrunkAuth.DIGEST,
                                     username="roam", password_ha1="0" * 32)
        session.add_all([ip_trunk, digest_trunk])
        session.flush()
        return {**{name: account.id for name, account in made.items()}, "plan": plan.id, "trunk": ip_trunk.id,
                "digest_trunk": digest_trunk.id}


def _counts(api: Api) -> tuple[int, int]:
    with Session(api.engine) as session:
        return (session.scalar(select(func.count()).select_from(Did)) or 0,
                session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _did(api: Api, number: str, kind: DidKind, account_id: int | None = None, **more: Any) -> int:
    with Session(api.engine) as session, session.begin():
        did = Did(number=number, kind=kind, account_id=account_id, **more)
        session.add(did)
        session.flush()
        return did.id


def test_admin_creates_a_forward_did_with_e164_numbers_and_an_audit_entry(
        api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    admin = auth_header(api.login("admin"))
    response = api.client.post(URL, headers=admin, json={
        "number": "+44 20 7946 0001", "kind": "forward", "account_id": ids["north"],
        "forward_to": "(305) 555-0101", "dial_plan_id": ids["plan"], "monthly_fee": "2.5",
        "surcharge_per_minute": "0.01", "language": "es-MX"})
    assert response.status_code == 201, response.text
    did = response.json()
    assert (did["number"], did["forward_to"], did["kind"]) == ("442079460001", "13055550101", "forward")
    assert (did["account_id"], did["dial_plan_id"], did["trunk_id"]) == (ids["north"], ids["plan"], None)
    assert (did["monthly_fee"], did["surcharge_per_minute"], did["surcharge_per_call"]) == (
        "2.500000", "0.010000", "0.000000")
    assert (did["language"], did["language_menu"], did["active"]) == ("es-MX", [], True)
    assert api.client.get(f"{URL}/{did['id']}", headers=admin).json() == did
    with Session(api.engine) as session:
        stored = session.get(Did, did["id"])
        assert stored is not None and stored.monthly_fee == Decimal("2.5")
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity == "did")).one()
        assert (entry.action, entry.actor, entry.entity_id) == ("create", "admin", str(did["id"]))
        assert json.loads(entry.changes)["forward_to"] == "13055550101"


def test_access_numbers_are_shared_and_trunk_dids_take_the_trunks_account(
        api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    admin = auth_header(api.login("admin"))
    access = api.client.post(URL, headers=admin, json={"number": "1 800 555 0100", "kind": "access_number",
                                                       "dial_plan_id": ids["plan"]})
    assert access.status_code == 201, access.text
    assert (access.json()["number"], access.json()["account_id"]) == ("18005550100", None)
    assert access.json()["minute_shrink_percent"] == 0
    shrunk = api.client.patch(f"{URL}/{access.json()['id']}", headers=admin, json={"minute_shrink_percent": 15})
    assert (shrunk.status_code, shrunk.json()["minute_shrink_percent"]) == (200, 15), shrunk.text
    menu = api.client.patch(f"{URL}/{access.json()['id']}", headers=admin, json={"language_menu": ["es", "en"]})
    assert (menu.status_code, menu.json()["language_menu"]) == (200, ["es", "en"]), menu.text
    assert api.client.get(f"{URL}/{access.json()['id']}", headers=admin).json()["language_menu"] == ["es", "en"]
    for bad, says in ((["es", "xx"], "no prompts in xx"), (["es", "es"], "a language is offered once"),
                      (["en"] * 10, "at most 9 languages"), (["EN"], "pattern")):
        refused = api.client.patch(f"{URL}/{access.json()['id']}", headers=admin, json={"language_menu": bad})
        assert refused.status_code == 422 and says in refused.text, refused.text
    cleared = api.client.patch(f"{URL}/{access.json()['id']}", headers=admin, json={"language_menu": []})
    assert (cleared.status_code, cleared.json()["language_menu"]) == (200, []), cleared.text
    trunk = api.client.post(URL, headers=admin, json={"number": "4165550000", "kind": "trunk",
                                                      "trunk_id": ids["trunk"]})
    assert trunk.status_code == 201, trunk.text
    assert (trunk.json()["account_id"], trunk.json()["trunk_id"]) == (ids["south"], ids["trunk"])


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"number": "banana"}, "number", "not a phone number"),
    ({"number": "12"}, "number", "not a phone number"),
    ({"forward_to": None}, "forward_to", "needs the number to forward to"),
    ({"forward_to": "+1"}, "forward_to", "not a"),
    ({"account_id": None}, "account_id", "needs the account"),
    ({"account_id": 999}, "account_id", "account 999 does not exist"),
    ({"dial_plan_id": 999}, "dial_plan_id", "dial plan 999 does not exist"),
    ({"trunk_id": 999}, "trunk_id", "trunk 999 does not exist"),
    ({"trunk_id": "trunk"}, "trunk_id", "a forward DID takes no trunk"),
    ({"kind": "access_number", "forward_to": None}, "account_id", "takes no account"),
    ({"kind": "access_number", "account_id": None}, "forward_to", "takes no forward_to"),
    ({"kind": "trunk", "forward_to": None, "account_id": None}, "trunk_id", "needs the trunk"),
    ({"kind": "trunk", "forward_to": None, "account_id": None, "trunk_id": "digest_trunk"}, "trunk_id",
     "has no source IP"),
    ({"kind": "trunk", "forward_to": None, "trunk_id": "trunk"}, "account_id", "belongs to its trunk's account"),
    ({"kind": "fax"}, "kind", "Input should be"),
    ({"surcharge_per_minute": "-0.01"}, "surcharge_per_minute", "greater than or equal to 0"),
    ({"monthly_fee": "1.0000001"}, "monthly_fee", "decimal places"),
    ({"language": "English"}, "language", "pattern"),
    ({"minute_shrink_percent": 100}, "minute_shrink_percent", "less than or equal to 99"),
    ({"minute_shrink_percent": -1}, "minute_shrink_percent", "greater than or equal to 0"),
    ({"language_menu": ["en", "es"]}, "language_menu", "a forward DID has no IVR"),
    ({"welcome_prompt": "hola"}, "welcome_prompt", "Extra inputs"),
    ({"owner": "me"}, "owner", "Extra inputs"),
])
def test_bad_did_is_422_naming_the_field_and_writes_nothing(api: Api, auth_header: Header,
                                                            resellers: dict[str, int], *, body: dict[str, Any],
                                                            field: str, message: str) -> None:
    ids = _setup(api, resellers)
    if isinstance(body.get("trunk_id"), str):  # a name of a trunk made by _setup
        body["trunk_id"] = ids[body["trunk_id"]]
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = api.client.post(URL, headers=admin, json={
        "number": "+44 20 7946 0002", "kind": "forward", "account_id": ids["north"], "forward_to": "13055550101",
        **body})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", field]
    assert message in error["msg"]
    assert _counts(api) == before


def test_a_number_in_use_is_409(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    _setup(api, resellers)
    _did(api, "18005550100", DidKind.ACCESS_NUMBER)
    admin = auth_header(api.login("admin"))
    before = _counts(api)
    response = api.client.post(URL, headers=admin, json={"number": "+1 800 555 0100", "kind": "access_number"})
    assert response.status_code == 409
    assert response.json()["detail"] == "DID 18005550100 already exists"
    assert _counts(api) == before


def test_patch_changes_only_what_is_sent_and_keeps_the_kind_rules(api: Api, auth_header: Header,
                                                                  resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    did_id = _did(api, "442079460000", DidKind.FORWARD, ids["north"], forward_to="13055550101")
    admin = auth_header(api.login("admin"))
    changed = api.client.patch(f"{URL}/{did_id}", headers=admin, json={"forward_to": "+33 6 12 34 56 78",
                                                                       "active": False})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["forward_to"], changed.json()["active"]) == ("33612345678", False)
    assert (changed.json()["number"], changed.json()["account_id"]) == ("442079460000", ids["north"])
    with Session(api.engine) as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
        assert json.loads(entry.changes) == {"active": {"from": True, "to": False},
                                             "forward_to": {"from": "13055550101", "to": "33612345678"}}
    before = _counts(api)
    for body, fields in (({"kind": "access_number"}, ["account_id", "forward_to"]), ({"number": None}, ["number"]),
                         ({"kind": "access_number", "account_id": None}, ["forward_to"])):
        refused = api.client.patch(f"{URL}/{did_id}", headers=admin, json=body)
        assert refused.status_code == 422, refused.text
        assert sorted(error["loc"][1] for error in refused.json()["detail"]) == fields
    assert _counts(api) == before
    became = api.client.patch(f"{URL}/{did_id}", headers=admin,
                              json={"kind": "access_number", "account_id": None, "forward_to": None})
    assert became.status_code == 200, became.text
    assert (became.json()["kind"], became.json()["account_id"], became.json()["forward_to"]) == (
        "access_number", None, None)
    assert api.client.patch(f"{URL}/4242", headers=admin, json={"active": True}).status_code == 404


def test_delete_removes_an_unused_did_and_deactivates_one_in_the_call_records(
        api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    unused = _did(api, "18005550100", DidKind.ACCESS_NUMBER)
    called = _did(api, "13055550199", DidKind.FORWARD, ids["north"], forward_to="13055550101")
    with Session(api.engine) as session, session.begin():
        session.add(Cdr(call_id="c1", caller="13055550101", destination="13055550101", did="13055550199",
                        started_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC), result="answered"))
    admin = auth_header(api.login("admin"))
    gone = api.client.delete(f"{URL}/{unused}", headers=admin)
    assert gone.json() == {"id": unused, "number": "18005550100", "outcome": "deleted"}
    assert api.client.get(f"{URL}/{unused}", headers=admin).status_code == 404
    kept = api.client.delete(f"{URL}/{called}", headers=admin)
    assert kept.json()["outcome"] == "deactivated"
    assert api.client.get(f"{URL}/{called}", headers=admin).json()["active"] is False
    with Session(api.engine) as session:
        actions = session.execute(select(AuditEntry.action, AuditEntry.entity_id).where(AuditEntry.entity == "did")
                                  .order_by(AuditEntry.id)).all()
        assert [tuple(row) for row in actions] == [("delete", str(unused)), ("deactivate", str(called))]


def test_list_filters_and_pages_by_keyset(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    made = [_did(api, f"1305555010{n}", DidKind.FORWARD, ids["north"], forward_to="13055550101") for n in range(5)]
    access = _did(api, "18005550100", DidKind.ACCESS_NUMBER)
    admin = auth_header(api.login("admin"))
    seen: list[int] = []
    after = None
    for _ in range(10):  # bounded
        page = api.client.get(URL, headers=admin, params={"limit": 2, **({"after": after} if after else {})}).json()
        seen += [item["id"] for item in page["items"]]
        after = page["next_after"]
        if after is None:
            break
    assert seen == [*made, access]
    by_kind = api.client.get(URL, headers=admin, params={"kind": "access_number"}).json()["items"]
    assert [item["id"] for item in by_kind] == [access]
    by_number = api.client.get(URL, headers=admin, params={"number": "5550103"}).json()["items"]
    assert [item["number"] for item in by_number] == ["13055550103"]
    by_account = api.client.get(URL, headers=admin, params={"account_id": ids["north"], "limit": 500}).json()
    assert [item["id"] for item in by_account["items"]] == made
    assert api.client.get(URL, headers=admin, params={"number": "55a"}).status_code == 422


def test_support_reads_without_the_dial_plan_and_may_not_write(api: Api, auth_header: Header,
                                                                resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    did_id = _did(api, "18005550100", DidKind.ACCESS_NUMBER, dial_plan_id=ids["plan"])
    support = auth_header(api.login("support"))
    one = api.client.get(f"{URL}/{did_id}", headers=support)
    assert one.status_code == 200
    assert "dial_plan_id" not in one.json() and one.json()["number"] == "18005550100"
    assert "dial_plan_id" not in api.client.get(URL, headers=support).json()["items"][0]
    before = _counts(api)
    for response in (api.client.post(URL, headers=support, json={"number": "18005550101", "kind": "access_number"}),
                     api.client.patch(f"{URL}/{did_id}", headers=support, json={"active": False}),
                     api.client.delete(f"{URL}/{did_id}", headers=support)):
        assert response.status_code == 403
        assert response.json()["detail"] == "the support role may not do this (allowed: admin)"
    assert _counts(api) == before


def test_a_reseller_sees_only_its_subtrees_dids(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    own = _did(api, "13055550101", DidKind.FORWARD, ids["north"], forward_to="13055550109")
    below = _did(api, "13055550102", DidKind.FORWARD, ids["north_east"], forward_to="13055550109")
    south = _did(api, "13055550103", DidKind.FORWARD, ids["south"], forward_to="13055550109")
    _did(api, "18005550100", DidKind.ACCESS_NUMBER)
    north = auth_header(api.login("north"))
    listed = api.client.get(URL, headers=north).json()["items"]
    assert [item["id"] for item in listed] == [own, below]
    assert all("dial_plan_id" not in item for item in listed)
    hidden = api.client.get(f"{URL}/{south}", headers=north)
    assert hidden.status_code == 404
    assert hidden.json() == {"detail": f"DID {south} does not exist", "code": "not_found", "field": None,
                             "params": {"what": "DID", "key": str(south)}}
    assert api.client.get(URL, headers=north, params={"account_id": ids["south"]}).json()["items"] == []
    assert api.client.patch(f"{URL}/{own}", headers=north, json={"active": False}).status_code == 403


def test_a_dids_monthly_fee_is_charged_to_its_account_as_a_recurring_fee(
        api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    ids = _setup(api, resellers)
    admin = auth_header(api.login("admin"))
    fees = "/api/v1/recurring-fees"
    created = api.client.post(URL, headers=admin, json={"number": "+44 20 7946 0001", "kind": "forward",
                                                        "account_id": ids["north"], "forward_to": "13055550101",
                                                        "monthly_fee": "2.5"})
    assert created.status_code == 201, created.text
    did = created.json()
    [fee] = api.client.get(fees, headers=admin).json()["items"]
    assert (fee["did_id"], fee["account_id"], fee["amount"], fee["period"], fee["active"]) == (
        did["id"], ids["north"], "2.500000", "monthly", True)
    assert fee["name"] == "DID 442079460001 monthly fee"

    run = api.client.post(f"{fees}/run", headers=admin).json()["runs"]  # the first month, at assignment
    assert [(r["fee_id"], r["accounts"], len(r["occurrences"])) for r in run] == [(fee["id"], 1, 1)]
    assert api.client.post(f"{fees}/run", headers=admin).json()["runs"] == []  # once
    payments = api.client.get(f"/api/v1/accounts/{ids['north']}/payments", headers=admin).json()["items"]
    assert [(p["kind"], p["amount"], p["reference"]) for p in payments] == [
        ("fee", "2.500000", "DID 442079460001 monthly fee")]
    account = api.client.get(f"/api/v1/accounts/{ids['north']}", headers=admin).json()
    assert account["balance"] == "-2.500000"

    charged = api.client.get(f"{fees}/{fee['id']}", headers=admin).json()
    assert charged["next_due_at"] > fee["next_due_at"]  # next month
    changed = api.client.patch(f"{URL}/{did['id']}", headers=admin, json={"monthly_fee": "3"}).json()
    assert changed["monthly_fee"] == "3.000000"
    after = api.client.get(f"{fees}/{fee['id']}", headers=admin).json()
    assert (after["amount"], after["next_due_at"]) == ("3.000000", charged["next_due_at"])  # from that month

    refused = api.client.patch(f"{fees}/{fee['id']}", headers=admin, json={"amount": "0.5"})
    assert refused.status_code == 409 and "change the DID's monthly fee" in refused.json()["detail"]
    assert api.client.delete(f"{fees}/{fee['id']}", headers=admin).status_code == 409

    assert api.client.patch(f"{URL}/{did['id']}", headers=admin, json={"active": False}).status_code == 200
    assert api.client.get(f"{fees}/{fee['id']}", headers=admin).json()["active"] is False
    assert api.client.delete(f"{URL}/{did['id']}", headers=admin).json()["outcome"] == "deleted"
    assert api.client.get(fees, headers=admin).json()["items"] == []
    assert len(api.client.get(f"/api/v1/accounts/{ids['north']}/payments", headers=admin).json()["items"]) == 1

