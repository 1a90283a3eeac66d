"""What a rate deck may look like, from the API: the layouts and their columns, the layout a header is read as,
and a native template that imports as it is."""

from __future__ import annotations

from pathlib import Path

from api_harness import Api, Header

DECKS = Path(__file__).resolve().parents[1] / "data" / "decks"
URL = "/api/v1/rate-decks"


def test_the_layouts_list_their_columns(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    layouts = api.client.get(f"{URL}/formats", headers=admin).json()["layouts"]
    assert [layout["format"] for layout in layouts] == ["native", "a2billing", "astpp", "magnus"]
    native = layouts[0]
    assert [column["column"] for column in native["columns"]][:3] == ["prefix", "destination", "price_per_minute"]
    assert native["required"] == ["prefix", "price_per_minute"]
    a2billing = layouts[1]
    assert {"column": "rateinitial", "native": "price_per_minute"} in a2billing["columns"]
    assert "buyrate" in a2billing["ignored"] and "chargea" in a2billing["unsupported"]
    support = auth_header(api.login("support"))
    assert api.client.get(f"{URL}/formats", headers=support).status_code == 403


def test_a_header_is_recognised_as_an_import_would(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))

    def detect(first_line: str) -> dict[str, object]:
        response = api.client.post(f"{URL}/detect", headers=admin, json={"first_line": first_line})
        assert response.status_code == 200, response.text
        return dict(response.json())

    for name in ("native", "a2billing", "astpp", "magnus"):
        first_line = (DECKS / f"{name}.csv").read_text(encoding="utf-8-sig").splitlines()[0]
        assert detect(first_line) == {"format": name, "unknown_columns": [], "missing_columns": []}, name
    assert detect("\ufeff Prefix,PRICE_PER_MINUTE,colour") == {
        "format": "native", "unknown_columns": ["colour"], "missing_columns": []}
    assert detect("dialprefix;destination") == {
        "format": "a2billing", "unknown_columns": [], "missing_columns": ["rateinitial"]}
    assert detect("code,cost per minute") == {"format": None, "unknown_columns": [], "missing_columns": []}
    too_long = api.client.post(f"{URL}/detect", headers=admin, json={"first_line": "x" * 10_001})
    assert too_long.status_code == 422 and too_long.json()["field"] == "first_line"


def test_the_template_imports_as_it_is(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    template = api.client.get(f"{URL}/template.csv", headers=admin)
    assert template.status_code == 200 and template.headers["content-type"].startswith("text/csv")
    header, example = template.text.splitlines()
    assert header.startswith("prefix,destination,price_per_minute,initial_block_s,increment_s,")
    assert example.startswith("44,United Kingdom - fixed,0.0123,60,60,")
    tariff = api.client.post("/api/v1/tariffs", headers=admin, json={"name": "From the template"}).json()["id"]
    started = api.client.post(f"/api/v1/tariffs/{tariff}/imports", headers=admin,
                              files={"file": ("template.csv", template.content, "text/csv")})
    assert started.status_code == 202, started.text
    job = api.wait_job(admin, started.json()["id"])
    assert (job["state"], job["result"]["rows"], job["result"]["format"]) == ("succeeded", 1, "native")
