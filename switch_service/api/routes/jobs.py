"""Background jobs: poll one for progress, or ask it to stop. Only its owner (or an admin) sees a job."""

from __future__ import annotations

from fastapi import HTTPException, status

from switch_service.api.deps import Context, CurrentUser
from switch_service.api.jobs import Job, job_out
from switch_service.api.request_errors import error_responses
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.jobs import JobOut
from switch_service.store.models import User
from switch_service.store.models.enums import Role

router = api_router(prefix="/jobs", tags=["jobs"])

_RESPONSES = error_responses(401, 404)


def _own(job: Job | None, user: User, job_id: str) -> Job:
    if job is None or (job.owner_id != user.id and user.role is not Role.ADMIN):
        raise HTTPException(status.HTTP_404_NOT_FOUND, f"job {job_id} does not exist (or has been forgotten)")
    return job


@router.get("/{job_id}", responses=_RESPONSES)
def get_job(job_id: str, user: CurrentUser, context: Context) -> JobOut:
    return job_out(_own(context.jobs.snapshot(job_id), user, job_id))


@router.post("/{job_id}/cancel", responses=_RESPONSES)
def cancel_job(job_id: str, user: CurrentUser, context: Context) -> JobOut:
    """Ask the job to stop; it stops at its next check and writes nothing. A finished job is left as it is."""
    _own(context.jobs.snapshot(job_id), user, job_id)
    job = context.jobs.cancel(job_id)
    return job_out(_own(job, user, job_id))
