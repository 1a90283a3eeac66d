"""Who is calling, by the contract's order of authentication: a trusted NAS's `account-id=` (our switch), a PIN
(a calling card: activated at first use), a SIP digest of a customer trunk (checked against its HA1, in constant
time), the caller's ANI, and last the customer trunk the request comes from. A caller number the snapshot does not
know yet is looked up in the database before a call is refused for it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from switch_service.aaa import cisco
from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.messages import AcctRecord, AuthRequest
from switch_service.aaa.pin_lockout import PinLockout
from switch_service.aaa.policy_context import PolicyContext
from switch_service.aaa.policy_rows import avpair_int, avpairs_of
from switch_service.aaa.policy_snapshot import Snapshot
from switch_service.security.sip_digest import response_matches
from switch_service.store.callers import AniEntry, find_ani
from switch_service.store.models import Card, CardBatch
from switch_service.store.models.enums import CardStatus


class Reject(Exception):  # noqa: N818 - control flow, not an error
    """The request is refused with `code` (an Access-Reject)."""

    def __init__(self, code: ReturnCode) -> None:
        super().__init__(code.name)
        self.code = code


class Identifier:
    def __init__(self, ctx: PolicyContext, lockout: PinLockout) -> None:
        self.ctx = ctx
        self.lockout = lockout

    def ani(self, snapshot: Snapshot, number: str) -> AniEntry | None:
        """The caller number from the snapshot, else from the database (a number registered since the snapshot was
        built is never refused for that)."""
        if not number:
            return None
        found = snapshot.callers.anis.get(number)
        if found is None:
            with self.ctx.sql.connect() as conn:
                conn.autocommit = True
                found = find_ani(conn, number)
        return found

    def caller(self, snapshot: Snapshot, request: AuthRequest) -> tuple[str, str]:
        """(the caller's number, the DID it called) as keys: the caller's national form read as of the DID's
        country."""
        did = self.ctx.normalise(cisco.find_avpair(avpairs_of(request), "did"))
        country = snapshot.callers.did_country(did)
        ani = self.ctx.normalise(request.calling_station_id, country) or self.ctx.normalise(request.user_name, country)
        return ani, did

    def identify(self, snapshot: Snapshot, request: AuthRequest, now: dt.datetime) -> tuple[int, str | None]:
        """(account id, the ANI's stored destination when the request names no number) along the contract's order
        of authentication."""
        pairs = avpairs_of(request)
        ani, did = self.caller(snapshot, request)
        country = snapshot.callers.did_country(did)

        def normalise(raw: str | None) -> str:  # a caller's national form is read as of the DID's country
            return self.ctx.normalise(raw, country)

        def destination() -> str | None:
            if normalise(request.called_station_id):
                return None  # a number was dialled: the stored destination is not used
            stored = self.ani(snapshot, ani)
            return stored.destination if stored else None

        trusted = avpair_int(pairs, "account-id")
        if trusted is not None and request.source_address in self.ctx.trusted_nas:
            return trusted, destination()
        if request.password:
            # PIN entry is judged by the lockout; our own switch's and workers' later requests with a number carry
            # a PIN their first stage accepted already (a DID locked since must not cut that caller off)
            entry = not normalise(request.called_station_id) or request.source_address not in self.ctx.trusted_nas
            return self._pin_account(request.password, ani, did, now, entry=entry), destination()
        digest = request.digest
        if digest is not None and digest.user_name:
            return self._digest_account(snapshot, request), destination()
        for candidate in dict.fromkeys((normalise(request.user_name), ani)):
            found = self.ani(snapshot, candidate)
            if found is not None:
                return found.account_id, found.destination
        # A customer's IP comes last: a registered caller dialling the access number from behind a
        # trunk's address is still that caller, not the trunk.
        remote = (request.remote_address or "").strip()
        trunk = snapshot.callers.trunks_by_ip.get(remote) if remote else None
        if trunk is not None:
            return trunk.account_id, destination()
        if not normalise(request.called_station_id) and self.lockout.locked(ani, did, now):
            raise Reject(ReturnCode.RETRIES_EXCEEDED)  # an IVR's first stage: this caller would be asked a PIN
        raise Reject(ReturnCode.INVALID_ACCOUNT)

    def _pin_account(self, pin: str, ani: str, did: str, now: dt.datetime, *, entry: bool) -> int:
        """The card's account, unless PIN `entry` is locked for the caller or the DID (pin_lockout.py); a wrong PIN
        is counted, and the one that reaches the limit is answered as the lockout it starts."""
        if entry and self.lockout.locked(ani, did, now):
            raise Reject(ReturnCode.RETRIES_EXCEEDED)
        try:
            return self._card_account(pin, now)
        except Reject as reject:
            if reject.code is ReturnCode.INVALID_PIN and self.lockout.failed(ani, did, now):
                raise Reject(ReturnCode.RETRIES_EXCEEDED) from None
            raise

    def _card_account(self, pin: str, now: dt.datetime) -> int:
        pin_cipher = self.ctx.pin_cipher
        if pin_cipher is None:  # a PIN that cannot be checked is not accepted
            raise Reject(ReturnCode.INVALID_PIN)
        index = pin_cipher.index(pin.strip())
        with Session(self.ctx.engine) as session:
            card = session.execute(
                select(Card.id, Card.account_id, Card.status, Card.expires_at, CardBatch.valid_days_after_first_use,
                       CardBatch.expires_at.label("batch_expires_at"))
                .join(CardBatch, CardBatch.id == Card.batch_id).where(Card.pin_index == index)).one_or_none()
        if card is None:
            raise Reject(ReturnCode.INVALID_PIN)
        status = CardStatus(card.status)
        if status is CardStatus.EXPIRED or (card.expires_at is not None and card.expires_at <= now):
            raise Reject(ReturnCode.EXPIRED)
        if status in (CardStatus.BLOCKED, CardStatus.USED):
            raise Reject(ReturnCode.INVALID_CARD)
        if status is CardStatus.NEW:  # first use: activate, and start the validity after first use
            expires = card.expires_at
            if card.valid_days_after_first_use:
                after_use = now + dt.timedelta(days=card.valid_days_after_first_use)
                expires = after_use if expires is None else min(expires, after_use)
            with Session(self.ctx.engine) as session, session.begin():
                session.execute(update(Card).where(Card.id == card.id, Card.status == CardStatus.NEW)
                                .values(status=CardStatus.ACTIVE, activated_at=now, expires_at=expires)
                                .execution_options(synchronize_session=False))
        return int(card.account_id)

    @staticmethod
    def _digest_account(snapshot: Snapshot, request: AuthRequest) -> int:
        digest = request.digest
        assert digest is not None and digest.user_name is not None
        trunk = snapshot.callers.trunks_by_user.get(digest.user_name)
        if trunk is None or trunk.password_ha1 is None or not response_matches(trunk.password_ha1, digest):
            raise Reject(ReturnCode.INVALID_ACCOUNT)
        return trunk.account_id

    def fallback_account(self, snapshot: Snapshot, record: AcctRecord) -> int | None:
        """The account of an accounted call that has neither a reservation nor a live row: a trusted account-id,
        else its ANI."""
        trusted = avpair_int(avpairs_of(record), "account-id")
        if trusted is not None and record.source_address in self.ctx.trusted_nas:
            return trusted
        country = snapshot.callers.did_country(self.ctx.normalise(cisco.find_avpair(avpairs_of(record), "did")))
        for candidate in (record.calling_station_id, record.user_name):
            entry = snapshot.callers.anis.get(self.ctx.normalise(candidate, country))
            if entry is not None:
                return entry.account_id
        return None
