"""A real migrated SQLite database, real users and the real app, driven through Starlette's TestClient."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from api_harness import PASSWORD, Api
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.api.app import create_app
from switch_service.config import settings as settings_module
from switch_service.store.engine import make_engine
from switch_service.store.migrate import upgrade
from switch_service.store.models import Reseller
from switch_service.store.models.enums import ResellerKind, Role
from switch_service.store.repositories.users import add_user
from tests.conftest import with_fixture_password


@dataclass(frozen=True)
class Template:
    """A migrated database with resellers and users, built once; each test works on its own copy."""

    path: Path
    resellers: dict[str, int]
    users: dict[str, int]


def _populate(engine: Engine) -> tuple[dict[str, int], dict[str, int]]:
    """Resellers north -> north-east and an unrelated south; an admin, a support and two reseller users."""
    with Session(engine) as session:
        north = Reseller(name="North", kind=ResellerKind.USAGE_BASED)
        south = Reseller(name="South", kind=ResellerKind.USAGE_BASED)
        session.add_all([north, south])
        session.flush()
        north_east = Reseller(name="North-East", kind=ResellerKind.PINLESS, parent_id=north.id)
        session.add(north_east)
        session.flush()
        resellers = {"north": north.id, "south": south.id, "north_east": north_east.id}
        made = {
            "admin": with_fixture_password(add_user(session, "admin", PASSWORD, Role.ADMIN), PASSWORD),
            "support": with_fixture_password(add_user(session, "support", PASSWORD, Role.SUPPORT), PASSWORD),
            "north": with_fixture_password(add_user(session, "north", PASSWORD, Role.RESELLER, north.id), PASSWORD),
            "south": with_fixture_password(add_user(session, "south", PASSWORD, Role.RESELLER, south.id), PASSWORD),
        }
        session.commit()
        return resellers, {name: user.id for name, user in made.items()}


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with no rows at all, as a fresh install has; built once, copied by each test."""
    path = tmp_path_factory.mktemp("empty-template") / "empty.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return path


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory, empty_template: Path) -> Template:
    """The empty template with the resellers and users of `_populate`."""
    path = tmp_path_factory.mktemp("template") / "t.db"
    shutil.copyfile(empty_template, path)
    engine = make_engine(f"sqlite:///{path}")
    try:
        resellers, users = _populate(engine)
    finally:
        engine.dispose()  # the last connection closing folds the WAL back into the file
    return Template(path, resellers, users)


def _isolate(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Config and data folders of the service's own under `folder`, and no database URL from the environment."""
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(folder / "config"))
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(folder / "data"))
    monkeypatch.delenv("CARRIERDESK_DB_URL", raising=False)
    monkeypatch.delenv("CARRIERDESK_SECRETS", raising=False)
    return folder


def _copy(template: Template, folder: Path) -> Engine:
    path = folder / "t.db"
    shutil.copyfile(template.path, path)
    return make_engine(f"sqlite:///{path}")


@contextmanager
def _served(engine: Engine) -> Iterator[Api]:
    """The real app over `engine`, its startup and shutdown run by the TestClient."""
    with TestClient(create_app(engine, settings_module.load(), secrets_fallback=True)) as client:
        yield Api(client, engine)


@pytest.fixture
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return _isolate(monkeypatch, tmp_path)


@pytest.fixture
def engine(isolated_dirs: Path, template: Template) -> Iterator[Engine]:
    engine = _copy(template, isolated_dirs)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def module_api(template: Template, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """As `api`, but one database and app for a whole module: for the schemathesis runs, which send hundreds of
    requests and would spend most of their time copying databases."""
    folder = tmp_path_factory.mktemp("module")
    with pytest.MonkeyPatch.context() as monkeypatch:
        engine = _copy(template, _isolate(monkeypatch, folder))
        try:
            with _served(engine) as api:
                yield api
        finally:
            engine.dispose()


@pytest.fixture
def resellers(template: Template) -> dict[str, int]:
    return template.resellers


@pytest.fixture
def users(template: Template) -> dict[str, int]:
    return template.users


@pytest.fixture
def any_api(db_engine: Engine, isolated_dirs: Any) -> Iterator[Api]:
    """The real app over a migrated database of each backend, with an admin (as `carrier-switch user add`)."""
    with Session(db_engine) as session:
        with_fixture_password(add_user(session, "admin", PASSWORD, Role.ADMIN), PASSWORD)
        session.commit()
    with TestClient(create_app(db_engine, settings_module.load(), secrets_fallback=True)) as client:
        yield Api(client, db_engine)


@pytest.fixture
def api(engine: Engine) -> Iterator[Api]:
    with _served(engine) as api:
        yield api


@pytest.fixture
def auth_header() -> Callable[[str], dict[str, Any]]:
    def make(token: str) -> dict[str, Any]:
        return {"Authorization": f"Bearer {token}"}

    return make
