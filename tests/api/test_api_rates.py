"""Rates of a tariff through the API: add, list filtered in SQL, change, delete (the tariff's version bumped each
time); bad input is a 422 naming the field, refused exactly as the rate-deck parser refuses it; the CSV export is
what the CLI writes."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select

from switch_service.api.schemas import rates as rate_schemas
from switch_service.decks import FORMATS, DeckError, parse_deck, parsing
from switch_service.store.deck_loader import export_deck
from switch_service.store.models import AuditEntry, Rate, Tariff

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
UK_MOBILE = {"prefix": "447", "destination": "United Kingdom - Mobile", "price_per_minute": "0.0365",
             "initial_block_s": 30, "increment_s": 6, "connect_fee": "0.025", "valid_from": "2026-01-01T00:00:00Z"}


def _tariff(api: Api, name: str = "Retail") -> int:
    with api.session() as session:
        tariff = Tariff(name=name)
        session.add(tariff)
        session.commit()
        return tariff.id


def _version(api: Api, tariff_id: int) -> int:
    with api.session() as session:
        return session.scalars(select(Tariff.version).where(Tariff.id == tariff_id)).one()


def _rate_count(api: Api) -> int:
    with api.session() as session:
        return session.scalar(select(func.count()).select_from(Rate)) or 0


def _add(api: Api, headers: dict[str, Any], tariff_id: int, **body: Any) -> Any:
    return api.client.post(f"/api/v1/tariffs/{tariff_id}/rates", headers=headers, json=body)


def test_add_a_rate_see_it_and_the_version_bumped(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    response = _add(api, admin, tariff_id, **UK_MOBILE, step1_after_s=300, step1_price="0.03")
    assert response.status_code == 201, response.text
    rate = response.json()
    assert rate == {
        "id": rate["id"], "tariff_id": tariff_id, "prefix": "447", "destination": "United Kingdom - Mobile",
        "price_per_minute": "0.036500", "initial_block_s": 30, "increment_s": 6, "connect_fee": "0.025000",
        "disconnect_fee": "0.000000", "disconnect_threshold_s": 0, "disconnect_fee_percent": "0.0000",
        "disconnect_fee_rule": "below_threshold",
        "min_duration_s": 0, "min_cost": "0.000000", "grace_s": 0, "shrink_percent": "0.0000",
        "step1_after_s": 300, "step1_price": "0.030000", "step2_after_s": None, "step2_price": None,
        "step3_after_s": None, "step3_price": None, "offpeak_price": None, "weekend_price": None,
        "holiday_price": None, "valid_from": "2026-01-01T00:00:00Z", "valid_until": None,
    }
    assert _version(api, tariff_id) == 2
    assert api.client.get(f"/api/v1/tariffs/{tariff_id}/rates/{rate['id']}", headers=admin).json() == rate
    assert api.client.get(f"/api/v1/tariffs/{tariff_id}", headers=admin).json()["rate_count"] == 1
    listed = api.client.get("/api/v1/tariffs", headers=admin).json()["items"]
    assert [(t["id"], t["rate_count"]) for t in listed] == [(tariff_id, 1)]
    with api.session() as session:
        stored = session.get(Rate, rate["id"])
        assert stored is not None
        assert (stored.price_per_minute, stored.valid_from) == (Decimal("0.0365"), T0)
        audit = session.scalars(select(AuditEntry).where(AuditEntry.entity == "rate")).one()
        assert (audit.action, audit.entity_id) == ("create", str(rate["id"]))


def test_valid_from_defaults_to_now_in_whole_seconds(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    rate = _add(api, admin, _tariff(api), prefix="1", price_per_minute="0.01").json()
    valid_from = dt.datetime.fromisoformat(rate["valid_from"])
    assert before <= valid_from <= dt.datetime.now(dt.UTC)
    assert valid_from.microsecond == 0
    assert (rate["initial_block_s"], rate["increment_s"]) == (60, 60)


def test_list_filters_by_prefix_and_destination_in_keyset_pages(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    other = _tariff(api, "Other")
    for prefix, name in (("44", "United Kingdom"), ("447", "United Kingdom - Mobile"), ("344", "Spain"),
                         ("4420", "London"), ("33", "France - Mobile")):
        assert _add(api, admin, tariff_id, prefix=prefix, destination=name, price_per_minute="0.01").status_code == 201
    _add(api, admin, other, prefix="44", price_per_minute="0.02")
    url = f"/api/v1/tariffs/{tariff_id}/rates"

    def prefixes(query: str) -> tuple[list[str], int | None]:
        page = api.client.get(f"{url}?{query}", headers=admin).json()
        return [rate["prefix"] for rate in page["items"]], page["next_after"]

    assert prefixes("prefix=44") == (["44", "447", "4420"], None)
    first, after = prefixes("prefix=44&limit=2")
    assert (first, prefixes(f"prefix=44&limit=2&after={after}")) == (["44", "447"], (["4420"], None))
    assert prefixes("destination=mobile") == (["447", "33"], None)
    assert prefixes("prefix=44&destination=kingdom") == (["44", "447"], None)
    assert prefixes("in_force_at=2020-01-01T00:00:00Z") == ([], None)
    bad = api.client.get(f"{url}?prefix=4x", headers=admin)
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["query", "prefix"]
    assert api.client.get("/api/v1/tariffs/999/rates", headers=admin).status_code == 404


def test_patch_changes_only_what_is_sent_and_delete_removes(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    rate = _add(api, admin, tariff_id, **UK_MOBILE, offpeak_price="0.02").json()
    url = f"/api/v1/tariffs/{tariff_id}/rates/{rate['id']}"
    patched = api.client.patch(url, headers=admin, json={"price_per_minute": "0.04", "offpeak_price": None})
    assert patched.status_code == 200, patched.text
    assert (patched.json()["price_per_minute"], patched.json()["offpeak_price"]) == ("0.040000", None)
    assert patched.json()["connect_fee"] == "0.025000"
    assert _version(api, tariff_id) == 3
    assert api.client.delete(url, headers=admin).status_code == 204
    assert api.client.get(url, headers=admin).status_code == 404
    assert (_rate_count(api), _version(api, tariff_id)) == (0, 4)
    with api.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "rate")
                                  .order_by(AuditEntry.id)).all()
    assert actions == ["create", "update", "delete"]


def test_a_rate_of_another_tariff_is_not_found(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    rate = _add(api, admin, _tariff(api), prefix="1", price_per_minute="0.01").json()
    other = _tariff(api, "Other")
    response = api.client.patch(f"/api/v1/tariffs/{other}/rates/{rate['id']}", headers=admin,
                                json={"price_per_minute": "9"})
    assert response.status_code == 404
    assert response.json()["detail"] == f"tariff {other} has no rate {rate['id']}"


def test_the_same_prefix_and_start_twice_is_a_conflict(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    assert _add(api, admin, tariff_id, **UK_MOBILE).status_code == 201
    again = _add(api, admin, tariff_id, **UK_MOBILE)
    assert again.status_code == 409
    assert again.json()["detail"] == ("prefix 447 already has a rate starting 2026-01-01T00:00:00+00:00 in this "
                                      "tariff")
    later = _add(api, admin, tariff_id, **{**UK_MOBILE, "valid_from": "2026-04-01T00:00:00+02:00"}).json()
    moved = api.client.patch(f"/api/v1/tariffs/{tariff_id}/rates/{later['id']}", headers=admin,
                             json={"valid_from": "2026-01-01T01:00:00+01:00"})
    assert moved.status_code == 409
    assert (_rate_count(api), _version(api, tariff_id)) == (2, 3)


# Each bad value as the API gets it (JSON) and as a native deck would carry it (CSV text), with the field named.
BAD_VALUES = [
    ("prefix", "44a", "44a"),
    ("prefix", "+44", "+44"),
    ("prefix", "1" * 25, "1" * 25),
    ("price_per_minute", "-0.01", "-0.01"),
    ("price_per_minute", "0.0123456", "0.0123456"),
    ("initial_block_s", 0, "0"),
    ("increment_s", 0, "0"),
    ("grace_s", -1, "-1"),
    ("connect_fee", "abc", "abc"),
    ("shrink_percent", "2.12345", "2.12345"),
    ("destination", "x" * 121, "x" * 121),
    ("step1_price", None, None),  # step1_after_s sent without its price
    ("valid_until", "2025-12-31T00:00:00Z", "2025-12-31T00:00:00Z"),  # before valid_from
]


@pytest.mark.parametrize(("field", "json_value", "csv_value"), BAD_VALUES)
def test_bad_input_is_a_422_naming_the_field_as_the_deck_parser_refuses_it(
        api: Api, auth_header: Header, field: str, json_value: Any, csv_value: str | None) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    body: dict[str, Any] = {**UK_MOBILE}
    if field == "step1_price":
        body["step1_after_s"] = 300
    else:
        body[field] = json_value
    response = _add(api, admin, tariff_id, **body)
    assert response.status_code == 422, response.text
    assert response.json()["detail"][0]["loc"] == ["body", field]
    assert (_rate_count(api), _version(api, tariff_id)) == (0, 1)

    row = {**body, "step1_after_s": body.get("step1_after_s", "")}
    if csv_value is not None:
        row[field] = csv_value
    header = list(row)
    with pytest.raises(DeckError) as refused:
        parse_deck([",".join(header) + "\n", ",".join(str(row[name]) for name in header) + "\n"], starts=T0)
    assert refused.value.problems[0].startswith("line 2:")


def test_patch_refuses_null_for_a_value_every_rate_has_and_a_now_broken_pair(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api)
    rate = _add(api, admin, tariff_id, **UK_MOBILE, step1_after_s=300, step1_price="0.03").json()
    url = f"/api/v1/tariffs/{tariff_id}/rates/{rate['id']}"
    for body, field in (({"increment_s": None}, "increment_s"), ({"step1_price": None}, "step1_price"),
                        ({"valid_until": "2025-01-01T00:00:00Z"}, "valid_until"), ({"bogus": 1}, "bogus")):
        response = api.client.patch(url, headers=admin, json=body)
        assert response.status_code == 422, body
        assert response.json()["detail"][0]["loc"] == ["body", field]
    assert _version(api, tariff_id) == 2
    assert api.client.get(url, headers=admin).json() == rate


def test_the_schema_limits_repeat_the_deck_rules() -> None:
    assert rate_schemas.MAX_PREFIX == parsing.MAX_PREFIX
    assert rate_schemas.MAX_DESTINATION == parsing.MAX_DESTINATION
    assert [f.value for f in rate_schemas.DeckFormat] == list(FORMATS)
    assert set(rate_schemas.RateOut.model_fields) - {"id", "tariff_id"} == set(parsing.DeckRow._fields)
    assert set(rate_schemas.RateCreate.model_fields) == set(parsing.DeckRow._fields)


def test_csv_export_is_what_the_cli_writes(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    tariff_id = _tariff(api, 'Retail "2026"/EU')
    _add(api, admin, tariff_id, **UK_MOBILE, step1_after_s=300, step1_price="0.03")
    _add(api, admin, tariff_id, prefix="33", destination='France, "mobile"', price_per_minute="0.0192",
         valid_from="2026-01-01T00:00:00Z", valid_until="2026-04-01T00:00:00Z")
    _add(api, admin, tariff_id, prefix="33", destination="France", price_per_minute="0.018",
         valid_from="2026-04-01T00:00:00Z")
    response = api.client.get(f"/api/v1/tariffs/{tariff_id}/rates.csv", headers=admin)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="Retail-2026-EU.csv"'
    cli = io.StringIO()
    with api.session() as session:
        assert export_deck(session, 'Retail "2026"/EU', cli) == 3
    assert response.text == cli.getvalue()
    in_force = api.client.get(f"/api/v1/tariffs/{tariff_id}/rates.csv?in_force_at=2026-05-01T00:00:00Z",
                              headers=admin).text
    assert [line.split(",")[0] for line in in_force.splitlines()] == ["prefix", "33", "447"]
    assert api.client.get("/api/v1/tariffs/999/rates.csv", headers=admin).status_code == 404
