"""Carriers and their gateways (admin only: carriers and their costs are hidden from every other role).

A carrier that routes or call records name is never deleted (the call history would lose its carrier): the
answer is 409, and switching it off (`enabled: false`) does what the operator wanted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated, Any, Literal

from fastapi import Query, status
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from switch_service.api.audit import record_audit, record_created
from switch_service.api.deps import Admin, DbSession
from switch_service.api.keyset import keyset_page
from switch_service.api.params import After, Limit, ObjectId
from switch_service.api.patching import apply_patch
from switch_service.api.request_errors import (
    conflict,
    ensure_name_free,
    error_responses,
    flush_or,
    get_or_404,
    invalid,
    missing_row,
    name_taken,
    not_found,
)
from switch_service.api.routes.router import api_router
from switch_service.api.schemas import DEFAULT_PAGE_SIZE, SortOrder
from switch_service.api.schemas.carriers import (
    CarrierCreate,
    CarrierOut,
    CarrierPage,
    CarrierUpdate,
    GatewayCreate,
    GatewayOut,
    GatewayUpdate,
    NumberFormat,
    Transport,
)
from switch_service.api.sorting import Order, SortKeys
from switch_service.routing.failover import parse_failover_codes
from switch_service.store.models import Carrier, Cdr, Gateway, LiveCall, RouteCarrier, Tariff
from switch_service.store.models.enums import TariffKind
from switch_service.store.models.enums import Transport as StoreTransport

router = api_router(prefix="/carriers", tags=["carriers"])

MAX_GATEWAYS = 50  # per carrier: keeps the gateway list inside a carrier's answer small

_RESPONSES = error_responses(401, 403, 404)
_WRITE_RESPONSES = error_responses(401, 403, 404, 409)


def gateway_out(gateway: Gateway) -> GatewayOut:
    return GatewayOut(id=gateway.id, carrier_id=gateway.carrier_id, host=gateway.host, port=gateway.port,
                      transport=Transport(gateway.transport.value), weight=gateway.weight, enabled=gateway.enabled,
                      options_up=gateway.options_up, options_checked_at=gateway.options_checked_at)


def carrier_out(carrier: Carrier, gateways: Iterable[Gateway]) -> CarrierOut:
    return CarrierOut(
        id=carrier.id, name=carrier.name, enabled=carrier.enabled, buy_tariff_id=carrier.buy_tariff_id,
        strip_digits=carrier.strip_digits, tech_prefix=carrier.tech_prefix or "",
        number_format=NumberFormat(carrier.number_format),
        codecs=[name.strip().upper() for name in (carrier.codecs or "").split(",") if name.strip()],
        max_channels=carrier.max_channels, cps_limit=carrier.cps_limit,
        daily_minutes_cap=carrier.daily_minutes_cap, monthly_minutes_cap=carrier.monthly_minutes_cap,
        failover_codes=sorted(parse_failover_codes(carrier.failover_codes or "")), down_until=carrier.down_until,
        gateways=[gateway_out(gateway) for gateway in gateways],
        created_at=carrier.created_at, updated_at=carrier.updated_at,
    )


def _gateways_of(session: Session, carrier_ids: Sequence[int]) -> dict[int, list[Gateway]]:
    found: dict[int, list[Gateway]] = {carrier_id: [] for carrier_id in carrier_ids}
    if carrier_ids:
        query = select(Gateway).where(Gateway.carrier_id.in_(carrier_ids)).order_by(Gateway.id)
        for gateway in session.scalars(query):
            found[gateway.carrier_id].append(gateway)
    return found


def _answer(session: Session, carrier: Carrier) -> CarrierOut:
    session.flush()
    session.refresh(carrier)
    return carrier_out(carrier, _gateways_of(session, [carrier.id])[carrier.id])


def _carrier(session: Session, carrier_id: int) -> Carrier:
    return get_or_404(session, Carrier, carrier_id, "carrier")


def check_tariff(session: Session, field: str, tariff_id: int | None, kind: TariffKind) -> None:
    """422 on body.`field` unless the tariff exists and is of `kind` (a carrier buys on a buy tariff, customers
    and resellers are sold on a sell tariff)."""
    if tariff_id is None:
        return
    found = session.scalar(select(Tariff.kind).where(Tariff.id == tariff_id))
    if found is None:
        raise missing_row(("body", field), "tariff", tariff_id)
    if found is not kind:
        raise invalid(("body", field), f"tariff {tariff_id} is a {found.value} tariff; a {kind.value} tariff is needed",
                      tariff_id)


def _column_values(values: dict[str, Any]) -> dict[str, Any]:
    """API field values as the carrier's columns keep them (comma-separated lists, plain strings)."""
    stored = dict(values)
    if "codecs" in stored:
        stored["codecs"] = ",".join(stored["codecs"])
    if "failover_codes" in stored:
        stored["failover_codes"] = ",".join(str(code) for code in stored["failover_codes"])
    if "number_format" in stored:
        stored["number_format"] = stored["number_format"].value
    return stored


