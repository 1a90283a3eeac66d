"""NAS clients (third-party gateways that send RADIUS to us): the rules a stored one follows, for the API and the CLI.

A NAS is one source address or one network (CIDR). No two may overlap, and none may cover the switch's own RADIUS
client address (that source is the switch's, with the switch's secret): a datagram's source then names exactly one
secret. The switch sends from the server's listen address, or from the loopback address when the server listens on
every interface (`switch_nas_address`). The secret is kept AES-GCM encrypted under the PIN key (the
server needs it in clear to check packets, so a hash would not do) and never leaves the service.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.security.pins import PinCipher
from switch_service.store.models import NasClient

MIN_SECRET_LENGTH = 16  # RFC 6614 / FreeRADIUS advice: a short shared secret is guessed from one captured packet
MAX_SECRET_LENGTH = 128
ADDRESS_LENGTH = 64  # the column's
NAME_LENGTH = 120

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class NasFieldError(UserError):
    """A NAS client value the rules refuse; `field` names it (the API answers 422 on that field)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class NasValues:
    """A NAS client as it would be stored; `secret` None keeps the stored one."""

    name: str
    address: str
    secret: str | None
    require_message_authenticator: bool = True
    enabled: bool = True


def _listen_ip(radius_host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    try:
        return ipaddress.ip_address(radius_host.strip())
    except ValueError:
        raise UserError(f"radius_host must be an IP address (0.0.0.0: every interface), not {radius_host!r}"
                        ) from None


def switch_nas_address(radius_host: str) -> str:
    """The address the switch's own RADIUS client sends from (and to) for a server listening on `radius_host`: that
    address itself, or the loopback address when the server listens on every interface."""
    host = _listen_ip(radius_host)
    if host.is_unspecified:
        return "::1" if host.version == 6 else "127.0.0.1"
    return str(host)


def listens_beyond_loopback(radius_host: str) -> bool:
    """Whether other machines can reach a RADIUS server listening on `radius_host`."""
    return not _listen_ip(radius_host).is_loopback


def parse_address(text: str) -> Network:
    """One address (192.0.2.7, 2001:db8::7) or a network (192.0.2.0/28); a network with host bits is refused
    rather than guessed."""
    try:
        return ipaddress.ip_network(text.strip(), strict=True)
    except ValueError as exc:
        raise NasFieldError("address", f"{text!r} is not an IP address or a network in CIDR form ({exc})") from None


def stored_form(network: Network) -> str:
    """An address as 192.0.2.7, a network as 192.0.2.0/28."""
    return str(network.network_address) if network.num_addresses == 1 else str(network)


def _check(session: Session, values: NasValues, own_id: int | None, switch_address: str) -> str:
    """The normalised address, or the first NasFieldError (name, secret, address, overlap)."""
    name = values.name.strip()
    if not name or len(name) > NAME_LENGTH:
        raise NasFieldError("name", f"1 to {NAME_LENGTH} characters")
    if values.secret is not None and not MIN_SECRET_LENGTH <= len(values.secret) <= MAX_SECRET_LENGTH:
        raise NasFieldError("secret", f"the shared secret must be {MIN_SECRET_LENGTH} to {MAX_SECRET_LENGTH} "
                                      f"characters (got {len(values.secret)})")
    network = parse_address(values.address)
    address = stored_form(network)
    if len(address) > ADDRESS_LENGTH:
        raise NasFieldError("address", f"at most {ADDRESS_LENGTH} characters")
    if ipaddress.ip_address(switch_address) in network:
        raise NasFieldError("address", f"{address} covers {switch_address}, the switch's own RADIUS client address")
    for other in session.scalars(select(NasClient).where(NasClient.id != (own_id or 0))):
        if other.name == name:
            raise NasFieldError("name", f"another NAS client is named {name!r}")
        if parse_address(other.address).overlaps(network):
            raise NasFieldError("address", f"{address} overlaps NAS client {other.name!r} ({other.address})")
    return address


def add_nas_client(session: Session, values: NasValues, cipher: PinCipher, switch_address: str) -> NasClient:
    if values.secret is None:
        raise NasFieldError("secret", "a new NAS client needs its shared secret")
    address = _check(session, values, None, switch_address)
    client = NasClient(name=values.name.strip(), address=address, secret_ciphertext=cipher.encrypt(values.secret),
                       require_message_authenticator=values.require_message_authenticator, enabled=values.enabled)
    session.add(client)
    session.flush()
    return client


def update_nas_client(session: Session, client: NasClient, values: NasValues, cipher: PinCipher,
                      switch_address: str) -> list[str]:
    """Apply `values`; the names of the fields that changed (`secret` when a new one was given)."""
    address = _check(session, values, client.id, switch_address)
    new = {"name": values.name.strip(), "address": address, "enabled": values.enabled,
           "require_message_authenticator": values.require_message_authenticator}
    changed = [field for field, value in new.items() if getattr(client, field) != value]
    for field in changed:
        setattr(client, field, new[field])
    if values.secret is not None:
        client.secret_ciphertext = cipher.encrypt(values.secret)
        changed.append("secret")
    session.flush()
    return changed


def find_nas_client(session: Session, key: str) -> NasClient | None:
    """By name, or by address as stored (a host or a CIDR network)."""
    client = session.scalar(select(NasClient).where(NasClient.name == key))
    if client is None:
        try:
            address = stored_form(parse_address(key))
        except NasFieldError:
            return None
        client = session.scalar(select(NasClient).where(NasClient.address == address))
    return client


def nas_clients(session: Session) -> Sequence[NasClient]:
    return session.scalars(select(NasClient).order_by(NasClient.id)).all()


def enabled_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(NasClient).where(NasClient.enabled)) or 0
