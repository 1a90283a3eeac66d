"""NAS clients through the API: admin only, the secret encrypted and never returned, bad input a 422 naming the field
with nothing changed (short secret, overlapping address, the switch's own address, a network with host bits)."""

from __future__ import annotations

from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.api.schemas import nas as documented
from switch_service.config.secrets import SecretStore
from switch_service.security.pins import PinCipher
from switch_service.store.models import AuditEntry, NasClient
from switch_service.store.repositories.nas_clients import MAX_SECRET_LENGTH, MIN_SECRET_LENGTH

URL = "/api/v1/nas-clients"
SECRET = "a-gateway-secret-of-24ch"


def _state(api: Api) -> tuple[list[tuple[str, str, bytes, bool, bool]], int]:
    """Every stored NAS client and the number of audit entries: what must not move on a refused request."""
    with Session(api.engine) as session:
        rows = [(row.name, row.address, row.secret_ciphertext, row.enabled, row.require_message_authenticator)
                for row in session.scalars(select(NasClient).order_by(NasClient.id))]
        return rows, session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def _create(api: Api, admin: dict[str, Any], **body: Any) -> dict[str, Any]:
    response = api.client.post(URL, headers=admin, json={"secret": SECRET, **body})
    assert response.status_code == 201, response.text
    answer: dict[str, Any] = response.json()
    return answer


def test_a_nas_client_is_created_listed_changed_and_deleted_and_its_secret_never_leaves(
        api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    nas = _create(api, admin, name="Gateway 7", address="192.0.2.7", require_message_authenticator=False)
    assert (nas["name"], nas["address"], nas["enabled"], nas["require_message_authenticator"], nas["secret_set"]) == (
        "Gateway 7", "192.0.2.7", True, False, True)
    office = _create(api, admin, name="Office", address="198.51.100.0/28")
    listing = api.client.get(URL, headers=admin).json()
    assert [item["id"] for item in listing["items"]] == [nas["id"], office["id"]]
    assert api.client.get(f"{URL}/{nas['id']}", headers=admin).json() == nas

    changed = api.client.patch(f"{URL}/{nas['id']}", headers=admin,
                               json={"address": "192.0.2.0/29", "secret": "a-new-secret-of-20ch", "enabled": False})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["address"], changed.json()["enabled"]) == ("192.0.2.0/29", False)

    cipher = PinCipher(SecretStore().get_or_create("pin_key"))  # the service's key, in this test's config folder
    with Session(api.engine) as session:
        stored = session.get(NasClient, nas["id"])
        assert stored is not None and cipher.decrypt(stored.secret_ciphertext) == "a-new-secret-of-20ch"
        assert b"a-new-secret" not in stored.secret_ciphertext
        audit = " ".join(session.scalars(select(AuditEntry.changes).where(AuditEntry.entity == "nas_client")))
    assert SECRET not in audit and "a-new-secret" not in audit and '"secret": "changed"' in audit
    every_answer = str(listing) + changed.text
    assert SECRET not in every_answer and "a-new-secret" not in every_answer

    assert api.client.delete(f"{URL}/{nas['id']}", headers=admin).status_code == 204
    assert api.client.get(f"{URL}/{nas['id']}", headers=admin).status_code == 404
    again = _create(api, admin, name="Gateway 7", address="192.0.2.7")  # name and address free again
    assert again["id"] != nas["id"]


@pytest.mark.parametrize(("body", "field", "words"), [
    ({"name": "Short", "address": "192.0.2.9", "secret": "short-secret-x"}, "secret", "16 to 128 characters (got 14)"),
    ({"name": "Inside", "address": "198.51.100.5"}, "address", "overlaps NAS client 'Office'"),
    ({"name": "Around", "address": "198.51.0.0/16"}, "address", "overlaps NAS client 'Office'"),
    ({"name": "Loopback", "address": "127.0.0.0/8"}, "address", "the switch's own RADIUS client address"),
    ({"name": "Switch", "address": "127.0.0.1"}, "address", "the switch's own RADIUS client address"),
    ({"name": "Host bits", "address": "203.0.113.5/24"}, "address", "host bits set"),
    ({"name": "Words", "address": "gateway.example"}, "address", "not an IP address"),
    ({"name": "Office", "address": "203.0.113.9"}, "name", "another NAS client is named 'Office'"),
])
def test_bad_input_is_a_422_naming_the_field_and_nothing_changes(
        api: Api, auth_header: Header, body: dict[str, Any], field: str, words: str) -> None:
    admin = auth_header(api.login("admin"))
    _create(api, admin, name="Office", address="198.51.100.0/28")
    before = _state(api)
    response = api.client.post(URL, headers=admin, json={"secret": SECRET, **body})
    assert response.status_code == 422, response.text
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", field]
    assert words in problem["msg"]
    assert SECRET not in response.text and "short-secret-x" not in response.text  # a secret is never echoed
    assert _state(api) == before


def test_a_change_that_would_overlap_is_refused_and_a_nas_may_keep_its_own_address(
        api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    office = _create(api, admin, name="Office", address="198.51.100.0/28")
    gateway = _create(api, admin, name="Gateway", address="192.0.2.7")
    before = _state(api)
    refused = api.client.patch(f"{URL}/{gateway['id']}", headers=admin, json={"address": "198.51.100.1"})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "address"]
    short = api.client.patch(f"{URL}/{gateway['id']}", headers=admin, json={"secret": "too-short"})
    assert short.status_code == 422 and short.json()["detail"][0]["loc"] == ["body", "secret"]
    assert _state(api) == before
    same = api.client.patch(f"{URL}/{office['id']}", headers=admin, json={"address": "198.51.100.0/28",
                                                                         "name": "Head office"})
    assert same.status_code == 200 and same.json()["name"] == "Head office"


def test_only_admins_see_or_touch_nas_clients(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    nas = _create(api, admin, name="Gateway", address="192.0.2.7")
    for user in ("support", "north"):
        headers = auth_header(api.login(user))
        assert api.client.get(URL, headers=headers).status_code == 403
        assert api.client.get(f"{URL}/{nas['id']}", headers=headers).status_code == 403
        assert api.client.post(URL, headers=headers, json={"name": "X", "address": "192.0.2.99",
                                                           "secret": SECRET}).status_code == 403
        assert api.client.delete(f"{URL}/{nas['id']}", headers=headers).status_code == 403
    assert len(_state(api)[0]) == 1


def test_the_documented_secret_length_is_the_stored_rule() -> None:
    assert (documented.MIN_SECRET_LENGTH, documented.MAX_SECRET_LENGTH) == (MIN_SECRET_LENGTH, MAX_SECRET_LENGTH)