def _gateway_row(carrier_id: int, body: GatewayCreate) -> Gateway:
    return Gateway(carrier_id=carrier_id, host=body.host, port=body.port, transport=StoreTransport(body.transport),
                   weight=body.weight, enabled=body.enabled)


# --- carriers ------------------------------------------------------------------------------------


CarrierSort = Literal["name", "enabled", "max_channels", "cps_limit"]
CARRIER_SORT: SortKeys[CarrierSort] = SortKeys(CarrierSort, {
    "name": func.lower(Carrier.name), "enabled": Carrier.enabled, "max_channels": Carrier.max_channels,
    "cps_limit": Carrier.cps_limit,
})


@router.get("", responses=_RESPONSES)
def list_carriers(
    session: DbSession,
    _user: Admin,
    after: After = None,
    limit: Limit = DEFAULT_PAGE_SIZE,
    *,
    sort: Annotated[CarrierSort | None, CARRIER_SORT.query()] = None,
    order: Order = SortOrder.ASC,
    q: Annotated[str | None, Query(max_length=100, description="part of the name")] = None,
    enabled: Annotated[bool | None, Query(description="only carriers switched on (true) or off (false)")] = None,
) -> CarrierPage:
    query = select(Carrier)
    if q is not None and q.strip():
        query = query.where(Carrier.name.icontains(q.strip(), autoescape=True))
    if enabled is not None:
        query = query.where(Carrier.enabled.is_(enabled))
    rows, next_after = keyset_page(session, query, Carrier.id, after, limit,
                                   ordering=CARRIER_SORT.ordering(sort, order))
    gateways = _gateways_of(session, [carrier.id for carrier in rows])
    return CarrierPage(items=[carrier_out(carrier, gateways[carrier.id]) for carrier in rows], next_after=next_after)


@router.get("/{carrier_id}", responses=_RESPONSES)
def get_carrier(carrier_id: ObjectId, session: DbSession, _user: Admin) -> CarrierOut:
    carrier = _carrier(session, carrier_id)
    return carrier_out(carrier, _gateways_of(session, [carrier.id])[carrier.id])


@router.post("", status_code=status.HTTP_201_CREATED, responses=_WRITE_RESPONSES)
def create_carrier(body: CarrierCreate, session: DbSession, user: Admin) -> CarrierOut:
    """Create a carrier, with its gateways if given."""
    ensure_name_free(session, Carrier.name, Carrier.id, body.name, "carrier")
    check_tariff(session, "buy_tariff_id", body.buy_tariff_id, TariffKind.BUY)
    carrier = Carrier(**_column_values(body.model_dump(exclude={"gateways"})))
    session.add(carrier)
    flush_or(session, name_taken("carrier", body.name))  # a race lost to another client creating the same name
    session.add_all([_gateway_row(carrier.id, gateway) for gateway in body.gateways])
    out = _answer(session, carrier)
    record_created(session, user, "carrier", carrier.id, out)
    return out


@router.patch("/{carrier_id}", responses=_WRITE_RESPONSES)
def update_carrier(carrier_id: ObjectId, body: CarrierUpdate, session: DbSession, user: Admin) -> CarrierOut:
    """Change the fields sent. `enabled: false` switches the carrier off (routing skips it at once)."""
    carrier = _carrier(session, carrier_id)
    values = body.changes()
    if "name" in values:
        ensure_name_free(session, Carrier.name, Carrier.id, values["name"], "carrier", except_id=carrier.id)
    if "buy_tariff_id" in values:
        check_tariff(session, "buy_tariff_id", values["buy_tariff_id"], TariffKind.BUY)
    changed = apply_patch(carrier, _column_values(values))
    flush_or(session, name_taken("carrier", carrier.name))
    out = _answer(session, carrier)
    if changed:
        record_audit(session, user, "update", "carrier", carrier.id, changed)
    return out


