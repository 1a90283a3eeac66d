"""The running service (admin): its components with state, ports and counters; restart one; the tail of its log.

Restarting the API from the API answers first (202) and restarts a moment later: the desktop's next requests
wait for the new one (and its event stream reconnects by itself).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Annotated

from fastapi import HTTPException, Query, Response, status

from switch_service import logs
from switch_service.api.audit import record_audit
from switch_service.api.deps import Admin, ApiContext, Context, DbSession
from switch_service.api.request_errors import error_responses
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.service import (
    ComponentOut,
    ComponentState,
    LogTailOut,
    NodeList,
    NodeOut,
    NodeState,
    ServiceStatusOut,
)
from switch_service.cluster.duties import live_holder
from switch_service.cluster.leases import node_state, nodes
from switch_service.components import ComponentStatus, ServiceStatus, Supervisor
from switch_service.errors import UserError

router = api_router(prefix="/service", tags=["service"])

_RESPONSES = error_responses(401, 403, 503)
API_RESTART_DELAY_S = 0.3
MAX_LOG_LINES = 2000


def component_out(component: ComponentStatus) -> ComponentOut:
    return ComponentOut(name=component.name, state=ComponentState(component.state.value), since=component.since,
                        ports=component.ports, counters=component.counters, restarts=component.restarts,
                        error=component.error)


def status_out(service: ServiceStatus) -> ServiceStatusOut:
    return ServiceStatusOut(version=service.version, schema_revision=service.schema_revision, pid=service.pid,
                            started_at=service.started_at, data_dir=service.data_dir,
                            components=[component_out(component) for component in service.components])


def _supervisor(context: ApiContext) -> Supervisor:
    if context.service is None:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE,
                            "this API runs without the service's components (not started by carrier-switch serve)")
    return context.service


@router.get("", responses=_RESPONSES)
def service_status(_user: Admin, context: Context) -> ServiceStatusOut:
    return status_out(_supervisor(context).status())


@router.post("/components/{name}/restart", responses={
    **_RESPONSES, **error_responses(404),
    202: {"model": ComponentOut, "description": "the API itself: it restarts a moment after this answer"}})
def restart_component(name: str, user: Admin, context: Context, session: DbSession,
                      response: Response) -> ComponentOut:
    """Stop and start one component; the others go on (calls in progress survive a RADIUS or API restart)."""
    supervisor = _supervisor(context)
    if name not in supervisor.names:
        raise HTTPException(status.HTTP_404_NOT_FOUND,
                            f"no component {name!r} (known: {', '.join(supervisor.names)})")
    record_audit(session, user, "restart", "component", name, {})
    if name == "api":
        session.commit()
        threading.Thread(target=_restart_later, args=(supervisor, name), name="api-restart", daemon=True).start()
        response.status_code = status.HTTP_202_ACCEPTED
        current = next(c for c in supervisor.status().components if c.name == name)
        return component_out(current)
    try:
        return component_out(supervisor.restart(name))
    except UserError:
        raise
    except Exception as exc:
        raise UserError(f"{name} did not start again: {exc}") from None


def _restart_later(supervisor: Supervisor, name: str) -> None:
    time.sleep(API_RESTART_DELAY_S)  # the answer leaves first
    try:
        supervisor.restart(name)
    except Exception:  # the supervisor marked it failed; the control socket can still restart it
        return


@router.get("/nodes", responses=error_responses(401, 403))
def cluster_nodes(_user: Admin, session: DbSession) -> NodeList:
    """The switch nodes sharing this database, from their heartbeat leases (README, Cluster)."""
    now = dt.datetime.now(dt.UTC)
    duties = live_holder(session, now)
    return NodeList(items=[
        NodeOut(name=node.name, state=NodeState(node_state(node, now)), sip_address=node.sip_address,
                started_at=node.started_at, lease_until=node.lease_until, recovered_by=node.recovered_by,
                recovered_at=node.recovered_at, duties=node.name == duties) for node in nodes(session)])


@router.get("/log", responses=error_responses(401, 403))
def log_tail(_user: Admin, context: Context,
             lines: Annotated[int, Query(ge=1, le=MAX_LOG_LINES)] = 200,
             contains: Annotated[str, Query(max_length=200, description="only lines holding this (any case)")] = "",
             level: Annotated[str, Query(pattern="^(|DEBUG|INFO|WARNING|ERROR|CRITICAL)$",
                                         description="only lines at this level or above")] = "") -> LogTailOut:
    """The last lines of the service's log file (service.log in its data folder; the rotated ones are not read)."""
    path = logs.log_path(context.settings.typed.data_dir)
    return LogTailOut(path=str(path), lines=logs.tail(path, lines, contains, level))
