"""Calling-card batches and cards.

- `POST /card-batches` (admin, or a reseller user for its own subtree, paid from its reseller's balance less its
  commission) makes a batch of up to 100 000 cards as a background job: 202 with the job to
  poll; progress per chunk of cards; cancel writes nothing. The cards are drawn into a staging table and written
  in one short transaction (`card_batch_staging`), so the RADIUS processes keep writing on SQLite meanwhile.
- Batches and their cards are listed (keyset) for admins and support, and for a reseller only its subtree's
  batches (another's is a 404). No answer carries a PIN; `tariff_id` is absent for non-admins.
- `GET /card-batches/{id}/cards.csv` (admin) is the printing export with PINs in clear; each export is audited.
- `POST /cards/lookup` finds a card by serial or PIN (a body: a PIN must not sit in URL logs).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Query, Response, status
from fastapi.responses import StreamingResponse
from sqlalchemy import ColumnElement, Select, false, func, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, ApiContext, Context, CurrentUser, DbSession, Pins, require_roles
from switch_service.api.jobs import Progress, Work, job_out
from switch_service.api.keyset import keyset_page, keyset_rows, keyset_select
from switch_service.api.params import After, IdQuery, Limit, ObjectId
from switch_service.api.request_errors import (
    FieldProblems,
    conflict,
    ensure_name_free,
    error_responses,
    forbidden,
    invalid,
    not_found,
)
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import API_PREFIX, DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.cards import (
    CardBatchCreate,
    CardBatchDetailOut,
    CardBatchOut,
    CardBatchPage,
    CardLookup,
    CardOut,
    CardPage,
    CardStatus,
)
from switch_service.api.schemas.jobs import JobOut
from switch_service.api.sorting import Order, SortKeys
from switch_service.api.visibility import reseller_subtree
from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.store.models import Account, Card, CardBatch, Payment, Reseller, User
from switch_service.store.models.enums import CardStatus as StoreCardStatus
from switch_service.store.models.enums import PaymentKind as StorePaymentKind
from switch_service.store.models.enums import Role
from switch_service.store.models.enums import Status as StoreStatus
from switch_service.store.repositories import ledger
from switch_service.store.repositories.accounts import default_tariff, tariff_problem
from switch_service.store.repositories.card_batch_staging import create_card_batch_staged
from switch_service.store.repositories.cards import CardBatchSpec, normalise_code
from switch_service.store.repositories.company import read_company
from switch_service.store.repositories.resellers import pay_commissions, reseller_standing, sale_price
from switch_service.store.types import utcnow

router = api_router(tags=["cards"])

CSV_BATCH_SIZE = 1000
LATEST_EXPIRY = dt.datetime(2100, 1, 1, tzinfo=dt.UTC)
CSV_FIELDS = ("serial", "pin", "value", "currency", "expires_at", "valid_days_after_first_use")

_RESPONSES = error_responses(401, 403, 404)

# Who may make a card batch: a reseller user, for its own subtree and paid from its reseller's balance.
Seller = Annotated[User, Depends(require_roles(Role.ADMIN, Role.RESELLER))]


def reseller_owned(column: InstrumentedAttribute[int | None], user: User) -> ColumnElement[bool]:
    """Rows a user may read by their reseller column: all, except for a reseller user: its subtree's only."""
    if user.role is not Role.RESELLER:
        return true()
    if user.reseller_id is None:
        return false()
    return column.in_(reseller_subtree(user.reseller_id))


def expiry(problems: FieldProblems, value: dt.datetime | None, field: str = "expires_at") -> dt.datetime | None:
    """The expiry in UTC; a problem naming the field when it has passed or lies beyond LATEST_EXPIRY."""
    if value is None:
        return None
    if not utcnow() < value < LATEST_EXPIRY:
        problems.add(field, f"must be in the future and before {LATEST_EXPIRY:%Y}", value.isoformat())
        return None
    return value.astimezone(dt.UTC)


