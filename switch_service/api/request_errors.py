"""Errors about what a client sent, shaped as FastAPI shapes its own, and the checks that raise them.

- 422 naming the field: `invalid` for one problem pydantic could not judge alone (a reference to a missing row, a
  rule across fields), `FieldProblems` to report every problem of a body at once (as pydantic does);
- 404: `not_found`, `get_or_404` (also what a caller gets for a row it may not see, so a hidden row looks exactly
  like a missing one);
- 409: `conflict`, `ensure_name_free`, and `flush_or` for the unique index that decides a race;
- `error_responses`, the error answers a route documents in the OpenAPI document.
"""

from __future__ import annotations

from typing import Any, TypeVar

from fastapi import HTTPException, status
from fastapi.exceptions import RequestValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from switch_service.api.schemas import ErrorOut

Model = TypeVar("Model")


def _problem(loc: tuple[str | int, ...], message: str, value: object) -> dict[str, Any]:
    return {"type": "value_error", "loc": loc, "msg": message, "input": value}


def invalid(loc: tuple[str | int, ...], message: str, value: object = None) -> RequestValidationError:
    """A 422 for a value pydantic could not judge alone; `loc` as pydantic's, e.g. ("body", "reseller_id")."""
    return RequestValidationError([_problem(loc, message, value)])


class FieldProblems:
    """Every problem found in a request body, raised together as one 422 (as pydantic reports all of its own)."""

    def __init__(self) -> None:
        self.errors: list[dict[str, Any]] = []

    def add(self, field: str, message: str, value: object = None) -> None:
        self.errors.append(_problem(("body", field), message, value))

    def row(self, session: Session, model: type[Model], row_id: int | None, field: str, what: str) -> Model | None:
        """The referenced row, or None (a problem when the id was given)."""
        row = session.get(model, row_id) if row_id is not None else None
        if row_id is not None and row is None:
            self.add(field, f"{what} {row_id} does not exist", row_id)
        return row

    def raise_any(self) -> None:
        if self.errors:
            raise RequestValidationError(self.errors)


def not_found(what: str, key: object) -> HTTPException:
    return HTTPException(status.HTTP_404_NOT_FOUND, f"{what} {key} does not exist")


def get_or_404(session: Session, model: type[Model], object_id: int, what: str) -> Model:
    row = session.get(model, object_id)
    if row is None:
        raise not_found(what, object_id)
    return row


def forbidden(message: str) -> HTTPException:
    return HTTPException(status.HTTP_403_FORBIDDEN, message)


def conflict(message: str) -> HTTPException:
    return HTTPException(status.HTTP_409_CONFLICT, message)


def name_taken(what: str, name: str) -> HTTPException:
    return conflict(f"a {what} named {name!r} already exists")


def ensure_name_free(session: Session, name_column: InstrumentedAttribute[str], id_column: InstrumentedAttribute[int],
                     name: str | None, what: str, *, except_id: int | None = None) -> None:
    """409 when another row (not `except_id`) already has the name; nothing to check when it is None. The unique
    index still decides a race: write with `flush_or(session, name_taken(...))`."""
    if name is None:
        return
    query = select(id_column).where(name_column == name)
    if except_id is not None:
        query = query.where(id_column != except_id)
    if session.scalar(query) is not None:
        raise name_taken(what, name)


def flush_or(session: Session, error: HTTPException) -> None:
    """Write what is pending; `error` (a 409) when a unique index refuses it (another client won a race)."""
    try:
        session.flush()
    except IntegrityError:
        raise error from None


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route answering these error codes with `{"detail": "..."}`."""
    return {code: {"model": ErrorOut} for code in codes}
