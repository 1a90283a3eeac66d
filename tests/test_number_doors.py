"""Every door reads a number alike (issue 17): the API storing an ANI or a DID, routing's explain, the switch's
lookups, the RADIUS policy finding the caller, and the switch handing its keys to RADIUS — for numbers of several
countries in every usual form, on SQLite, PostgreSQL and MariaDB, in two regions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import phonenumbers
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType
from sqlalchemy import Engine, delete
from sqlalchemy.orm import Session

from switch_service.aaa.billing_policy import BillingPolicy
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.messages import AuthRequest
from switch_service.api.app import create_app
from switch_service.call_control.aaa_link import as_sent
from switch_service.call_control.lookups import load_switch_data
from switch_service.config import settings as settings_module
from switch_service.phone_numbers import normalise_number
from switch_service.store.callers import find_ani
from switch_service.store.models import Account, Ani, Did
from switch_service.store.models.enums import Role
from switch_service.store.repositories.routing import dialled_number
from switch_service.store.repositories.users import add_user

PASSWORD = "correct horse battery"
GATEWAY = "192.0.2.9"  # a third-party gateway, not the switch: its account-id would not be believed
COUNTRIES = ["US", "CA", "GB", "NO", "SG", "DE", "FR", "IT", "AU", "IN", "MX", "BR", "BE", "DK"]


@dataclass
class Doors:
    client: TestClient
    headers: dict[str, str]
    engine: Engine
    region: str
    account_id: int
    policy: BillingPolicy

    def add_ani(self, number: str) -> Any:
        return self.client.post(f"/api/v1/accounts/{self.account_id}/anis", headers=self.headers,
                                json={"number": number})

    def add_did(self, number: str) -> Any:
        return self.client.post("/api/v1/dids", headers=self.headers,
                                json={"number": number, "kind": "access_number"})

    def radius_finds(self, request: AuthRequest) -> bool:
        """Whether the RADIUS policy identifies the caller: a known caller dialling nothing, with no stored
        destination, is the first stage of a prepaid IVR (authenticated: OK, nothing held); an unknown one an
        invalid account."""
        code = self.policy.authorize(request).return_code
        assert code in (ReturnCode.OK, ReturnCode.INVALID_ACCOUNT), code
        return code is ReturnCode.OK

    def switch_finds(self, key: str) -> bool:
        """Whether the switch's snapshot and its database fallback know the caller key."""
        with Session(self.engine) as session:
            data = load_switch_data(session, dt.datetime.now(dt.UTC))
            in_db = find_ani(session, key)
        in_snapshot = data.callers.anis.get(key)
        assert (in_snapshot is None) == (in_db is None)
        return in_db is not None and in_db.account_id == self.account_id

    def forget(self) -> None:
        with Session(self.engine) as session, session.begin():
            session.execute(delete(Ani))
            session.execute(delete(Did))


@pytest.fixture(params=["US", "GB"])
def doors(request: pytest.FixtureRequest, db_engine: Engine) -> Iterator[Doors]:
    region = str(request.param)
    with Session(db_engine) as session:
        add_user(session, "admin", PASSWORD, Role.ADMIN)
        account = Account(number="A1", name="Alice")
        session.add(account)
        session.commit()
        account_id = account.id
    loaded = settings_module.load()
    configured = settings_module.Settings({**loaded.values, "default_region": region}, loaded.source)
    policy = BillingPolicy(db_engine, default_region=region)
    with TestClient(create_app(db_engine, configured, secrets_fallback=True)) as client:
        login = client.post("/api/v1/auth/login", json={"username": "admin", "password": PASSWORD})
        assert login.status_code == 200, login.text
        yield Doors(client, {"Authorization": f"Bearer {login.json()['token']}"}, db_engine, region, account_id,
                    policy)


@st.composite
def phone_numbers(draw: st.DrawFn) -> PhoneNumber:
    """A valid number: a country's example fixed-line or mobile number with its last digits drawn."""
    country = draw(st.sampled_from(COUNTRIES))
    kind = draw(st.sampled_from([PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE]))
    example = phonenumbers.example_number_for_type(country, kind)
    assume(example is not None)
    e164 = phonenumbers.format_number(example, PhoneNumberFormat.E164)
    number = phonenumbers.parse(e164[:-3] + draw(st.text("0123456789", min_size=3, max_size=3)))
    assume(phonenumbers.is_valid_number(number))
    return number


def written(number: PhoneNumber, form: str, region: str) -> str:
    """`number` as a person, a PBX or a carrier may write it."""
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    return {
        "e164": e164,
        "international": international,
        "dashes": international.replace(" ", "-"),
        "00": "00 " + e164[1:],
        "idd": ("011 " if region == "US" else "00") + e164[1:],
        "bare": e164[1:],
        "national": phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
    }[form]


FORMS = st.sampled_from(["e164", "international", "dashes", "00", "idd", "bare", "national"])


