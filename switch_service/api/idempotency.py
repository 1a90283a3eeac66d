"""Requests that write money, made safe to send again: the `Idempotency-Key` header, and the retry of a transaction
the database rolled back on a deadlock.

A clerk whose payment timed out cannot know whether it was taken; sending it again must not pay twice. A request
carrying `Idempotency-Key: <any unique text>` has its answer stored under (user, key) in the same transaction as
what it wrote, so:
- the same request sent again with the same key gets the first answer (same receipt), nothing written again;
- the key sent with a different request is a 422 naming the header (a new request needs a new key);
- a request that failed wrote nothing, its key included: sending it again does it.
Two requests with one key at the same moment meet on the key's unique index: the second waits for the first to
commit, then answers what the first answered.

The key row is the transaction's first write and the account row its next (`payments.record_payment`), so
concurrent money writes lock in one order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import Depends, Header, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, SecretStr
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from switch_service.store.models import IdempotentRequest, User
from switch_service.store.retries import retrying
from switch_service.store.types import utcnow

Answer = TypeVar("Answer", bound=BaseModel)
Checked = TypeVar("Checked")

HEADER = "Idempotency-Key"
IdempotencyKey = Annotated[str | None, Header(
    alias=HEADER, min_length=1, max_length=128, pattern=r"^[\x21-\x7e]+$",
    description="any unique text (a UUID) chosen by the client for this request; sent again with the same request "
                "it returns the first answer instead of writing twice (a different request with it is a 422)")]


def _plain(value: object) -> object:
    if isinstance(value, SecretStr):  # a voucher code: the request is not the same with another one
        return value.get_secret_value()
    return str(value)


def _fingerprint(method: str, path: str, body: BaseModel) -> str:
    """What makes two requests the same: method, path and the body as validated (so key order and spacing do not
    count). Only its SHA-256 is kept."""
    text = json.dumps([method, path, body.model_dump()], sort_keys=True, default=_plain)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stored(session: Session, user_id: int, key: str) -> IdempotentRequest | None:
    return session.scalar(select(IdempotentRequest).where(IdempotentRequest.user_id == user_id,
                                                          IdempotentRequest.key == key))


def _replay(stored: IdempotentRequest, fingerprint: str, model: type[Answer]) -> Answer:
    if stored.request_hash != fingerprint:
        raise RequestValidationError([{
            "type": "value_error", "loc": ("header", HEADER), "input": stored.key,
            "msg": "this key was already used for a different request; send a new key with a new request"}])
    return model.model_validate_json(stored.answer)


class Idempotency:
    """The request's `Idempotency-Key` (None when the client sent none) and what identifies the request."""

    def __init__(self, request: Request, key: IdempotencyKey = None) -> None:
        self.key = key
        self.method = request.method
        self.path = request.url.path

    def write_once(self, session: Session, user: User, body: BaseModel, *, answer: type[Answer],
                   work: Callable[[], Answer]) -> Answer:
        """`work()` (which writes in `session`) committed with its answer kept under the key, or the answer kept the
        first time; the whole transaction run again when the database picked it as a deadlock's victim."""
        return self.checked_write_once(session, user, body, answer=answer, check=lambda: None,
                                       work=lambda _checked: work())

    def checked_write_once(self, session: Session, user: User, body: BaseModel, *, answer: type[Answer],
                           check: Callable[[], Checked], work: Callable[[Checked], Answer]) -> Answer:
        """As `write_once`, with the request's reads and refusals (`check()`, which writes nothing) done before the
        key's row, the first write, and `work` given what `check` answered: the write transaction then holds only
        the writes. On SQLite its lock is the one every writer waits for, RADIUS's calls among them (`carrier-switch
        bench api`). A key already kept still answers what it answered, whatever `check` would say now."""
        key = self.key
        user_id = user.id  # the user row expires when a conflict rolls the session back
        fingerprint = _fingerprint(self.method, self.path, body) if key is not None else ""

        def written(checked: Checked) -> Answer:
            if key is None:
                return work(checked)
            kept = IdempotentRequest(user_id=user_id, key=key, request_hash=fingerprint, answer="",
                                     created_at=utcnow())
            session.add(kept)
            try:
                session.flush()  # the first write: a request with the same key waits here for this one's commit
            except IntegrityError:
                session.rollback()
                raced = _stored(session, user_id, key)
                if raced is None:
                    raise
                return _replay(raced, fingerprint, answer)
            done = work(checked)
            kept.answer = done.model_dump_json()
            return done

        def attempt() -> Answer:
            if key is not None and (stored := _stored(session, user_id, key)) is not None:
                return _replay(stored, fingerprint, answer)
            done = written(check())
            session.commit()
            return done

        return retrying(attempt, what=f"{self.method} {self.path}", before_retry=session.rollback)


Keyed = Annotated[Idempotency, Depends()]
