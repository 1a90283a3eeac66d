"""The background-job runner: progress is visible while a job runs, failures keep every error, cancel stops it,
and a job is visible only to its owner or an admin."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from api_harness import Api

from switch_service.api.jobs import JobCancelledError, JobFailedError, JobRunner, JobState, Progress
from switch_service.errors import UserError


@pytest.fixture
def runner() -> Iterator[JobRunner]:
    runner = JobRunner(workers=1)
    yield runner
    runner.shutdown()


def test_progress_is_visible_while_the_job_runs_and_the_result_after(runner: JobRunner) -> None:
    halfway, release = threading.Event(), threading.Event()

    def work(progress: Progress) -> dict[str, object]:
        progress.update(5, 10, "half")
        halfway.set()
        release.wait(5)
        progress.update(10)
        return {"rows": 10}

    job = runner.submit("demo", owner_id=1, work=work)
    assert halfway.wait(5)
    running = runner.snapshot(job.id)
    assert running is not None
    assert (running.state, running.done, running.total, running.message) == (JobState.RUNNING, 5, 10, "half")
    release.set()
    finished = runner.wait(job.id, 5)
    assert finished is not None
    assert (finished.state, finished.done, finished.result) == (JobState.SUCCEEDED, 10, {"rows": 10})
    assert finished.finished_at is not None


def test_a_failed_job_keeps_every_error_and_a_user_error_its_message(runner: JobRunner) -> None:
    def bad_rows(_progress: Progress) -> dict[str, object]:
        raise JobFailedError("2 bad rows; nothing imported", ["line 3: bad prefix", "line 9: negative rate"])

    def refused(_progress: Progress) -> dict[str, object]:
        raise UserError("tariff 'x' does not exist")

    failed = runner.wait(runner.submit("import", 1, bad_rows).id, 5)
    assert failed is not None
    assert (failed.state, failed.message) == (JobState.FAILED, "2 bad rows; nothing imported")
    assert failed.errors == ["line 3: bad prefix", "line 9: negative rate"]
    refusal = runner.wait(runner.submit("import", 1, refused).id, 5)
    assert refusal is not None
    assert (refusal.state, refusal.message, refusal.errors) == (JobState.FAILED, "tariff 'x' does not exist", [])


def test_cancel_stops_a_running_job(runner: JobRunner) -> None:
    started = threading.Event()

    def endless(progress: Progress) -> dict[str, object]:
        started.set()
        for step in range(500):  # bounded: 10 s at most
            progress.update(step)
            progress.check_cancelled()
            threading.Event().wait(0.02)
        raise AssertionError("the job was never cancelled")

    job = runner.submit("long", 1, endless)
    assert started.wait(5)
    runner.cancel(job.id)
    finished = runner.wait(job.id, 5)
    assert finished is not None
    assert finished.state is JobState.CANCELLED
    assert "nothing was written" in finished.message


def test_cancelled_work_raising_jobcancelled_is_not_a_crash(runner: JobRunner) -> None:
    def gives_up(_progress: Progress) -> dict[str, object]:
        raise JobCancelledError

    finished = runner.wait(runner.submit("x", 1, gives_up).id, 5)
    assert finished is not None and finished.state is JobState.CANCELLED


def test_jobs_are_seen_by_their_owner_and_admins_only(api: Api, auth_header, users: dict[str, int]) -> None:
    job = api.client.app.state.context.jobs.submit("demo", users["support"], lambda _p: {"ok": True})
    support, north, admin = (auth_header(api.login(name)) for name in ("support", "north", "admin"))
    assert api.client.get(f"/api/v1/jobs/{job.id}", headers=support).status_code == 200
    assert api.client.get(f"/api/v1/jobs/{job.id}", headers=admin).json()["id"] == job.id
    other = api.client.get(f"/api/v1/jobs/{job.id}", headers=north)
    assert other.status_code == 404
    assert "does not exist" in other.json()["detail"]
    assert api.client.get("/api/v1/jobs/nope", headers=admin).status_code == 404
