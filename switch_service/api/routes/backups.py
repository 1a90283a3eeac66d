"""Backups of the service's database (admin): list the backup folder, take one now (a job with progress),
download one, restore one into the running service.

A restore from here replaces the service's data: SIP and RADIUS stop (calls in progress end), a safety backup of
the current data is taken first, the database is emptied and the backup loaded (checksums checked), the issued
documents' files it carries put back in the data folder and the operator's recordings (replaced prompts, access
numbers' welcomes) in its prompt folder, then SIP and RADIUS start again. If the load fails, the safety backup is
loaded back. Everyone signs in again afterwards: the users and their sign-ins are those of the backup.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import HTTPException, Response, status
from fastapi.responses import FileResponse

from switch_service import backup_folder
from switch_service.api.audit import record_audit
from switch_service.api.deps import Admin, ApiContext, Context, DbSession
from switch_service.api.jobs import Progress, job_out
from switch_service.api.request_errors import error_responses
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.jobs import JobOut
from switch_service.api.schemas.service import BackupList, BackupOut, RestoreIn
from switch_service.store import backup
from switch_service.version import service_version

router = api_router(prefix="/backups", tags=["service"])

_RESPONSES = error_responses(401, 403)
# They hold database connections and write, the node's heartbeat and the duties lease too (a beat during the restore
# made its check fail: "restored tables differ from the backup: cluster_nodes"); started again in reverse order, the
# heartbeat before the duties it leases under. The API answers meanwhile.
STOPPED_FOR_RESTORE = ("sip", "radius", "duties", "node")


def _progress(progress: Progress) -> backup.Progress:
    def report(done: int, total: int | None, message: str) -> None:
        progress.check_cancelled()
        progress.update(done, total, message)

    return report


@router.get("", responses=_RESPONSES)
def list_backups(_user: Admin, context: Context) -> BackupList:
    settings = context.settings
    return BackupList(folder=str(backup_folder.folder(settings)), keep=settings.typed.backup_keep,
                      interval_h=settings.typed.backup_interval_h,
                      backups=[BackupOut(name=item.path.name, size=item.size, created_at=item.created_at)
                               for item in backup_folder.listed(settings)])


@router.post("", status_code=status.HTTP_202_ACCEPTED, responses=_RESPONSES)
def start_backup(user: Admin, context: Context, session: DbSession) -> JobOut:
    """Back the database up into the backup folder while calls go on, with the files of the issued documents; poll
    the job for progress."""
    record_audit(session, user, "backup", "database", None, {})

    def work(progress: Progress) -> dict[str, Any]:
        path = backup_folder.take(context.engine, context.settings, service_version(), _progress(progress))
        return {"name": path.name, "size": path.stat().st_size}

    return job_out(context.jobs.submit("backup", user.id, work))


def _backup_path(context: ApiContext, name: str) -> Path:
    for item in backup_folder.listed(context.settings):
        if item.path.name == name:
            return item.path
    raise HTTPException(status.HTTP_404_NOT_FOUND, f"no backup {name!r} in the backup folder")


@router.get("/{name}", response_class=FileResponse, responses={
    **_RESPONSES, **error_responses(404),
    200: {"content": {"application/zip": {}}, "description": "the backup file"}})
def download_backup(name: str, _user: Admin, context: Context) -> FileResponse:
    return FileResponse(_backup_path(context, name), media_type="application/zip", filename=name)


@router.post("/restore", status_code=status.HTTP_202_ACCEPTED, responses={**_RESPONSES, **error_responses(404)})
def start_restore(body: RestoreIn, user: Admin, context: Context, session: DbSession,
                  response: Response) -> JobOut:
    """Replace the service's data with a backup of the folder (see the module docstring); poll the job."""
    path = _backup_path(context, body.name)
    backup.read_manifest(path)  # not a backup: 400 now, not a failed job later
    record_audit(session, user, "restore", "database", None, {"backup": body.name})
    response.headers["Cache-Control"] = "no-store"

    def work(progress: Progress) -> dict[str, Any]:
        report = _progress(progress)
        documents = backup_folder.data_folder(context.settings)
        recordings = backup_folder.prompts_folder(context.settings)
        report(0, None, "taking a safety backup of the current data")
        safety = backup_folder.take(context.engine, context.settings, service_version(), report, "before-restore")
        supervisor = context.service
        stopped = [name for name in STOPPED_FOR_RESTORE if supervisor is not None and name in supervisor.names]
        for name in stopped:
            assert supervisor is not None
            supervisor.stop(name)
        context.maintenance.begin(job_id[0] if job_id else None)
        try:
            backup.drop_everything(context.engine)
            try:
                manifest = backup.restore(context.engine, path, _uncancellable(progress), data_dir=documents,
                                          prompts_dir=recordings)
            except BaseException:
                backup.restore(context.engine, safety, data_dir=documents, prompts_dir=recordings)
                raise
        finally:
            context.maintenance.end()
            for name in reversed(stopped):
                assert supervisor is not None
                supervisor.start(name)
        return {"name": body.name, "revision": manifest.revision, "safety_backup": safety.name,
                "rows": sum(table.rows for table in manifest.tables.values()),
                "files": manifest.counted(backup.DOCUMENTS), "recordings": manifest.counted(backup.PROMPTS)}

    job_id: list[str] = []  # the job's id, for the restore window's own progress answers
    job = context.jobs.submit("restore", user.id, work)
    job_id.append(job.id)
    return job_out(job)


def _uncancellable(progress: Progress) -> backup.Progress:
    """Once the data is gone, the restore runs to its end: a cancel then would leave an empty database."""
    def report(done: int, total: int | None, message: str) -> None:
        progress.update(done, total, message)

    return report

