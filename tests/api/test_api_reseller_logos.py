"""A white-label reseller's logo through the API: stored and read back byte for byte, set by an admin or by the
reseller's own users, refused (422 naming why, nothing stored) for a file that is not a PNG or JPEG logo of a
sensible size, or for a reseller that is not white label."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from api_harness import Api, Header
from sqlalchemy import select

from switch_service.documents.logos import MAX_BYTES
from switch_service.store.models import AuditEntry

LOGOS = Path(__file__).parent.parent / "data" / "logos"


def _put(api: Api, headers: dict[str, Any], reseller_id: int, data: bytes, media_type: str = "image/png") -> Any:
    return api.client.put(f"/api/v1/resellers/{reseller_id}/logo", content=data,
                          headers={**headers, "Content-Type": media_type})


def _white_label(api: Api, admin: dict[str, Any], parent_id: int) -> int:
    response = api.client.post("/api/v1/resellers", headers=admin, json={
        "name": "Brandy", "kind": "white_label", "brand_name": "Brandy Mobile", "parent_id": parent_id})
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_an_admin_stores_reads_and_removes_a_logo(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    brandy = _white_label(api, admin, resellers["north"])
    assert api.client.get(f"/api/v1/resellers/{brandy}/logo", headers=admin).status_code == 404
    png = (LOGOS / "brandy.png").read_bytes()
    stored = _put(api, admin, brandy, png)
    assert stored.status_code == 200, stored.text
    assert {key: stored.json()[key] for key in ("media_type", "width", "height", "size")} == {
        "media_type": "image/png", "width": 240, "height": 80, "size": len(png)}
    back = api.client.get(f"/api/v1/resellers/{brandy}/logo", headers=admin)
    assert back.status_code == 200 and back.content == png and back.headers["content-type"] == "image/png"
    assert api.client.get(f"/api/v1/resellers/{brandy}", headers=admin).json()["has_logo"] is True

    jpeg = (LOGOS / "north.jpg").read_bytes()  # replaced, whatever Content-Type the client sent
    assert _put(api, admin, brandy, jpeg, "application/octet-stream").json()["media_type"] == "image/jpeg"
    assert api.client.get(f"/api/v1/resellers/{brandy}/logo", headers=admin).content == jpeg

    assert api.client.delete(f"/api/v1/resellers/{brandy}/logo", headers=admin).status_code == 204
    assert api.client.get(f"/api/v1/resellers/{brandy}/logo", headers=admin).status_code == 404
    assert api.client.delete(f"/api/v1/resellers/{brandy}/logo", headers=admin).status_code == 404
    assert api.client.get(f"/api/v1/resellers/{brandy}", headers=admin).json()["has_logo"] is False
    with api.session() as session:
        audited = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "reseller_logo")
                                  .order_by(AuditEntry.id)).all()
    assert audited == ["update", "update", "delete"]


@pytest.mark.parametrize(("name", "reason"), [
    ("logo.gif", "only PNG and JPEG"),
    ("not_an_image.png", "not an image"),
    ("truncated.png", "cannot be decoded"),
    ("too_wide.png", "2400 x 40 pixels"),
])
def test_a_bad_file_is_refused_naming_why_and_the_old_logo_stays(api: Api, auth_header: Header,
                                                                 resellers: dict[str, int], name: str,
                                                                 reason: str) -> None:
    admin = auth_header(api.login("admin"))
    brandy = _white_label(api, admin, resellers["north"])
    png = (LOGOS / "brandy.png").read_bytes()
    assert _put(api, admin, brandy, png).status_code == 200
    refused = _put(api, admin, brandy, (LOGOS / name).read_bytes())
    assert refused.status_code == 422, refused.text
    assert reason in refused.text
    assert api.client.get(f"/api/v1/resellers/{brandy}/logo", headers=admin).content == png


def test_an_empty_or_oversized_file_is_refused(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    brandy = _white_label(api, admin, resellers["north"])
    empty = _put(api, admin, brandy, b"")
    assert empty.status_code == 422 and "empty" in empty.text
    padded = (LOGOS / "brandy.png").read_bytes() + bytes(MAX_BYTES)  # a valid PNG with a tail past the limit
    large = _put(api, admin, brandy, padded)
    assert large.status_code == 422 and f"at most {MAX_BYTES} " in large.text
    assert api.client.get(f"/api/v1/resellers/{brandy}/logo", headers=admin).status_code == 404


def test_who_may_set_a_logo(api: Api, auth_header: Header, resellers: dict[str, int]) -> None:
    """A reseller user sets its own white-label reseller's logo (not one below it, not another's); support never;
    a reseller that is not white label has none."""
    admin = auth_header(api.login("admin"))
    png = (LOGOS / "brandy.png").read_bytes()
    north = resellers["north"]
    refused = _put(api, admin, north, png)  # usage_based
    assert refused.status_code == 422 and "only a white_label reseller" in refused.text
    assert api.client.patch(f"/api/v1/resellers/{north}", headers=admin,
                            json={"kind": "white_label"}).status_code == 200
    brandy = _white_label(api, admin, north)
    north_user, south_user = auth_header(api.login("north")), auth_header(api.login("south"))
    assert _put(api, north_user, north, png).status_code == 200
    assert api.client.get(f"/api/v1/resellers/{north}/logo", headers=north_user).content == png
    assert _put(api, north_user, brandy, png).status_code == 403  # below it: its own only
    assert api.client.delete(f"/api/v1/resellers/{brandy}/logo", headers=north_user).status_code == 403
    assert _put(api, south_user, north, png).status_code == 404
    assert api.client.get(f"/api/v1/resellers/{north}/logo", headers=south_user).status_code == 404
    assert _put(api, auth_header(api.login("support")), north, png).status_code == 403
    assert api.client.delete(f"/api/v1/resellers/{north}/logo", headers=north_user).status_code == 204
