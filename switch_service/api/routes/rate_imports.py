"""Rate-deck import into a tariff as a background job: POST the CSV, poll GET /api/v1/jobs/{id}. Admin only.

The job reads and checks the whole deck first (`decks.read_deck`), then loads it with the database's fast path
(`store.deck_loader.import_deck_staged`): staged in short transactions, so the RADIUS processes keep writing on
SQLite, and switched in with one short transaction. A deck with any bad row fails with every bad line listed and
writes nothing, and a cancelled job drops whatever it had staged.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import File, Form, Response, UploadFile, status
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit
from switch_service.api.deps import ApiContext, Context, DbSession
from switch_service.api.jobs import JobFailedError, Progress, Work, job_out
from switch_service.api.params import ObjectId
from switch_service.api.routes.pricing import RESPONSES, PricingAdmin, counted
from switch_service.api.routes.router import api_router
from switch_service.api.routes.tariffs import get_tariff
from switch_service.api.schemas import API_PREFIX, Timestamp
from switch_service.api.schemas.jobs import JobOut
from switch_service.api.schemas.rates import DeckFormat
from switch_service.decks import DeckError, read_deck
from switch_service.errors import UserError
from switch_service.store.deck_loader import ImportResult, import_deck_staged
from switch_service.store.models import Tariff, User

router = api_router(prefix="/tariffs/{tariff_id}", tags=["rates"])

JOB_KIND = "rates_import"


def _upload_name(upload: UploadFile) -> str:
    name = Path(upload.filename or "").name.strip()
    return name or "rates.csv"


def _keep(upload: UploadFile, name: str) -> Path:
    """A copy of the upload the job can read after the request is over (the upload is closed with it)."""
    folder = Path(tempfile.mkdtemp(prefix="carrierdesk-import-"))
    path = folder / name
    with path.open("wb") as out:
        shutil.copyfileobj(upload.file, out, 1 << 20)
    return path


def import_work(context: ApiContext, tariff_id: int, user_id: int, path: Path, *, fmt: str | None,
                starts: dt.datetime) -> Work:
    """The job: read and check the deck, stage it in short transactions, switch it in and audit it in one; the
    file is removed after."""

    def work(progress: Progress) -> dict[str, Any]:
        def loaded(done: int, total: int) -> None:  # called by the loader before it starts and after each chunk
            progress.check_cancelled()  # raising here drops what was staged: nothing imported
            progress.update(done, total, f"loading rates: {done} of {total}")

        def finish(session: Session, result: ImportResult) -> None:  # inside the switch-over, before its commit
            user = session.get(User, user_id)
            if user is None:
                raise UserError("the user who started the import no longer exists")
            progress.check_cancelled()  # the last moment a cancel can still undo everything
            summary.update({"rows": result.rows, "closed": result.closed, "version": result.version})
            record_audit(session, user, "import", "tariff", tariff_id, summary)

        try:
            progress.update(0, None, f"reading {path.name}")
            try:
                deck = read_deck(path, starts=starts, fmt=fmt)
            except DeckError as exc:
                raise JobFailedError(f"{path.name} refused, nothing imported: "
                                     f"{counted(len(exc.problems), 'problem')}", exc.problems) from None
            progress.check_cancelled()
            with context.sessions() as session:
                if session.get(Tariff, tariff_id) is None:
                    raise UserError(f"tariff {tariff_id} was deleted before the import ran; nothing imported")
            summary: dict[str, Any] = {"tariff_id": tariff_id, "file": path.name, "format": deck.format}
            try:
                import_deck_staged(context.engine, tariff_id, deck, progress=loaded, finish=finish)
            except DeckError as exc:  # rows clash with rates already in the tariff
                raise JobFailedError(f"{path.name} refused, nothing imported: "
                                     f"{counted(len(exc.problems), 'row')} repeat rates already in the tariff",
                                     exc.problems) from None
            return summary
        finally:
            shutil.rmtree(path.parent, ignore_errors=True)

    return work


@router.post("/imports", status_code=status.HTTP_202_ACCEPTED,
             responses={**RESPONSES, 202: {"headers": {"Location": {"description": "the job to poll",
                                                                    "schema": {"type": "string"}}}}})
def start_import(
    tariff_id: ObjectId,
    session: DbSession,
    user: PricingAdmin,
    context: Context,
    *,
    file: Annotated[UploadFile, File(description="the rate deck, CSV in UTF-8")],
    response: Response,
    deck_format: Annotated[DeckFormat | None, Form(alias="format", description="deck layout; recognised from "
                                                                               "the header when left out")] = None,
    starts: Annotated[Timestamp | None, Form(description="when the deck takes effect, with a UTC offset "
                                                             "(fills rows without valid_from); default now")] = None,
) -> JobOut:
    """Start loading a rate deck into the tariff (all rows or none); answers 202 with the job to poll.

    The job's `done`/`total` count the rows loaded; its `result` holds `rows` (imported), `closed` (earlier
    rates of the same prefixes that now end where the new ones start), `version` and `format`. A deck with bad
    rows fails the job with every bad line in `errors`; cancelling it (POST /jobs/{id}/cancel) imports nothing.
    """
    get_tariff(session, tariff_id)
    path = _keep(file, _upload_name(file))
    work = import_work(context, tariff_id, user.id, path, fmt=deck_format.value if deck_format else None,
                       starts=starts or dt.datetime.now(dt.UTC))
    try:
        job = context.jobs.submit(JOB_KIND, user.id, work)
    except RuntimeError:  # the service is shutting down
        shutil.rmtree(path.parent, ignore_errors=True)
        raise
    response.headers["Location"] = f"{API_PREFIX}/jobs/{job.id}"
    return job_out(job)
