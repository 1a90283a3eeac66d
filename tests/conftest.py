"""Shared fixtures: isolated user folders, and real databases on SQLite, PostgreSQL and MariaDB.

PostgreSQL and MariaDB URLs come from CARRIERDESK_TEST_POSTGRES_URL / CARRIERDESK_TEST_MARIADB_URL
(`.ci/run` exports them), defaulting to the servers this machine kind runs. Outside CI an unreachable
server skips its tests with the reason; with CI=true it fails them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from port_holder import PortHolder
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.engine import URL

from switch_service.security.passwords import hash_password
from switch_service.store.base import Base
from switch_service.store.engine import make_engine, normalise_url
from switch_service.store.migrate import upgrade
from switch_service.store.models import User
from tests.sip.sip_peers import Sipp

BACKENDS = ("sqlite", "postgresql", "mariadb")
_SERVER_URLS = {
    "postgresql": ("CARRIERDESK_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/carrierdesk_test"),
    "mariadb": ("CARRIERDESK_TEST_MARIADB_URL", "mysql+pymysql://root@127.0.0.1:3306/carrierdesk_test"),
}
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow tests first: pytest-xdist hands them out one at a time (make test's --maxschedchunk 1) while the
    workers run the rest beside them, instead of them being the run's tail."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real per-user config, data or secrets."""
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CARRIERDESK_DB_URL", raising=False)


# The users the fixtures sign in with hold scrypt hashes at cost 2**10 instead of the product's 2**14 (1 ms of CPU a
# sign-in instead of 60; sign-ins were a tenth of make test-fast's CPU). Sign-in runs the product's code unchanged:
# a stored hash names its own cost. Users made through the API or the CLI get the product's cost.
FIXTURE_PASSWORD_COST = 2**10


def with_fixture_password(user: User, password: str) -> User:
    """`user` (made with `users.add_user`, as `carrier-switch user add` does) signing in with `password` at the
    fixtures' cost."""
    user.password_hash = hash_password(password, cost=FIXTURE_PASSWORD_COST)
    return user


def server_url(backend: str) -> URL:
    variable, default = _SERVER_URLS[backend]
    return normalise_url(os.environ.get(variable, default))


def _unavailable(message: str) -> None:
    """A missing database or peer: skip, or with CI=true fail."""
    if IN_CI:
        pytest.fail(f"{message} (CI=true: a missing database is a failure)")
    pytest.skip(message)


def _admin_engine(backend: str) -> Engine:
    url = server_url(backend)
    maintenance = url.set(database="postgres" if backend == "postgresql" else "")
    engine = create_engine(maintenance, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        engine.dispose()
        _unavailable(f"{backend} server at {maintenance.render_as_string()} unreachable: {exc}")
    return engine


def fresh_database(backend: str, suffix: str) -> str:
    """Drop and create `<test db>_<suffix>` on the backend's server; return its URL. Under pytest-xdist each
    worker has databases of its own (`<test db>_gw1_<suffix>`)."""
    url = server_url(backend)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    name = f"{url.database}_{worker}_{suffix}" if worker else f"{url.database}_{suffix}"
    admin = _admin_engine(backend)
    quote = '"' if backend == "postgresql" else "`"
    with admin.connect() as conn:
        if backend == "postgresql":
            conn.execute(text(f"DROP DATABASE IF EXISTS {quote}{name}{quote} WITH (FORCE)"))
            conn.execute(text(f"CREATE DATABASE {quote}{name}{quote}"))
        else:
            conn.execute(text(f"DROP DATABASE IF EXISTS {quote}{name}{quote}"))
            conn.execute(text(f"CREATE DATABASE {quote}{name}{quote} CHARACTER SET utf8mb4"))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def empty_db_url(backend: str, tmp_path: Path) -> str:
    """A brand-new empty database on the backend (for migration and CLI tests)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'empty.db'}"
    return fresh_database(backend, "empty")


@pytest.fixture(scope="session")
def _migrated_engines(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Engine]]:
    engines: dict[str, Engine] = {}
    yield engines
    for engine in engines.values():
        engine.dispose()


@pytest.fixture
def db_engine(backend: str, _migrated_engines: dict[str, Engine],
              tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """A migrated database on the backend, emptied before each test (migrated once per session)."""
    engine = _migrated_engines.get(backend)
    if engine is None:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'shared.db'}"
        else:
            url = fresh_database(backend, "shared")
        engine = make_engine(url)
        upgrade(engine)
        _migrated_engines[backend] = engine
    with engine.begin() as conn:
        if backend == "postgresql":
            names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            if backend == "mariadb":  # a self-referencing FK (reseller tree) is checked row by row there
                conn.execute(text("SET FOREIGN_KEY_CHECKS = 0"))
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
            if backend == "mariadb":
                conn.execute(text("SET FOREIGN_KEY_CHECKS = 1"))
    return engine


def url_of(engine: Engine) -> str:
    return make_url(engine.url).render_as_string(hide_password=False)


@pytest.fixture
def port_holder() -> Iterator[PortHolder]:
    """Another program holding ports (see tests/port_holder.py)."""
    holder = PortHolder()
    yield holder
    holder.close()


@pytest.fixture
def sipp(tmp_path: Path) -> Iterator[Sipp]:
    """SIPp as callers and carriers on fresh ports (tests/sip/sip_peers.py), all stopped at the end. A missing
    `sipp` (Debian sip-tester) skips the test; with CI=true it fails it."""
    binary = shutil.which("sipp")
    if binary is None:
        _unavailable("sipp (Debian sip-tester) is not installed")
    assert binary is not None
    peers = Sipp(binary, tmp_path)
    yield peers
    peers.stop_all()
