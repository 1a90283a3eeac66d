"""The FastAPI application: routers under /api/v1, one sessionmaker, errors as readable JSON."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from switch_service.api.deps import ApiContext
from switch_service.api.jobs import JobRunner
from switch_service.api.routes import accounts, anis, auth, cdrs, health, jobs, notes, payments
from switch_service.api.schemas import API_PREFIX
from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings
from switch_service.errors import UserError


def create_app(engine: Engine, settings: Settings, *, secrets_fallback: bool | None = None) -> FastAPI:
    """The API app over `engine`. `secrets_fallback` defaults to what the secret store reports now."""
    if secrets_fallback is None:
        secrets_fallback = SecretStore().insecure_fallback
    job_runner = JobRunner()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        job_runner.shutdown()  # running jobs are cancelled; their transactions roll back

    app = FastAPI(
        lifespan=lifespan,
        title="Carrierdesk API",
        version=health.service_version(),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.context = ApiContext(
        engine=engine,
        settings=settings,
        sessions=sessionmaker(engine, class_=Session, expire_on_commit=False),
        secrets_fallback=secrets_fallback,
        jobs=job_runner,
    )
    for module in (health, auth, accounts, anis, notes, payments, cdrs, jobs):
        app.include_router(module.router, prefix=API_PREFIX)
    app.add_exception_handler(UserError, _user_error)
    return app


async def _user_error(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=status.HTTP_400_BAD_REQUEST)