def batch_out(batch: CardBatch, user: User) -> CardBatchOut:
    """Answers of these routes leave unset fields out, so `tariff_id` is absent (not null) for non-admins."""
    fields = {name: getattr(batch, name) for name in CardBatchOut.model_fields if name != "tariff_id"}
    if user.role is Role.ADMIN:
        fields["tariff_id"] = batch.tariff_id
    return CardBatchOut(**fields)


def _visible_batch(session: Session, user: User, batch_id: int) -> CardBatch:
    batch = session.scalar(select(CardBatch).where(CardBatch.id == batch_id,
                                                   reseller_owned(CardBatch.reseller_id, user)))
    if batch is None:
        raise not_found("card batch", batch_id)
    return batch


def _cards() -> Select[Card, str, Decimal, str]:
    return select(Card, Account.number, Account.balance, Account.currency).join(Account, Account.id == Card.account_id)


def _card_out(card: Card, account_number: str, balance: Decimal, currency: str) -> CardOut:
    return CardOut(id=card.id, batch_id=card.batch_id, serial=card.serial, account_id=card.account_id,
                   account_number=account_number, status=CardStatus(card.status.value), face_value=card.face_value,
                   balance=balance, currency=currency, distributor=card.distributor, activated_at=card.activated_at,
                   expires_at=card.expires_at, created_at=card.created_at)


def _spec(session: Session, body: CardBatchCreate, context: ApiContext) -> CardBatchSpec:
    """The batch as the job will make it; a 422 names each bad field, a 409 a name in use. Nothing written."""
    problems = FieldProblems()
    company = read_company(session, context.settings)
    currency = body.currency or company.currency
    if body.tariff_id is not None and (message := tariff_problem(session, body.tariff_id, currency)) is not None:
        problems.add("tariff_id", message, body.tariff_id)
    problems.row(session, Reseller, body.reseller_id, "reseller_id", "reseller")
    expires_at = expiry(problems, body.expires_at)
    problems.raise_any()
    ensure_name_free(session, CardBatch.name, CardBatch.id, body.name, "card batch")
    return CardBatchSpec(name=body.name, count=body.count, face_value=body.face_value, currency=currency,
                         distributor=body.distributor, reseller_id=body.reseller_id,
                         tariff_id=body.tariff_id or default_tariff(session, company, currency),
                         dial_plan_id=company.default_dial_plan_id, expires_at=expires_at,
                         valid_days_after_first_use=body.valid_days_after_first_use, max_anis=body.max_anis)


def _reseller_batch(session: Session, user: User, body: CardBatchCreate) -> CardBatchCreate:
    """A reseller user's batch: no tariff (admins assign those), under its own subtree (its own reseller by
    default; another is a 422 naming the field)."""
    if body.tariff_id is not None:
        raise forbidden("only admins assign tariff_id; leave it out")
    own = user.reseller_id
    if own is None:
        raise forbidden("this reseller user has no reseller: it cannot make card batches")
    if body.reseller_id is None:
        return body.model_copy(update={"reseller_id": own})
    if session.scalar(select(Reseller.id).where(Reseller.id == body.reseller_id,
                                                Reseller.id.in_(reseller_subtree(own)))) is None:
        raise invalid(("body", "reseller_id"), f"reseller {body.reseller_id} does not exist", body.reseller_id)
    return body


def _check_sale(session: Session, user: User, spec: CardBatchSpec) -> None:
    """409 at once when the reseller user's reseller cannot pay for the batch (the job's charge decides)."""
    assert spec.reseller_id is not None and user.reseller_id is not None
    name, available, currency, state = reseller_standing(session, user.reseller_id)
    if currency != spec.currency:
        raise conflict(f"reseller {name!r} keeps its balance in {currency}, the batch is in {spec.currency}",
                       "reseller_balance")
    value = spec.face_value * spec.count
    price = sale_price(session, spec.reseller_id, user.reseller_id, value)
    if state is not StoreStatus.ACTIVE or available < price:
        raise conflict(f"reseller {name!r} has {available:f} available; these {spec.count} cards of "
                       f"{spec.face_value:f} take {price:f} from it ({value:f} less its commission)",
                       "reseller_balance")


