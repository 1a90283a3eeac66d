"""Per-user folders (platformdirs), overridable for tests and portable installs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "carrierdesk"


def config_dir() -> Path:
    """Folder holding config.toml and, on headless machines, the secrets fallback file."""
    override = os.environ.get("CARRIERDESK_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Folder holding the embedded SQLite database and logs."""
    override = os.environ.get("CARRIERDESK_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def config_file() -> Path:
    return config_dir() / "config.toml"
