"""Errors about what a client sent, shaped as FastAPI shapes its own, and the checks that raise them.

Every 4xx answer carries, besides the human `detail` (kept for compatibility), a machine-readable `code`, the
`field` it is about (or null) and the `params` of its wording, so a client can say it in its own words and
language (the desktop does, `desktop/service_errors.py`). A 422's `detail` stays FastAPI's list of problems, each
with pydantic's `type`, `loc` and `ctx`; problems found here use the types `value_error` or `not_found` (ctx `what`
and `key`).

- 422 naming the field: `invalid` for one problem pydantic could not judge alone (a reference to a missing row, a
  rule across fields), `FieldProblems` to report every problem of a body at once (as pydantic does);
- 404: `not_found`, `get_or_404` (also what a caller gets for a row it may not see, so a hidden row looks exactly
  like a missing one);
- 409: `conflict`, `ensure_name_free`, and `flush_or` for the unique index that decides a race;
- `ApiProblem`, an HTTPException with its code; `error_responses`, the error answers a route documents.
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


# The codes of 4xx answers that no more specific code describes, by status.
STATUS_CODES = {400: "bad_request", 401: "not_signed_in", 403: "forbidden", 404: "not_found",
                405: "method_not_allowed", 409: "conflict", 413: "too_large", 422: "invalid_input",
                429: "too_many_requests", 503: "unavailable"}


class ApiProblem(HTTPException):
    """An error answer with its machine-readable `code`, the `field` it concerns and the `params` of its words."""

    def __init__(self, status_code: int, detail: str, code: str = "", *, field: str | None = None,
                 headers: dict[str, str] | None = None, params: dict[str, object] | None = None) -> None:
        super().__init__(status_code, detail, headers=headers)
        self.code = code or STATUS_CODES.get(status_code, "error")
        self.field = field
        self.params = {name: str(value) for name, value in (params or {}).items()}


def error_body(status_code: int, detail: object, exc: Exception | None = None) -> dict[str, Any]:
    """`{"detail", "code", "field", "params"}` of any error answer (`exc` an `ApiProblem` or another exception)."""
    if isinstance(exc, ApiProblem):
        return {"detail": detail, "code": exc.code, "field": exc.field, "params": exc.params}
    return {"detail": detail, "code": STATUS_CODES.get(status_code, "error"), "field": None, "params": {}}


def _problem(loc: tuple[str | int, ...], message: str, value: object, kind: str = "value_error",
             **context: object) -> dict[str, Any]:
    problem: dict[str, Any] = {"type": kind, "loc": loc, "msg": message, "input": value}
    if context:
        problem["ctx"] = {name: str(item) for name, item in context.items()}
    return problem


def invalid(loc: tuple[str | int, ...], message: str, value: object = None, kind: str = "value_error",
            **context: object) -> RequestValidationError:
    """A 422 for a value pydantic could not judge alone; `loc` as pydantic's, e.g. ("body", "reseller_id");
    `kind` and `context` the problem's type and ctx when a client may word it itself."""
    return RequestValidationError([_problem(loc, message, value, kind, **context)])


def missing_row(loc: tuple[str | int, ...], what: str, key: object) -> RequestValidationError:
    """A 422: the request names a row that does not exist ("reseller 7 does not exist")."""
    return RequestValidationError([_problem(loc, f"{what} {key} does not exist", key, "not_found", what=what,
                                            key=key)])


class FieldProblems:
    """Every problem found in a request body, raised together as one 422 (as pydantic reports all of its own)."""

    def __init__(self) -> None:
        self.errors: list[dict[str, Any]] = []

    def add(self, field: str, message: str, value: object = None, kind: str = "value_error",
            **context: object) -> None:
        self.errors.append(_problem(("body", field), message, value, kind, **context))

    def row(self, session: Session, model: type[Model], row_id: int | None, field: str, what: str) -> Model | None:
        """The referenced row, or None (a problem when the id was given)."""
        row = session.get(model, row_id) if row_id is not None else None
        if row_id is not None and row is None:
            self.errors.append(_problem(("body", field), f"{what} {row_id} does not exist", row_id, "not_found",
                                        what=what, key=row_id))
        return row

    def raise_any(self) -> None:
        if self.errors:
            raise RequestValidationError(self.errors)


def not_found(what: str, key: object) -> HTTPException:
    return ApiProblem(status.HTTP_404_NOT_FOUND, f"{what} {key} does not exist", "not_found",
                      params={"what": what, "key": key})


def get_or_404(session: Session, model: type[Model], object_id: int, what: str) -> Model:
    row = session.get(model, object_id)
    if row is None:
        raise not_found(what, object_id)
    return row


def forbidden(message: str) -> HTTPException:
    return ApiProblem(status.HTTP_403_FORBIDDEN, message)


def conflict(message: str, code: str = "conflict", *, field: str | None = None, **params: object) -> HTTPException:
    return ApiProblem(status.HTTP_409_CONFLICT, message, code, field=field, params=params)


def name_taken(what: str, name: str) -> HTTPException:
    return conflict(f"a {what} named {name!r} already exists", "name_taken", field="name", what=what, name=name)


def number_taken(what: str, number: str, field: str = "number") -> HTTPException:
    return conflict(f"{what} {number} is already in use", "number_taken", field=field, what=what, number=number)


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
