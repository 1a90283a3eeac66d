from __future__ import annotations

import dataclasses
import stat
import typing
from pathlib import Path

import pytest

from switch_service.config import paths, settings
from switch_service.config.secrets import SecretStore
from switch_service.errors import UserError


def test_defaults_point_into_the_per_user_data_folder() -> None:
    loaded = settings.load()
    assert loaded["database_url"] == f"sqlite:///{paths.data_dir() / 'carrierdesk.db'}"
    assert loaded["api_host"] == "127.0.0.1"


def test_file_then_environment_override(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.save({"api_port": 9000, "database_url": "sqlite:///from-file.db"})
    assert settings.load()["api_port"] == 9000
    assert settings.load()["database_url"] == "sqlite:///from-file.db"
    monkeypatch.setenv("CARRIERDESK_DB_URL", "sqlite:///from-env.db")
    assert settings.load()["database_url"] == "sqlite:///from-env.db"


def test_the_typed_view_has_every_option_with_its_type() -> None:
    hints = typing.get_type_hints(settings.TypedSettings)
    declared = [(field.name, hints[field.name]) for field in dataclasses.fields(settings.TypedSettings)]
    assert declared == [(option.name, option.type) for option in settings.OPTIONS]


def test_the_typed_view_follows_the_file() -> None:
    settings.save({"api_port": 9000, "log_level": "DEBUG"})
    loaded = settings.load()
    assert loaded.typed.api_port == 9000 and loaded.typed.log_level == "DEBUG"
    assert all(getattr(loaded.typed, option.name) == loaded[option.name] for option in settings.OPTIONS)
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.typed.api_port = 1  # type: ignore[misc]


def test_the_typed_view_refuses_a_value_of_the_wrong_type() -> None:
    values = settings.load().values | {"api_port": "8470"}
    with pytest.raises(TypeError, match="'api_port' must be int"):
        settings.Settings(values, Path("config.toml"))


@pytest.mark.parametrize(("content", "message"), [
    ('api_port = "eighty"', "'api_port' must be int, got str"),
    ("api_port = true", "'api_port' must be int, got bool"),
    ('colour = "blue"', "unknown setting 'colour'"),
    ("api_port = ", "not valid TOML"),
])
def test_bad_config_file_names_the_problem(content: str, message: str) -> None:
    paths.config_file().parent.mkdir(parents=True)
    paths.config_file().write_text(content)
    with pytest.raises(UserError, match=message):
        settings.load()


def test_headless_fallback_is_a_0600_file_and_reported(tmp_path: Path) -> None:
    store = SecretStore()
    assert store.insecure_fallback  # no keyring backend on this headless machine
    assert "not a secure store" in store.description
    value = store.get_or_create("pin_key")
    assert store.get_or_create("pin_key") == value
    secrets_file = paths.config_dir() / "secrets.toml"
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    assert SecretStore().get("pin_key") == value
