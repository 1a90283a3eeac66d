"""The REAL service (uvicorn serving create_app over a migrated SQLite file) on a free local port, in a
background thread, for the desktop to talk to; and QSettings kept inside tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import gc
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn
from desk_harness import PASSWORD, LiveService
from sqlalchemy.orm import Session

from desktop.api_client import ApiClient
from switch_service.api.app import create_app
from switch_service.api.live import LiveCalls
from switch_service.config import settings as settings_module
from switch_service.service import bind
from switch_service.store.engine import make_engine
from switch_service.store.migrate import upgrade
from switch_service.store.models.enums import Role
from switch_service.store.repositories.users import add_user
from tests.conftest import with_fixture_password

if TYPE_CHECKING:
    from desktop.live_stream import LiveStream


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with the admin and the support rep, made once per session (per xdist worker) and copied
    by each test: a migration and two scrypt hashes per test cost more than most desktop tests."""
    path = tmp_path_factory.mktemp("desk-template") / "desk.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        with Session(engine) as session:
            with_fixture_password(add_user(session, "admin", PASSWORD, Role.ADMIN), PASSWORD)
            with_fixture_password(add_user(session, "support", PASSWORD, Role.SUPPORT), PASSWORD)
            session.commit()
    finally:
        engine.dispose()  # the last connection closing folds the WAL back into the file
    return path


@pytest.fixture
def live_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, desk_template: Path) -> Iterator[LiveService]:
    monkeypatch.setenv("CARRIERDESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CARRIERDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CARRIERDESK_DB_URL", raising=False)
    shutil.copyfile(desk_template, tmp_path / "desk.db")
    engine = make_engine(f"sqlite:///{tmp_path}/desk.db")
    sock = bind("127.0.0.1", 0)
    port = int(sock.getsockname()[1])
    live = LiveCalls()  # tests publish call events on live.bus
    app = create_app(engine, settings_module.load(), secrets_fallback=True, live=live)
    server = uvicorn.Server(uvicorn.Config(app, log_config=None, log_level="warning",
                                           timeout_graceful_shutdown=2))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="live-service", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the service did not start"
        time.sleep(0.01)
    try:
        yield LiveService(f"http://127.0.0.1:{port}", port, live)
    finally:
        live.stop_streams()  # as the service does at a stop signal: open event streams end
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        engine.dispose()


@pytest.fixture
def live_stream(qtbot: object) -> Iterator[LiveStream]:
    """A desktop event-stream client that retries quickly; stopped (its thread gone) at the end."""
    from desktop.live_stream import LiveStream, running_readers

    stream = LiveStream(first_delay_s=0.1)
    yield stream
    stream.stop()
    assert running_readers() == 0


@pytest.fixture(scope="session", autouse=True)
def main_thread_gc(qapp: object) -> Iterator[None]:
    """As in the app: Python's garbage collector runs on the GUI thread only (see desktop.main_thread_gc)."""
    from desktop.main_thread_gc import MainThreadGarbageCollector

    collector = MainThreadGarbageCollector()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def collect_garbage_between_tests(main_thread_gc: None) -> Iterator[None]:
    yield
    gc.collect()  # on the GUI thread, so the last test's widgets die here and not in a worker
    # What survived is kept out of later collections: each one then walks only what one test made (a full walk
    # of the suite's heap took ~1 s per test by the end of the run).
    gc.freeze()


@pytest.fixture(autouse=True)
def desktop_preferences(tmp_path: Path) -> Iterator[Path]:
    """QSettings (INI) files under tmp_path, never in the real user's config folder."""
    from desktop.qt import QSettings

    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture
def admin_api(live_service: LiveService) -> Iterator[ApiClient]:
    """A client of the running service signed in as the admin, for tests to set the scene through the API."""
    client = ApiClient(live_service.url)
    client.login("admin", PASSWORD)
    yield client
    client.close()
