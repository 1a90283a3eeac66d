"""Ids beyond a signed 64-bit integer: SQLite cannot even compare one, so every route must refuse it with a 422 that
names the parameter (it used to be a 500 on every route). Checked on every operation of the OpenAPI document. Ids
are bounded by MAX_ID (2**53 - 1, what a JSON number keeps exactly in every client)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from api_harness import Api, Header, openapi

from switch_service.api.schemas import MAX_ID

TOO_BIG = 2**63  # the smallest id that used to crash SQLite
DOCUMENT = openapi()


def _unbounded(schema: dict[str, Any], where: str, seen: frozenset[str] = frozenset()) -> Iterator[str]:
    """The integers in `schema` (followed through $ref, anyOf, properties, items) that have no maximum."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            yield from _unbounded(DOCUMENT["components"]["schemas"][name], where, seen | {name})
        return
    if schema.get("type") == "integer" and "maximum" not in schema:
        yield where
    for part in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
        yield from _unbounded(part, where, seen)
    for name, field in schema.get("properties", {}).items():
        yield from _unbounded(field, f"{where}.{name}", seen)
    if "items" in schema:
        yield from _unbounded(schema["items"], f"{where}[]", seen)


def _operations() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, operations in DOCUMENT["paths"].items():
        for method, operation in operations.items():
            yield method, path, operation


def test_every_integer_a_request_carries_has_an_upper_bound() -> None:
    unbounded = []
    for method, path, operation in _operations():
        for parameter in operation.get("parameters", []):
            unbounded += _unbounded(parameter["schema"], f"{method} {path} {parameter['in']}:{parameter['name']}")
        for content in operation.get("requestBody", {}).get("content", {}).values():
            unbounded += _unbounded(content["schema"], f"{method} {path} body")
    assert unbounded == []


def _id_parameters() -> Iterator[tuple[str, str, str, str, list[str]]]:
    """(method, path, where, name, the path's parameter names) of every integer id or `after` a route takes."""
    for method, path, operation in _operations():
        parameters = operation.get("parameters", [])
        for parameter in parameters:
            schema = parameter["schema"]
            integer = "integer" in [schema.get("type")] + [part.get("type") for part in schema.get("anyOf", [])]
            if integer and (parameter["name"] == "after" or parameter["name"].endswith("_id")):
                yield (method, path, parameter["in"], parameter["name"],
                       [p["name"] for p in parameters if p["in"] == "path"])


def test_an_id_beyond_64_bits_is_a_422_naming_the_parameter_on_every_route(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    checked, wrong = 0, []
    for method, path, where, name, path_names in _id_parameters():
        values = {other: TOO_BIG if other == name else 1 for other in path_names}
        params = {name: TOO_BIG} if where == "query" else {}
        response = api.client.request(method.upper(), path.format(**values), params=params, headers=admin)
        checked += 1
        if response.status_code != 422 or [where, name] not in [e["loc"] for e in response.json()["detail"]]:
            wrong.append(f"{method} {path} {name}: {response.status_code} {response.text[:200]}")
    assert wrong == []
    assert checked > 60  # every route with an id in its path, a filter by id or a cursor


@pytest.mark.parametrize(("path", "body", "field"), [
    ("/api/v1/accounts", {"number": "9", "name": "Nine", "reseller_id": TOO_BIG}, "reseller_id"),
    ("/api/v1/resellers", {"name": "Big", "parent_id": TOO_BIG}, "parent_id"),
    ("/api/v1/vouchers/redeem", {"code": "1234567890", "account_id": TOO_BIG}, "account_id"),
])
def test_an_id_beyond_64_bits_in_a_body_is_a_422_naming_the_field(api: Api, auth_header: Header, path: str,
                                                                  body: dict[str, Any], field: str) -> None:
    response = api.client.post(path, json=body, headers=auth_header(api.login("admin")))
    assert response.status_code == 422, response.text
    assert [error["loc"] for error in response.json()["detail"]] == [["body", field]]


def test_the_largest_id_is_an_ordinary_miss_and_one_more_a_422(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    assert api.client.get(f"/api/v1/accounts/{MAX_ID}", headers=admin).status_code == 404
    beyond = api.client.get(f"/api/v1/accounts/{MAX_ID + 1}", headers=admin)
    assert (beyond.status_code, beyond.json()["detail"][0]["loc"]) == (422, ["path", "account_id"])
    page = api.client.get("/api/v1/cdrs", params={"account_id": MAX_ID, "after": MAX_ID}, headers=admin)
    assert (page.status_code, page.json()["items"]) == (200, [])
