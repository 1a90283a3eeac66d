"""Sign-in, tokens, roles and the audit trail, against a real migrated SQLite database."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from api_harness import PASSWORD, Api, Header
from sqlalchemy import select, update

from switch_service.api.audit import record_audit
from switch_service.store.migrate import head_revision
from switch_service.store.models import ApiSession, AuditEntry, User
from switch_service.store.types import utcnow


def test_health_needs_no_sign_in(api: Api, isolated_dirs: Path) -> None:
    body = api.client.get("/api/v1/health").json()
    assert body["status"] == "ok"
    assert body["database"] == "sqlite"
    assert body["secrets_fallback"] is True
    assert body["version"]
    assert body["instance_id"] == (isolated_dirs / "data" / "instance-id").read_text(encoding="ascii").strip()
    assert body["schema_revision"] == head_revision(api.engine)
    # Where its data lives and its process are told only to clients on the same machine (not this test client).
    assert (body["data_dir"], body["database_url"], body["pid"]) == ("", "", None)


def test_login_returns_token_user_and_expiry_and_stores_only_the_hash(api: Api) -> None:
    before = utcnow()
    response = api.client.post("/api/v1/auth/login", json={"username": "admin", "password": PASSWORD})
    assert response.status_code == 200
    body = response.json()
    assert body["user"]["username"] == "admin"
    assert body["user"]["role"] == "admin"
    expires_at = dt.datetime.fromisoformat(body["expires_at"])
    assert dt.timedelta(minutes=479) < expires_at - before < dt.timedelta(minutes=481)
    with api.session() as session:
        hashes = list(session.scalars(select(ApiSession.token_hash)))
    assert hashes == [hashlib.sha256(body["token"].encode()).hexdigest()]


def test_wrong_password_is_401_with_a_message(api: Api) -> None:
    response = api.client.post("/api/v1/auth/login", json={"username": "admin", "password": "not it!!"})
    assert response.status_code == 401
    assert response.json()["detail"] == "wrong user name or password"
    response = api.client.post("/api/v1/auth/login", json={"username": "nobody", "password": "whatever"})
    assert response.status_code == 401


def test_missing_and_unknown_tokens_are_401(api: Api, auth_header: Header) -> None:
    missing = api.client.get("/api/v1/auth/me")
    assert missing.status_code == 401
    assert "sign in" in missing.json()["detail"]
    assert missing.headers["www-authenticate"] == "Bearer"
    unknown = api.client.get("/api/v1/auth/me", headers=auth_header("made-up-token"))
    assert unknown.status_code == 401
    assert "sign in again" in unknown.json()["detail"]


def test_expired_token_is_401(api: Api, auth_header: Header) -> None:
    token = api.login("support")
    assert api.client.get("/api/v1/auth/me", headers=auth_header(token)).status_code == 200
    with api.session() as session:
        session.execute(update(ApiSession).values(expires_at=utcnow() - dt.timedelta(seconds=1)))
        session.commit()
    assert api.client.get("/api/v1/auth/me", headers=auth_header(token)).status_code == 401


def test_logout_deletes_the_session(api: Api, auth_header: Header) -> None:
    token = api.login("admin")
    assert api.client.post("/api/v1/auth/logout", headers=auth_header(token)).status_code == 204
    assert api.client.get("/api/v1/auth/me", headers=auth_header(token)).status_code == 401
    with api.session() as session:
        assert session.scalar(select(ApiSession.id)) is None


def test_two_users_signed_in_at_once(api: Api, auth_header: Header) -> None:
    admin = api.login("admin")
    support = api.login("support")
    admin_again = api.login("admin")  # a second desktop of the same user
    me = {t: api.client.get("/api/v1/auth/me", headers=auth_header(t)).json()["username"]
          for t in (admin, support, admin_again)}
    assert me == {admin: "admin", support: "support", admin_again: "admin"}
    api.client.post("/api/v1/auth/logout", headers=auth_header(admin))
    assert api.client.get("/api/v1/auth/me", headers=auth_header(support)).status_code == 200
    assert api.client.get("/api/v1/auth/me", headers=auth_header(admin_again)).status_code == 200


def test_inactive_user_cannot_use_an_open_token(api: Api, auth_header: Header) -> None:
    token = api.login("support")
    with api.session() as session:
        session.execute(update(User).where(User.username == "support").values(active=False))
        session.commit()
    assert api.client.get("/api/v1/auth/me", headers=auth_header(token)).status_code == 401


def test_role_refusal_is_403_with_a_message(api: Api, auth_header: Header) -> None:
    token = api.login("north")
    response = api.client.post("/api/v1/accounts", headers=auth_header(token),
                               json={"number": "100", "name": "Not allowed", "dial_plan_id": 1})
    assert response.status_code == 403
    assert "reseller role may not set dial_plan_id" in response.json()["detail"]


def test_sign_in_and_account_creation_are_audited(api: Api, auth_header: Header) -> None:
    token = api.login("support")
    response = api.client.post("/api/v1/accounts", headers=auth_header(token),
                               json={"number": "4420", "name": "Audited Ltd", "credit_limit": "12.5"})
    assert response.status_code == 201
    account_id = response.json()["id"]
    with api.session() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    assert [(e.actor, e.action, e.entity) for e in entries] == [
        ("support", "login", "api_session"),
        ("support", "create", "account"),
    ]
    created = entries[1]
    assert created.entity_id == str(account_id)
    assert created.user_id is not None
    changes = json.loads(created.changes)
    assert changes["number"] == "4420"
    assert changes["credit_limit"] == "12.500000"


def test_failed_write_leaves_no_audit_entry(api: Api, auth_header: Header) -> None:
    token = api.login("admin")
    body = {"number": "1", "name": "First"}
    assert api.client.post("/api/v1/accounts", headers=auth_header(token), json=body).status_code == 201
    assert api.client.post("/api/v1/accounts", headers=auth_header(token), json=body).status_code == 409
    with api.session() as session:
        actions = list(session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "account")))
    assert actions == ["create"]


def test_record_audit_writes_decimal_and_dates_as_text(api: Api) -> None:
    from decimal import Decimal

    with api.session() as session:
        user = session.scalars(select(User).where(User.username == "admin")).one()
        record_audit(session, user, "adjust", "account", 7,
                     {"amount": Decimal("1.10"), "at": dt.datetime(2026, 1, 2, tzinfo=dt.UTC)})
        session.commit()
        entry = session.scalars(select(AuditEntry)).one()
    assert entry.entity_id == "7"
    assert json.loads(entry.changes) == {"amount": "1.10", "at": "2026-01-02T00:00:00+00:00"}