def expected_key(number: PhoneNumber, form: str, region: str) -> str:
    """What the rule makes of the form: the number itself, except bare digits that are a valid number of the
    region (the region's reading wins) — written independently of the code under test."""
    digits = phonenumbers.format_number(number, PhoneNumberFormat.E164)[1:]
    if form == "bare":
        national = phonenumbers.parse(digits, region)
        if phonenumbers.is_valid_number(national):
            return phonenumbers.format_number(national, PhoneNumberFormat.E164)[1:]
    return digits


def usable(number: PhoneNumber, form: str, region: str) -> bool:
    """A national form is only a form of the number in its own country (NANP shares one)."""
    return form != "national" or phonenumbers.region_code_for_number(number) == region or (
        number.country_code == 1 and region == "US")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=phone_numbers(), stored_form=FORMS, sent_form=FORMS)
def test_every_door_gives_the_same_key(doors: Doors, number: PhoneNumber, stored_form: str, sent_form: str) -> None:
    region = doors.region
    assume(usable(number, stored_form, region) and usable(number, sent_form, region))
    stored, sent = written(number, stored_form, region), written(number, sent_form, region)
    key, sent_key = expected_key(number, stored_form, region), expected_key(number, sent_form, region)
    try:
        response = doors.add_ani(stored)
        assert response.status_code == 201, response.text
        assert response.json()["number"] == key  # the API door
        did = doors.add_did(sent)
        assert did.status_code == 201, did.text
        assert did.json()["number"] == sent_key  # the API door again, for DIDs
        assert dialled_number(sent, region) == sent_key  # routing's explain
        switch_key = normalise_number(sent, region)  # what the switch makes of a request-URI or caller
        assert switch_key == sent_key
        same = sent_key == key
        assert doors.switch_finds(switch_key) is same
        doors.policy.reload()  # the snapshot path (a number newer than the snapshot is read from the database)
        assert doors.radius_finds(AuthRequest(sent, calling_station_id=sent, conf_id="gw-1",
                                              source_address=GATEWAY)) is same  # a gateway's form
        assert doors.radius_finds(as_sent(AuthRequest(switch_key, calling_station_id=switch_key, conf_id="sw-1",
                                                      source_address=GATEWAY), [])) is same  # the switch's key
    finally:
        doors.forget()


def test_an_ani_stored_in_national_form_is_found_in_e164_and_back(doors: Doors) -> None:
    """The issue's case: a national ANI stored through the API, the carrier sending E.164 (and the reverse)."""
    national, international = ("305-555-0101", "+13055550101") if doors.region == "US" else (
        "020 7946 0958", "+442079460958")
    for stored, sent in ((national, international), (international, national), (national, national.replace(
            "-", "").replace(" ", ""))):
        response = doors.add_ani(stored)
        assert response.status_code == 201, response.text
        key = response.json()["number"]
        assert key == international[1:]
        assert doors.radius_finds(AuthRequest(sent, calling_station_id=sent, conf_id="c", source_address=GATEWAY))
        assert doors.switch_finds(normalise_number(sent, doors.region))
        doors.forget()


def test_dids_take_bare_international_digits(doors: Doors) -> None:
    response = doors.add_did("442071234567")
    assert response.status_code == 201, response.text
    assert response.json()["number"] == "442071234567"
    assert dialled_number("442071234567", doors.region) == "442071234567"


def test_a_foreign_key_survives_the_hop_to_radius(doors: Doors) -> None:
    """+47 55 12 34 56 is kept as 4755123456, which read as dialled in the US is 1 475 512 3456: the switch hands
    the key on with '+', so RADIUS finds the Norwegian caller and not a US one."""
    response = doors.add_ani("+47 55 12 34 56")
    assert response.json()["number"] == "4755123456"
    key = normalise_number("+4755123456", doors.region)
    assert doors.switch_finds(key)
    assert doors.radius_finds(as_sent(AuthRequest(key, calling_station_id=key, conf_id="sw", source_address=GATEWAY),
                                      []))


def test_the_switch_and_radius_hold_the_same_callers(doors: Doors) -> None:
    """Who is who, as an operator sets it up through the API, is one snapshot: the switch's and the RADIUS
    process's are equal entry by entry (DIDs with their surcharge, ANIs with their destination, IP and digest
    trunks)."""
    national = "305-555-0101" if doors.region == "US" else "020 7946 0958"
    assert doors.add_ani(national).status_code == 201
    did = doors.client.post("/api/v1/dids", headers=doors.headers, json={
        "number": "+1 888 555 0123", "kind": "forward", "account_id": doors.account_id,
        "forward_to": "+44 20 7946 0018", "surcharge_per_call": "0.05"})
    assert did.status_code == 201, did.text
    for trunk in ({"name": "pbx-ip", "auth": "ip", "source_ip": "192.0.2.10"},
                  {"name": "pbx-digest", "auth": "digest", "username": "pbx", "password": "trunk-secret"}):
        made = doors.client.post("/api/v1/trunks", headers=doors.headers,
                                 json={**trunk, "account_id": doors.account_id})
        assert made.status_code == 201, made.text
    doors.policy.reload()
    with Session(doors.engine) as session:
        switch = load_switch_data(session, dt.datetime.now(dt.UTC)).callers
    radius = doors.policy._current().callers
    assert switch == radius
    assert set(switch.anis) == {"13055550101" if doors.region == "US" else "442079460958"}
    [forward] = switch.dids.values()
    assert (forward.number, forward.forward_to) == ("18885550123", "442079460018")
    assert forward.surcharge is not None and forward.surcharge.per_call == Decimal("0.05")
    assert set(switch.trunks_by_ip) == {"192.0.2.10"} and set(switch.trunks_by_user) == {"pbx"}
    doors.forget()


