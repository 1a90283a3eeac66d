"""Building and repricing a tariff as background jobs (admin only): blend a sell tariff from carriers' buy decks
(what `carrier-switch tariffs blend` does, the same code), and raise every price of a tariff by a percentage.

Each answers 202 with a job (`GET /jobs/{id}` for progress and the result, `POST /jobs/{id}/cancel`). A failed or
cancelled job changes nothing; a finished one bumps the tariff's version, so the rating indexes rebuild. Both work
their prices out into a staging table and write them in one short transaction (`store.repositories.tariff_repricing`),
so the RADIUS processes keep writing on SQLite meanwhile.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Response, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import ApiContext, Context, DbSession
from switch_service.api.jobs import Progress, Work, job_out
from switch_service.api.params import ObjectId
from switch_service.api.request_errors import conflict, invalid
from switch_service.api.routes.pricing import WRITE_RESPONSES, PricingAdmin
from switch_service.api.routes.router import api_router
from switch_service.api.routes.tariffs import get_tariff
from switch_service.api.schemas import API_PREFIX
from switch_service.api.schemas.jobs import JobOut
from switch_service.api.schemas.rates import TariffBlendIn, TariffRaiseIn
from switch_service.errors import UserError
from switch_service.routing.blend import Margin
from switch_service.store.models import Carrier, Tariff, User
from switch_service.store.models.enums import TariffKind
from switch_service.store.repositories.routing import plan_blend
from switch_service.store.repositories.tariff_repricing import raise_tariff, write_sell_tariff_staged

router = api_router(prefix="/tariffs/{tariff_id}", tags=["tariffs"])

UNCOVERED_SHOWN = 1000  # prefixes listed in a blend's result; the count is always whole
_JOB_RESPONSES = {**WRITE_RESPONSES, 202: {"headers": {"Location": {"description": "the job to poll",
                                                                    "schema": {"type": "string"}}}}}


def _start(context: ApiContext, kind: str, user: User, work: Work, response: Response) -> JobOut:
    job = context.jobs.submit(kind, user.id, work)
    response.headers["Location"] = f"{API_PREFIX}/jobs/{job.id}"
    return job_out(job)


def _blend_work(context: ApiContext, tariff_id: int, user_id: int, body: TariffBlendIn, margin: Margin) -> Work:
    at = (body.starts or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)

    def work(progress: Progress) -> dict[str, Any]:
        total = len(body.carrier_ids)

        def loaded(count: int) -> None:
            progress.check_cancelled()
            progress.update(count, total, f"read the decks of {count} of {total} carriers")

        with context.sessions() as session:  # reads only: the write below is one short transaction
            tariff = session.get(Tariff, tariff_id)
            if tariff is None:
                raise UserError(f"tariff {tariff_id} was deleted before the job ran; nothing changed")
            seen = tariff.version
            carriers = list(session.scalars(select(Carrier).where(Carrier.id.in_(body.carrier_ids))
                                            .order_by(Carrier.id)))
            progress.update(0, total, "reading the carriers' decks")
            used, skipped, result = plan_blend(session, tariff.name, carriers, margin, at,
                                               min_margin=body.min_margin, step=body.round_up or None,
                                               best=body.best, loaded=loaded)
        progress.check_cancelled()
        uncovered = result.uncovered
        summary = {"tariff_id": tariff_id, "priced": len(result.rates), "carriers": list(used),
                   "skipped": list(skipped), "uncovered_count": len(uncovered),
                   "uncovered": list(uncovered[:UNCOVERED_SHOWN]), "starts": at.isoformat()}

        def finish(session: Session, version: int) -> None:  # inside the writing transaction, before its commit
            user = session.get(User, user_id)
            if user is None:
                raise UserError("the user who started the job no longer exists")
            progress.check_cancelled()  # the last moment a cancel still undoes everything
            summary["version"] = version
            record_audit(session, user, "blend", "tariff", tariff_id,
                         {key: value for key, value in summary.items() if key != "uncovered"})

        write_sell_tariff_staged(context.engine, tariff_id, result.rates, at, seen_version=seen, finish=finish)
        return summary

    return work


@router.post("/blend", status_code=status.HTTP_202_ACCEPTED, responses=_JOB_RESPONSES)
def start_blend(tariff_id: ObjectId, body: TariffBlendIn, session: DbSession, *, user: PricingAdmin,
                context: Context, response: Response) -> JobOut:
    """Start pricing the sell tariff from the carriers' decks; the job's `result` holds `priced` (prefixes),
    `carriers`, `skipped` (switched off), `uncovered_count` and the first `uncovered` prefixes, and `version`."""
    tariff = get_tariff(session, tariff_id)
    if tariff.kind is not TariffKind.SELL:
        raise conflict(f"tariff {tariff.name!r} is a buy tariff (a carrier's deck): blend into a sell tariff")
    if (body.margin_percent is None) == (body.margin_amount is None):
        raise invalid(("body", "margin_percent"), "give the margin as margin_percent or as margin_amount (one)")
    if body.round_up is not None and body.round_up <= 0:
        raise invalid(("body", "round_up"), "the rounding step must be above 0", str(body.round_up))
    carriers = {carrier.id: carrier for carrier in session.scalars(
        select(Carrier).where(Carrier.id.in_(body.carrier_ids)))}
    missing = [carrier_id for carrier_id in body.carrier_ids if carrier_id not in carriers]
    if missing:
        raise invalid(("body", "carrier_ids"), f"no carrier {', '.join(map(str, missing))}", missing)
    without = [carrier.name for carrier in carriers.values() if carrier.buy_tariff_id is None]
    if without:
        raise invalid(("body", "carrier_ids"), f"carrier {', '.join(without)} has no buy tariff to price from",
                      body.carrier_ids)
    margin = Margin(percent=body.margin_percent, amount=body.margin_amount)
    return _start(context, "tariff_blend", user, _blend_work(context, tariff_id, user.id, body, margin), response)


def _raise_work(context: ApiContext, tariff_id: int, user_id: int, body: TariffRaiseIn) -> Work:
    def work(progress: Progress) -> dict[str, Any]:
        def advanced(done: int, total: int) -> None:
            progress.check_cancelled()
            progress.update(done, total, f"repriced {done} of {total} rates")

        def finish(session: Session, changed: int) -> None:  # inside the writing transaction, before its commit
            user = session.get(User, user_id)
            if user is None:
                raise UserError("the user who started the job no longer exists")
            progress.check_cancelled()
            summary.update({"tariff_id": tariff_id, "rates": changed, "percent": str(body.percent),
                            "fees": body.fees,
                            "version": session.scalar(select(Tariff.version).where(Tariff.id == tariff_id))})
            record_audit(session, user, "raise", "tariff", tariff_id, summary)

        summary: dict[str, Any] = {}
        raise_tariff(context.engine, tariff_id, body.percent, step=body.round_up or None, fees=body.fees,
                     progress=advanced, finish=finish)
        return summary

    return work


@router.post("/raise", status_code=status.HTTP_202_ACCEPTED, responses=_JOB_RESPONSES)
def start_raise(tariff_id: ObjectId, body: TariffRaiseIn, session: DbSession, *, user: PricingAdmin,
                context: Context, response: Response) -> JobOut:
    """Start raising (or lowering) every price of every rate of the tariff by `percent`; the job's `result` holds
    `rates` (changed) and the new `version`."""
    get_tariff(session, tariff_id)
    if body.percent == 0:
        raise invalid(("body", "percent"), "a change of 0 % changes nothing", str(body.percent))
    if body.round_up is not None and body.round_up <= 0:
        raise invalid(("body", "round_up"), "the rounding step must be above 0", str(body.round_up))
    return _start(context, "tariff_raise", user, _raise_work(context, tariff_id, user.id, body), response)
