"""The FastAPI application: routers under /api/v1, one sessionmaker, errors as readable JSON."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request, status
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from switch_service.api.capacity import Admission, api_workers, database_busy
from switch_service.api.deps import ApiContext, PinCipherSource
from switch_service.api.fee_runner import charge_fees_forever
from switch_service.api.input_limits import BodyLimit, previewed, refused_body
from switch_service.api.jobs import JobRunner
from switch_service.api.live import LiveCalls
from switch_service.api.maintenance import MaintenanceMiddleware
from switch_service.api.request_errors import error_body
from switch_service.api.routes import (
    accounts,
    agent_pins,
    anis,
    auth,
    backups,
    band_schedules,
    cards,
    carriers,
    cdrs,
    company,
    dial_plans,
    did_welcome,
    dids,
    fees,
    health,
    ivr_prompts,
    jobs,
    nas_clients,
    notes,
    packages,
    payments,
    rate_decks,
    rate_imports,
    rates,
    reports,
    reseller_logos,
    resellers,
    routing_explain,
    service_ops,
    setup,
    speed_dials,
    statements,
    tariff_tools,
    tariffs,
    taxes,
    trunks,
    users,
    vouchers,
)
from switch_service.api.routes import live as live_routes
from switch_service.api.schemas import API_PREFIX
from switch_service.components import Supervisor
from switch_service.config.secrets import SecretStore
from switch_service.config.settings import Settings
from switch_service.documents.monthly_run import issue_statements_forever
from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.version import service_version

# Matched in this order, module by module.
API_ROUTES = [route for module in (
    health, auth, accounts, anis, notes, payments, cdrs, jobs, tariffs, rates, rate_imports, rate_decks, taxes,
    packages, band_schedules, live_routes, reports, carriers, dial_plans, routing_explain, resellers, reseller_logos,
    agent_pins, users, dids, did_welcome, trunks, speed_dials, cards, vouchers, setup, company, fees, service_ops,
    backups, nas_clients, tariff_tools, statements, ivr_prompts) for route in module.router.routes]


def create_app(engine: Engine, settings: Settings, *, secrets_fallback: bool | None = None,
               pin_cipher: PinCipher | None = None, live: LiveCalls | None = None,
               service: Supervisor | None = None, duties: Callable[[], bool] = lambda: True) -> FastAPI:
    """The API app over `engine`. `secrets_fallback` defaults to what the secret store reports now; `pin_cipher`
    to one keyed by the secret store's "pin_key", read when a request first needs it; `live` to a quiet event bus
    with no switch behind it (no hangup); `service`: the supervisor of the running service's components;
    `duties`: whether this node runs the fee and statement schedules now (cluster/duties.py)."""
    if secrets_fallback is None:
        secrets_fallback = SecretStore().insecure_fallback
    job_runner = JobRunner()
    live = live or LiveCalls()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        feeding = asyncio.ensure_future(live.feed_forever())  # the live counters
        interval = float(settings.typed.fees_interval_s)
        charging = (asyncio.ensure_future(charge_fees_forever(engine, settings, interval, duties))
                    if interval > 0 else None)
        every = float(settings.typed.statements_interval_s)
        issuing = (asyncio.ensure_future(issue_statements_forever(engine, settings, every, duties))
                   if every > 0 else None)
        yield
        live.close()
        feeding.cancel()
        for timer in (charging, issuing):
            if timer is not None:
                timer.cancel()
        job_runner.shutdown()  # running jobs are cancelled; their transactions roll back

    app = FastAPI(
        lifespan=lifespan,
        title="Carrierdesk API",
        version=service_version(),
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        routes=API_ROUTES,  # built once per process (routes/router.py); each app gets its own list of them
    )
    app.state.context = ApiContext(
        engine=engine,
        settings=settings,
        sessions=sessionmaker(engine, class_=Session, expire_on_commit=False),
        secrets_fallback=secrets_fallback,
        jobs=job_runner,
        pins=PinCipherSource(pin_cipher),
        live=live,
        service=service,
    )
    app.add_middleware(MaintenanceMiddleware, maintenance=app.state.context.maintenance, jobs=job_runner)
    app.add_exception_handler(UserError, _user_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(OperationalError, database_busy)
    app.add_exception_handler(PoolTimeoutError, database_busy)
    app.add_middleware(Admission, slots=api_workers(engine.url, settings), wait_s=settings.typed.api_queue_timeout_s)
    app.add_middleware(BodyLimit, settings=settings)  # outermost: a body too large waits for no turn
    return app


async def _user_error(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(error_body(status.HTTP_400_BAD_REQUEST, str(exc)), status_code=status.HTTP_400_BAD_REQUEST)


async def _http_error(request: Request, exc: Exception) -> Response:
    """FastAPI's own answer with the error's code (`request_errors.ApiProblem`), and a 405's `Allow` lists every
    method the path has: Starlette names only those of the first route it tried (FastAPI makes a route per
    method)."""
    assert isinstance(exc, StarletteHTTPException)
    refused = refused_body(exc, request, request.app.state.context.settings)
    if refused is not None:
        return refused
    headers = dict(exc.headers or {})
    if exc.status_code == status.HTTP_405_METHOD_NOT_ALLOWED:
        headers["Allow"] = ", ".join(_methods(request.app, request.url.path))
    if exc.status_code in (status.HTTP_204_NO_CONTENT, status.HTTP_304_NOT_MODIFIED):
        return Response(status_code=exc.status_code, headers=headers)
    return JSONResponse(error_body(exc.status_code, exc.detail, exc), status_code=exc.status_code, headers=headers)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """FastAPI's 422 (`detail`: every problem with its type, loc and ctx), with the code and the first field."""
    assert isinstance(exc, RequestValidationError)
    problems = jsonable_encoder(previewed(exc.errors()))  # a large input is never echoed whole
    body = error_body(status.HTTP_422_UNPROCESSABLE_CONTENT, problems)
    if problems:
        body["field"] = ".".join(str(part) for part in problems[0].get("loc", ())
                                 if part not in ("body", "query", "path")) or None
    return JSONResponse(body, status_code=status.HTTP_422_UNPROCESSABLE_CONTENT)


def _methods(app: FastAPI, path: str) -> list[str]:
    """The methods of the path in the OpenAPI document; where templates overlap (`/vouchers/redeem` and
    `/vouchers/{voucher_id}`), those of the one with the fewest parameters, the literal one."""
    templates = [template for template in app.openapi()["paths"]
                 if re.fullmatch(re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(template)), path)]
    if not templates:
        return []
    template = min(templates, key=lambda text: text.count("{"))
    return sorted(method.upper() for method in app.openapi()["paths"][template])
