"""Follow a background job of the service (a rate import, a card batch) until it ends.

The service answers a long write at once with a job (`JobOut`, 202) and does the work on its own thread; the
desktop polls `GET /jobs/{id}` for progress and may ask `POST /jobs/{id}/cancel`. One poll runs at a time (the
next is scheduled when the previous answer is in), so a slow service is never flooded, and polling stops by
itself when the job ends, when the service stops answering, or when the poller's parent is gone.
"""

from __future__ import annotations

from desktop.api_client import ApiClient
from desktop.ops import Op, error_text
from desktop.qt import QObject, QTimer, Signal
from switch_service.api.schemas.jobs import JobOut, JobState

POLL_INTERVAL_MS = 250
MAX_FAILED_POLLS = 3  # in a row: then the service is taken to be gone and `lost` is emitted

FINAL_STATES = frozenset({JobState.SUCCEEDED, JobState.FAILED, JobState.CANCELLED})


def job_path(job_id: str) -> str:
    return f"/jobs/{job_id}"


class JobPoller(QObject):
    """`updated` carries every answer while the job runs, `ended` the one that finished it (succeeded, failed
    or cancelled), `lost` the reason polling gave up. Start it with the job the service answered."""

    updated = Signal(object)  # JobOut
    ended = Signal(object)  # JobOut in a final state
    lost = Signal(str)

    def __init__(self, client: ApiClient, parent: QObject | None = None, *,
                 interval_ms: int = POLL_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._client = client
        self._job: JobOut | None = None
        self._failures = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)
        self._polling = False

    @property
    def job(self) -> JobOut | None:
        """The latest answer about the job."""
        return self._job

    @property
    def active(self) -> bool:
        return self._job is not None and self._job.state not in FINAL_STATES and self._polling

    def start(self, job: JobOut) -> None:
        """Follow `job` (the service's answer that started it); an already finished one ends at once."""
        self._job = job
        self._failures = 0
        self._polling = True
        self._received(job)

    def stop(self) -> None:
        """Stop polling; the job itself goes on in the service."""
        self._polling = False
        self._timer.stop()

    def cancel(self) -> None:
        """Ask the service to stop the job; the polls that follow report when it has."""
        job = self._job
        if job is None or job.state in FINAL_STATES:
            return
        client, path = self._client, f"{job_path(job.id)}/cancel"
        (Op(self, lambda: client.post(path, JobOut))
         .success(self._received)
         .failure(self._failed)
         .busy(None)
         .run())

    def _poll(self) -> None:
        job = self._job
        if job is None or not self._polling:
            return
        client, path = self._client, job_path(job.id)
        (Op(self, lambda: client.get(path, JobOut))
         .success(self._received)
         .failure(self._failed)
         .busy(None)
         .run())

    def _received(self, job: JobOut) -> None:
        if not self._polling:
            return
        self._failures = 0
        self._job = job
        if job.state in FINAL_STATES:
            self.stop()
            self.ended.emit(job)
            return
        self.updated.emit(job)
        if not self._timer.isActive():
            self._timer.start()

    def _failed(self, error: Exception) -> None:
        if not self._polling:
            return
        self._failures += 1
        if self._failures >= MAX_FAILED_POLLS:
            self.stop()
            self.lost.emit(error_text(error))
        elif not self._timer.isActive():
            self._timer.start()