def _charge_sale(session: Session, user: User, spec: CardBatchSpec, batch: CardBatch) -> None:
    """The batch's value as a payment by the reseller, with its commission lines, its reseller charged (raises
    ResellerShortfallError, a UserError that fails the job and rolls the batch back, when it cannot pay)."""
    value = spec.face_value * spec.count
    payment = ledger.add_receipted(session, Payment(
        account_id=None, reseller_id=spec.reseller_id, kind=StorePaymentKind.PAYMENT, amount=value,
        currency=spec.currency, method="card_batch", note=f"card batch {batch.name} ({spec.count} cards)",
        created_by=user.id, created_at=utcnow()))
    pay_commissions(session, payment, spec.reseller_id, user.reseller_id)


def _make_batch(context: ApiContext, cipher: PinCipher, user: User, spec: CardBatchSpec) -> Work:
    def work(progress: Progress) -> dict[str, Any]:
        def chunk_done(done: int) -> None:
            progress.update(done, spec.count, f"{done} of {spec.count} cards made")
            progress.check_cancelled()

        def finish(session: Session, batch: CardBatch) -> None:  # inside the writing transaction, before its commit
            progress.check_cancelled()  # the last moment a cancel still writes nothing
            if user.role is Role.RESELLER and spec.reseller_id is not None:
                _charge_sale(session, user, spec, batch)
            record_created(session, user, "card_batch", batch.id, batch_out(batch, user))
            result.update({"batch_id": batch.id, "name": batch.name, "cards": spec.count})

        progress.update(0, spec.count, "starting")
        result: dict[str, Any] = {}
        try:
            create_card_batch_staged(context.engine, cipher, spec, on_chunk=chunk_done, finish=finish)
        except IntegrityError:  # another batch took the name (or a card's account number) meanwhile
            raise UserError(f"card batch {spec.name!r} not made: its name or one of its card account numbers "
                            "is already in use") from None
        return result

    return work


@router.post("/card-batches", status_code=status.HTTP_202_ACCEPTED,
             responses=error_responses(401, 403, 404, 409))
def create_batch(body: CardBatchCreate, session: DbSession, user: Seller, context: Context, *, cipher: Pins,
                 response: Response) -> JobOut:
    """Starts a job making the batch; poll GET /jobs/{id} (its result names the batch), or cancel it.

    A reseller user makes batches for its own subtree (its own reseller when `reseller_id` is left out; no
    `tariff_id`): their value (count × face value) is taken from its reseller's balance plus credit limit, less its
    commission, in the transaction that writes the cards. 409 at once when that does not cover it; a balance spent
    meanwhile fails the job with the reason, and nothing is written."""
    if user.role is Role.RESELLER:
        body = _reseller_batch(session, user, body)
    spec = _spec(session, body, context)
    if user.role is Role.RESELLER:
        _check_sale(session, user, spec)
    job = context.jobs.submit("card_batch", user.id, _make_batch(context, cipher, user, spec))
    response.headers["Location"] = f"{API_PREFIX}/jobs/{job.id}"
    return job_out(job)


BatchSort = Literal["name", "count", "face_value", "currency", "created_at"]
BATCH_SORT: SortKeys[BatchSort] = SortKeys(BatchSort, {
    "name": func.lower(CardBatch.name), "count": CardBatch.count, "face_value": CardBatch.face_value,
    "currency": CardBatch.currency, "created_at": CardBatch.created_at,
})


