"""Secrets (API signing key, DB password, RADIUS secret, PIN key) in the system keyring.

A headless Linux service has no keyring backend (`keyring.backends.fail`); there the secrets go to a
0600 file in the config folder, and `insecure_fallback` says so, so `config show` and the desktop can
warn the operator.
"""

from __future__ import annotations

import os
import secrets as token_source
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from switch_service.config import paths

if TYPE_CHECKING:
    import keyring.backend

SERVICE_NAME = "carrierdesk"
FALLBACK_FILE_NAME = "secrets.toml"
KNOWN_SECRETS = ("api_signing_key", "db_password", "radius_secret", "pin_key")
# A RADIUS shared secret is typed into gateways and passed on radclient's command line: hex digits only, since a
# url-safe token may begin with '-', which those command lines read as an option (a CI run failed on
# `radclient ... auth -R...`). The PIN key stays url-safe base64, the form PinCipher decodes.
_SHARED_SECRETS = ("radius_secret",)


class SecretStore:
    """Reads and writes named secrets, in keyring when it has a usable backend, else in a 0600 file."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None, fallback: Path | None = None):
        if backend is None:
            import keyring  # on first use: finding its backends costs every command a sixth of a second

            backend = keyring.get_keyring()
        self._backend = backend
        self._fallback = fallback or paths.config_dir() / FALLBACK_FILE_NAME

    @property
    def insecure_fallback(self) -> bool:
        return os.environ.get("CARRIERDESK_SECRETS") == "file" or self._backend.priority <= 0

    @property
    def description(self) -> str:
        if self.insecure_fallback:
            return f"file {self._fallback} (mode 0600; no system keyring available - not a secure store)"
        return f"system keyring ({type(self._backend).__module__}.{type(self._backend).__name__})"

    def get(self, name: str) -> str | None:
        if self.insecure_fallback:
            return self._read_file().get(name)
        return self._backend.get_password(SERVICE_NAME, name)

    def set(self, name: str, value: str) -> None:
        if self.insecure_fallback:
            data = self._read_file()
            data[name] = value
            self._write_file(data)
        else:
            self._backend.set_password(SERVICE_NAME, name, value)

    def get_or_create(self, name: str, nbytes: int = 32) -> str:
        """The secret, generated (random, `nbytes` of it) the first time it is asked for."""
        value = self.get(name)
        if value is None:
            value = token_source.token_hex(nbytes) if name in _SHARED_SECRETS else token_source.token_urlsafe(nbytes)
            self.set(name, value)
        return value

    def _read_file(self) -> dict[str, str]:
        if not self._fallback.exists():
            return {}
        data = tomllib.loads(self._fallback.read_text(encoding="utf-8"))
        return {str(k): str(v) for k, v in data.items()}

    def _write_file(self, data: dict[str, str]) -> None:
        self._fallback.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._fallback.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(tomli_w.dumps(data))
        os.chmod(tmp, 0o600)
        os.replace(tmp, self._fallback)
