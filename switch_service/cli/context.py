"""What every command needs: settings and, on first use, one database engine."""

from __future__ import annotations

import getpass
import sys

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from switch_service.config import settings as settings_module
from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings
from switch_service.errors import UserError
from switch_service.store.engine import make_engine, normalise_url


class Context:
    def __init__(self, db_option: str | None = None):
        self._db_option = db_option
        self._settings: Settings | None = None
        self._engine: Engine | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = settings_module.load()
        return self._settings

    @property
    def db_url(self) -> str:
        """The URL to connect with; a password kept in the secret store fills a URL that has none."""
        raw = self._db_option or self.settings.typed.database_url
        url = normalise_url(raw)
        if url.username and url.password is None:
            password = SecretStore().get("db_password")
            if password:
                return url.set(password=password).render_as_string(hide_password=False)
        return raw

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.db_url)
        return self._engine

    def session(self) -> Session:
        return sessionmaker(self.engine, expire_on_commit=False)()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


def read_secret(from_stdin: bool, what: str, stdin_option: str) -> str:
    """A password or shared secret: the first line of standard input, or typed twice at a prompt (never an
    argument, which would stay in the shell's history and in the process list)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        raise UserError(f"no terminal to ask for the {what}: use {stdin_option}")
    first = getpass.getpass(f"{what.capitalize()}: ")
    if first != getpass.getpass(f"Repeat {what}: "):
        raise UserError(f"the two {what}s differ")
    return first
