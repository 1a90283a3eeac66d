"""Statements and invoices as PDF: an account's (prepaid statement, postpaid invoice) and a reseller's.

Asking for an ended month issues its document once (numbered, kept in the data folder) and returns the kept file
ever after; the current month is rendered provisionally (not numbered, not kept); a month not begun is a 422.
A reseller user reaches the accounts and resellers of its own subtree only (others are 404, as everywhere)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Path, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.api.deps import Context, CurrentUser, DbSession, require_roles
from switch_service.api.keyset import NEWEST_FIRST, keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.request_errors import conflict, error_responses, invalid
from switch_service.api.routes.anis import visible_account
from switch_service.api.routes.resellers import _visible_reseller
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE
from switch_service.api.schemas.documents import DocumentMailOut, IssuedDocumentOut, IssuedDocumentPage
from switch_service.documents.issued import (
    Document,
    DocumentRaceError,
    account_document,
    mail_kept,
    owner_address,
    reseller_document,
)
from switch_service.documents.statement_figures import PERIOD_PATTERN, RESELLER_STATEMENT, STATEMENT, PeriodError
from switch_service.store.models import IssuedDocument, User
from switch_service.store.models.enums import Role
from switch_service.store.types import utcnow

router = api_router(tags=["statements"])

Manager = Annotated[User, Depends(require_roles(Role.ADMIN, Role.RESELLER))]
PeriodPath = Annotated[str, Path(pattern=PERIOD_PATTERN.pattern, description="the calendar month, YYYY-MM",
                                 examples=["2026-11"])]
_PDF: dict[int | str, dict[str, Any]] = {200: {"content": {"application/pdf": {}}, "description": "the PDF"}}
_RESPONSES = error_responses(401, 403, 404, 409)
_ATTEMPTS = 3


def document_out(row: IssuedDocument) -> IssuedDocumentOut:
    return IssuedDocumentOut(id=row.id, number=row.number, kind=row.kind,
                             period=row.period, sha256=row.sha256, created_at=row.created_at)


def _pdf(made: Document) -> Response:
    number = made.row.number if made.row is not None else "provisional"
    return Response(made.pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{number}.pdf"', "X-Document-Number": number})


def _issued(session: Session, period: str, make: Callable[[], Document]) -> Document:
    """`make()`; when a concurrent issuer took the same number first, the request's transaction is rolled back and
    made again (a new transaction sees the number taken), up to `_ATTEMPTS` times, then a 409."""
    for _attempt in range(_ATTEMPTS):
        try:
            return make()
        except PeriodError as problem:
            raise invalid(("path", "period"), str(problem), period) from problem
        except DocumentRaceError:
            session.rollback()
    raise conflict("other statements kept taking the next number; send the request again")


@router.get("/accounts/{account_id}/statements", responses=error_responses(401, 403, 404))
def list_statements(account_id: ObjectId, session: DbSession, user: CurrentUser, *, after: After = None,
                    limit: Limit = DEFAULT_PAGE_SIZE) -> IssuedDocumentPage:
    """The account's issued statements and invoices, newest first."""
    visible_account(session, user, account_id)
    rows, next_after = keyset_page(session, select(IssuedDocument).where(IssuedDocument.account_id == account_id),
                                   IssuedDocument.id, after, limit, ordering=NEWEST_FIRST)
    return IssuedDocumentPage(items=[document_out(row) for row in rows], next_after=next_after)


@router.get("/accounts/{account_id}/statements/{period}.pdf", response_class=Response,
            responses={**_PDF, **_RESPONSES})
def account_statement(account_id: ObjectId, period: PeriodPath, session: DbSession, user: CurrentUser,
                      context: Context) -> Response:
    """The account's statement (prepaid) or invoice (postpaid) of the month; the header `X-Document-Number` says
    its number ("provisional" for the current month)."""
    def make() -> Document:
        visible_account(session, user, account_id)
        return account_document(session, context.settings, account_id, period, utcnow())

    return _pdf(_issued(session, period, make))


@router.get("/resellers/{reseller_id}/statements/{period}.pdf", response_class=Response,
            responses={**_PDF, **_RESPONSES})
def reseller_statement(reseller_id: ObjectId, period: PeriodPath, session: DbSession, user: Manager,
                       context: Context) -> Response:
    """The reseller's statement of the month (its balance, its customers' recharges and usage)."""
    def make() -> Document:
        _visible_reseller(session, user, reseller_id)
        return reseller_document(session, context.settings, reseller_id, period, utcnow())

    return _pdf(_issued(session, period, make))


def _mailed(session: Session, settings: Any, kind: str, subject_id: int, *, period: str,
            make: Callable[[], Document]) -> DocumentMailOut:
    """The month's document queued for e-mail to its owner: issued now (its e-mail is queued with it) or kept
    before (queued again). 422 when the owner has no address or the month has not ended."""
    to = owner_address(session, kind, subject_id)[0]
    if not to:
        what = "reseller" if kind == RESELLER_STATEMENT else "account"
        raise invalid(("body", "email"), f"the {what} has no e-mail address to send the statement to", None)
    made = _issued(session, period, make)
    if made.row is None:
        raise invalid(("path", "period"), f"{period} has not ended: its statement is provisional and is not sent",
                      period)
    if made.figures is None:  # kept before: queue it again
        mail_kept(session, settings, made.row)
    return DocumentMailOut(number=made.row.number, to=to)


@router.post("/accounts/{account_id}/statements/{period}/mail", status_code=202, responses=_RESPONSES)
def mail_account_statement(account_id: ObjectId, period: PeriodPath, session: DbSession, user: CurrentUser,
                           context: Context) -> DocumentMailOut:
    """Send the month's statement or invoice to the account's e-mail address, the PDF attached (the mail component
    sends it at its next round)."""
    visible_account(session, user, account_id)

    def make() -> Document:
        return account_document(session, context.settings, account_id, period, utcnow())

    return _mailed(session, context.settings, STATEMENT, account_id, period=period, make=make)


@router.post("/resellers/{reseller_id}/statements/{period}/mail", status_code=202, responses=_RESPONSES)
def mail_reseller_statement(reseller_id: ObjectId, period: PeriodPath, session: DbSession, user: Manager,
                            context: Context) -> DocumentMailOut:
    """Send the reseller's statement of the month to its e-mail address, the PDF attached."""
    _visible_reseller(session, user, reseller_id)

    def make() -> Document:
        return reseller_document(session, context.settings, reseller_id, period, utcnow())

    return _mailed(session, context.settings, RESELLER_STATEMENT, reseller_id, period=period, make=make)
