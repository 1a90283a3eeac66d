"""Background jobs for the API: long writes (a rate-deck import, a card batch) run on a worker thread and report
progress, so an HTTP request never waits minutes and the desktop can show a progress bar and offer Cancel.

A job's work is a function taking a `Progress`. It returns a small JSON-ready dict (its result), raises
`JobFailedError` with every problem it found (an import's bad rows), or `UserError` with one message. Cancelling is
cooperative: the work checks `progress.cancelled` and raises `JobCancelledError`; whatever it writes must appear in
one transaction, so a failed or cancelled job leaves nothing behind. A long writer stages its rows first and keeps
that transaction short (SQLite has one writer, and RADIUS must get it: `store.deck_loader.import_deck_staged`).

Jobs live in memory: a restart forgets them (their work was transactional, so nothing is half-done).
"""

from __future__ import annotations

import collections
import datetime as dt
import enum
import logging
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from switch_service.api.schemas import jobs as job_schemas
from switch_service.errors import UserError

log = logging.getLogger(__name__)

KEEP_FINISHED = 200  # finished jobs remembered for their result; the oldest are forgotten first


class JobState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class JobFailedError(Exception):
    """The work found problems and wrote nothing; `errors` lists every one (for example each bad line)."""

    def __init__(self, message: str, errors: list[str]) -> None:
        super().__init__(message)
        self.errors = errors


class JobCancelledError(Exception):
    """Raised by the work when it sees `progress.cancelled`."""


@dataclass
class Job:
    id: str
    kind: str
    owner_id: int
    state: JobState = JobState.QUEUED
    done: int = 0
    total: int | None = None
    message: str = ""
    result: dict[str, Any] | None = None
    errors: list[str] = field(default_factory=list)
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    finished_at: dt.datetime | None = None
    cancel_requested: bool = False

    @property
    def finished(self) -> bool:
        return self.state in {JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED}


class Progress:
    """What the work sees of its job: report how far it got, and whether the user asked to cancel."""

    def __init__(self, job: Job, lock: threading.Lock) -> None:
        self._job = job
        self._lock = lock

    def update(self, done: int, total: int | None = None, message: str | None = None) -> None:
        with self._lock:
            self._job.done = done
            if total is not None:
                self._job.total = total
            if message is not None:
                self._job.message = message

    @property
    def cancelled(self) -> bool:
        return self._job.cancel_requested

    def check_cancelled(self) -> None:
        if self._job.cancel_requested:
            raise JobCancelledError


Work = Callable[[Progress], dict[str, Any]]


class JobRunner:
    """A small pool of worker threads and the jobs they ran. Thread-safe; `snapshot` gives consistent copies."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="api-job")
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}
        self._finished: collections.deque[str] = collections.deque()

    def submit(self, kind: str, owner_id: int, work: Work) -> Job:
        job = Job(id=secrets.token_hex(8), kind=kind, owner_id=owner_id)
        with self._lock:
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, work)
        return self.snapshot(job.id) or job

    def snapshot(self, job_id: str) -> Job | None:
        """A copy of the job as it is now (the worker keeps changing the original)."""
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return None
            return Job(**{name: getattr(job, name) for name in Job.__dataclass_fields__} | {"errors": list(job.errors)})

    def cancel(self, job_id: str) -> Job | None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None and not job.finished:
                job.cancel_requested = True
        return self.snapshot(job_id)

    def wait(self, job_id: str, timeout: float) -> Job | None:
        """Block until the job finishes or `timeout` passes (tests and the CLI use this)."""
        deadline = time.monotonic() + timeout
        while True:
            job = self.snapshot(job_id)
            if job is None or job.finished or time.monotonic() >= deadline:
                return job
            time.sleep(0.02)

    def shutdown(self) -> None:
        """Ask running jobs to stop and wait for the workers (their transactions roll back)."""
        with self._lock:
            for job in self._jobs.values():
                job.cancel_requested = True
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: Job, work: Work) -> None:
        with self._lock:
            if job.cancel_requested:
                self._finish(job, JobState.CANCELLED, "cancelled before it started")
                return
            job.state = JobState.RUNNING
        try:
            result = work(Progress(job, self._lock))
        except JobCancelledError:
            outcome: tuple[JobState, str, dict[str, Any] | None, list[str]] = (
                JobState.CANCELLED, "cancelled; nothing was written", None, [])
        except JobFailedError as exc:
            outcome = (JobState.FAILED, str(exc), None, exc.errors)
        except UserError as exc:
            outcome = (JobState.FAILED, str(exc), None, [])
        except Exception:
            log.exception("job %s (%s) crashed", job.id, job.kind)
            outcome = (JobState.FAILED, "the job failed unexpectedly; the service log has the details", None, [])
        else:
            outcome = (JobState.SUCCEEDED, "done", result, [])
        state, message, result_or_none, errors = outcome
        with self._lock:
            job.result = result_or_none
            job.errors = errors
            self._finish(job, state, message)

    def _finish(self, job: Job, state: JobState, message: str) -> None:
        """Called with the lock held."""
        job.state = state
        job.message = message
        job.finished_at = dt.datetime.now(dt.UTC)
        self._finished.append(job.id)
        while len(self._finished) > KEEP_FINISHED:
            self._jobs.pop(self._finished.popleft(), None)


def job_out(job: Job) -> job_schemas.JobOut:
    """What the API answers about a job."""
    return job_schemas.JobOut(id=job.id, kind=job.kind, state=job_schemas.JobState(job.state.value), done=job.done,
                              total=job.total, message=job.message, result=job.result, errors=job.errors,
                              created_at=job.created_at, finished_at=job.finished_at)