@router.delete("/{carrier_id}", status_code=status.HTTP_204_NO_CONTENT, responses=_WRITE_RESPONSES)
def delete_carrier(carrier_id: ObjectId, session: DbSession, user: Admin) -> None:
    """Delete a carrier nothing refers to; 409 when routes name it or calls were carried by it."""
    carrier = _carrier(session, carrier_id)
    uses = []
    routes = session.scalar(select(func.count()).select_from(RouteCarrier).where(RouteCarrier.carrier_id == carrier.id))
    if routes:
        uses.append(f"named in {routes} route(s)")
    if session.scalar(select(Cdr.id).where(Cdr.carrier_id == carrier.id).limit(1)) is not None:
        uses.append("has call records")
    if session.scalar(select(LiveCall.id).where(LiveCall.carrier_id == carrier.id).limit(1)) is not None:
        uses.append("is carrying calls now")
    if uses:
        raise conflict(f"carrier {carrier.name!r} cannot be deleted: it {' and '.join(uses)}. "
                       "Switch it off instead (PATCH with {\"enabled\": false}).")
    session.execute(delete(Gateway).where(Gateway.carrier_id == carrier.id))
    record_audit(session, user, "delete", "carrier", carrier.id, {"name": carrier.name})
    session.delete(carrier)


# --- gateways ------------------------------------------------------------------------------------


def _gateway(session: Session, carrier_id: int, gateway_id: int) -> Gateway:
    gateway = session.scalar(select(Gateway).where(Gateway.id == gateway_id, Gateway.carrier_id == carrier_id))
    if gateway is None:
        raise not_found("gateway", gateway_id)
    return gateway


@router.get("/{carrier_id}/gateways", responses=_RESPONSES)
def list_gateways(carrier_id: ObjectId, session: DbSession, _user: Admin) -> list[GatewayOut]:
    """Every gateway of the carrier (at most 50), in the order they were added."""
    _carrier(session, carrier_id)
    return [gateway_out(gateway) for gateway in _gateways_of(session, [carrier_id])[carrier_id]]


@router.post("/{carrier_id}/gateways", status_code=status.HTTP_201_CREATED, responses=_WRITE_RESPONSES)
def add_gateway(carrier_id: ObjectId, body: GatewayCreate, session: DbSession, user: Admin) -> GatewayOut:
    carrier = _carrier(session, carrier_id)
    count = session.scalar(select(func.count()).select_from(Gateway).where(Gateway.carrier_id == carrier.id))
    if count is not None and count >= MAX_GATEWAYS:
        raise conflict(f"carrier {carrier.name!r} already has {MAX_GATEWAYS} gateways (the most it may have)")
    gateway = _gateway_row(carrier.id, body)
    session.add(gateway)
    session.flush()
    session.refresh(gateway)
    out = gateway_out(gateway)
    record_created(session, user, "gateway", gateway.id, out)
    return out


@router.patch("/{carrier_id}/gateways/{gateway_id}", responses=_RESPONSES)
def update_gateway(carrier_id: ObjectId, gateway_id: ObjectId, body: GatewayUpdate, session: DbSession,
                   user: Admin) -> GatewayOut:
    gateway = _gateway(session, carrier_id, gateway_id)
    values = body.changes()
    if "transport" in values:
        values["transport"] = StoreTransport(values["transport"])
    changed = apply_patch(gateway, values)
    session.flush()
    session.refresh(gateway)
    if changed:
        record_audit(session, user, "update", "gateway", gateway.id, changed)
    return gateway_out(gateway)


@router.delete("/{carrier_id}/gateways/{gateway_id}", status_code=status.HTTP_204_NO_CONTENT,
               responses=_RESPONSES)
def delete_gateway(carrier_id: ObjectId, gateway_id: ObjectId, session: DbSession, user: Admin) -> None:
    gateway = _gateway(session, carrier_id, gateway_id)
    record_audit(session, user, "delete", "gateway", gateway.id,
                 {"carrier_id": carrier_id, "host": gateway.host, "port": gateway.port})
    session.delete(gateway)
