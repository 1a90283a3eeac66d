"""Where a database is, in a form that crosses to a child process: the URL object and engine options.

Why not the URL as a string: a string rendered for a child must hold the password in clear, and from then on
anything that prints it (a repr in a log, an error, a process title) shows it. The URL object pickles with its
password inside and prints with `***`; the child builds its own engine from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import URL

from switch_service.store.engine import make_engine, normalise_url


@dataclass(frozen=True, slots=True)
class DatabaseTarget:
    """A database for another process to open (picklable); `options` are `make_engine`'s keyword arguments."""

    url: URL
    options: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, engine: Engine, **options: Any) -> DatabaseTarget:
        """The database `engine` works on."""
        return cls(engine.url, options)

    @classmethod
    def parse(cls, raw: str, **options: Any) -> DatabaseTarget:
        """From a URL as a person writes it (plain scheme names mean the shipped drivers)."""
        return cls(normalise_url(raw), options)

    def engine(self, **options: Any) -> Engine:
        """A new engine on the database (`options` over the target's own)."""
        return make_engine(self.url, **{**self.options, **options})

    def __repr__(self) -> str:
        return f"DatabaseTarget({self.url.render_as_string(hide_password=True)})"