def test_an_accounts_country_reads_its_national_forms(doors: Doors) -> None:
    """A French customer of an operator in `default_region`: its caller numbers, destinations and speed dials in
    French national form are read as French at the API, and a third-party gateway's national dialled number is
    rated as French by RADIUS; a country phonenumbers does not know is a 422 naming the field, nothing changed."""
    client, headers = doors.client, doors.headers
    made = client.post("/api/v1/accounts", headers=headers, json={"number": "FR1", "name": "Amélie", "country": "fr"})
    assert made.status_code == 201, made.text
    assert made.json()["country"] == "FR"
    account = made.json()["id"]
    ani = client.post(f"/api/v1/accounts/{account}/anis", headers=headers,
                      json={"number": "06 12 34 56 78", "destination": "01 23 45 67 89"})
    assert ani.status_code == 201, ani.text
    assert (ani.json()["number"], ani.json()["destination"]) == ("33612345678", "33123456789")
    speed = client.post(f"/api/v1/accounts/{account}/speed-dials", headers=headers,
                        json={"slot": 1, "number": "01 23 45 67 80"})
    assert speed.status_code == 201, speed.text
    assert speed.json()["number"] == "33123456780"
    refused = client.patch(f"/api/v1/accounts/{account}", headers=headers, json={"country": "XX"})
    assert refused.status_code == 422 and "country" in refused.text and "XX" in refused.text
    assert client.get(f"/api/v1/accounts/{account}", headers=headers).json()["country"] == "FR"

    tariff = client.post("/api/v1/tariffs", headers=headers, json={"name": "Retail"}).json()["id"]
    rate = client.post(f"/api/v1/tariffs/{tariff}/rates", headers=headers, json={
        "prefix": "33", "destination": "France", "price_per_minute": "0.10", "valid_from": "2020-01-01T00:00:00Z"})
    assert rate.status_code == 201, rate.text
    assert client.patch(f"/api/v1/accounts/{account}", headers=headers, json={"tariff_id": tariff}).status_code == 200
    assert client.post(f"/api/v1/accounts/{account}/payments", headers=headers,
                       json={"amount": "5.00"}).status_code == 201
    doors.policy.reload()
    dialled = AuthRequest("+33612345678", calling_station_id="+33612345678", called_station_id="01 23 45 67 89",
                          conf_id="fr-1", source_address=GATEWAY)
    assert doors.policy.authorize(dialled).return_code is ReturnCode.OK  # read as +33 1 23 45 67 89
    assert client.patch(f"/api/v1/accounts/{account}", headers=headers, json={"country": None}).json()[
        "country"] is None
    again = AuthRequest("+33612345678", calling_station_id="+33612345678", called_station_id="01 23 45 67 89",
                        conf_id="fr-2", source_address=GATEWAY)
    assert doors.policy.authorize(again).return_code is not ReturnCode.OK  # read in the default region: no rate


def test_a_dids_and_a_trunks_country(doors: Doors) -> None:
    """A DID's number and forward_to are read as of its country; a trunk keeps its own; a caller presenting its
    national form on the DID is found by RADIUS when the gateway names the DID."""
    client, headers = doors.client, doors.headers
    did = client.post("/api/v1/dids", headers=headers, json={
        "number": "01 23 45 67 00", "kind": "access_number", "country": "FR"})
    assert did.status_code == 201, did.text
    assert (did.json()["number"], did.json()["country"]) == ("33123456700", "FR")
    trunk = client.post("/api/v1/trunks", headers=headers, json={
        "account_id": doors.account_id, "name": "pbx-de", "auth": "ip", "source_ip": "192.0.2.20", "country": "de"})
    assert trunk.status_code == 201, trunk.text
    assert trunk.json()["country"] == "DE"
    bad = client.patch(f"/api/v1/dids/{did.json()['id']}", headers=headers, json={"country": "ZZ"})
    assert bad.status_code == 422 and "country" in bad.text
    assert doors.add_ani("+33 6 12 34 56 78").status_code == 201
    doors.policy.reload()
    national = AuthRequest("06 12 34 56 78", calling_station_id="06 12 34 56 78", conf_id="fr-3",
                           source_address=GATEWAY, avpairs=("did=+33123456700",))
    assert doors.radius_finds(national)
    doors.forget()