@router.get("/card-batches", responses=_RESPONSES, response_model_exclude_unset=True)
def list_batches(
    session: DbSession,
    user: CurrentUser,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    sort: Annotated[BatchSort | None, BATCH_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    reseller_id: IdQuery = None,
    q: Annotated[str | None, Query(max_length=100, description="part of the name")] = None,
) -> CardBatchPage:
    query = select(CardBatch).where(reseller_owned(CardBatch.reseller_id, user))
    if reseller_id is not None:
        query = query.where(CardBatch.reseller_id == reseller_id)
    if q is not None and q.strip():
        query = query.where(CardBatch.name.icontains(q.strip(), autoescape=True))
    rows, next_after = keyset_page(session, query, CardBatch.id, after, limit,
                                   ordering=BATCH_SORT.ordering(sort, order))
    return CardBatchPage(items=[batch_out(batch, user) for batch in rows], next_after=next_after)


@router.get("/card-batches/{batch_id}", responses=_RESPONSES, response_model_exclude_unset=True)
def get_batch(batch_id: ObjectId, session: DbSession, user: CurrentUser) -> CardBatchDetailOut:
    batch = _visible_batch(session, user, batch_id)
    counts = {CardStatus(status.value): 0 for status in StoreCardStatus}
    for card_status, count in session.execute(select(Card.status, func.count()).where(Card.batch_id == batch.id)
                                              .group_by(Card.status)):
        counts[CardStatus(card_status.value)] = count
    return CardBatchDetailOut(**batch_out(batch, user).model_dump(exclude_unset=True), cards_by_status=counts)


@router.get("/card-batches/{batch_id}/cards", responses=_RESPONSES)
def list_cards(
    batch_id: ObjectId,
    session: DbSession,
    user: CurrentUser,
    *,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    card_status: Annotated[CardStatus | None, Query(alias="status")] = None,
) -> CardPage:
    _visible_batch(session, user, batch_id)
    query = _cards().where(Card.batch_id == batch_id)
    if card_status is not None:
        query = query.where(Card.status == StoreCardStatus(card_status.value))
    rows, next_after = keyset_rows(session, query, Card.id, after, limit)
    return CardPage(items=[_card_out(*row) for row in rows], next_after=next_after)


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return str(value)  # Decimal keeps its 6 places: "10.000000"


@router.get("/card-batches/{batch_id}/cards.csv", responses={**_RESPONSES, 200: {"content": {"text/csv": {}}}},
            response_class=StreamingResponse)
def export_cards(batch_id: ObjectId, session: DbSession, user: Admin, context: Context,
                 cipher: Pins) -> StreamingResponse:
    """Every card of the batch with its PIN in clear, for printing; the export itself is in the audit log."""
    batch = _visible_batch(session, user, batch_id)
    record_audit(session, user, "export", "card_batch", batch.id, {"name": batch.name, "pins": True})
    currency, valid_days = batch.currency, batch.valid_days_after_first_use

    def lines() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_FIELDS)
        after: int | None = None
        while True:
            # A session per batch of rows: the request's own session is closed before the body is streamed.
            with context.sessions() as rows_session:
                cards = list(rows_session.scalars(keyset_select(select(Card).where(Card.batch_id == batch_id),
                                                                Card.id, after, CSV_BATCH_SIZE)))
            writer.writerows([card.serial, cipher.decrypt(card.pin_ciphertext), _csv_text(card.face_value), currency,
                              _csv_text(card.expires_at), _csv_text(valid_days)] for card in cards)
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            yield text
            if len(cards) < CSV_BATCH_SIZE:
                return
            after = cards[-1].id

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="cards-{batch.id}.csv"'})


@router.post("/cards/lookup", responses=_RESPONSES)
def lookup_card(body: CardLookup, session: DbSession, user: CurrentUser, cipher: Pins) -> CardOut:
    """The card with this serial or PIN, without the PIN; 404 when there is none the user may see."""
    query = _cards().join(CardBatch, CardBatch.id == Card.batch_id).where(reseller_owned(CardBatch.reseller_id, user))
    if body.pin is not None:
        try:
            pin = normalise_code(body.pin.get_secret_value())
        except ValueError as exc:
            raise invalid(("body", "pin"), str(exc)) from None
        query, what = query.where(Card.pin_index == cipher.index(pin)), "this PIN"
    else:
        query, what = query.where(Card.serial == body.serial), f"serial {body.serial}"
    row = session.execute(query).one_or_none()
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"no card has {what}")
    return _card_out(*row)
