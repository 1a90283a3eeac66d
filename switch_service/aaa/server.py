"""The RADIUS server transport: UDP sockets, per-NAS secrets, a reply cache, a worker pool.

It only moves bytes: `messages.decode_request` checks each datagram, the `AaaPolicy` decides, and
`messages` encodes the answer. Anything that does not pass is dropped without an answer, counted by
reason and logged (rate-limited per reason, so a flood cannot fill the disk); the server keeps serving.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import dataclasses
import hashlib
import ipaddress
import logging
import selectors
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from pyrad import packet as rp
from pyrad.dictionary import Dictionary

from switch_service.aaa.cisco import ReturnCode
from switch_service.aaa.dictionary import load_dictionary
from switch_service.aaa.messages import (
    AuthDecision,
    DropReason,
    MalformedPacketError,
    acct_record_from_packet,
    auth_request_from_packet,
    decode_request,
    encode_acct_response,
    encode_auth_reply,
)
from switch_service.aaa.policy import AaaPolicy
from switch_service.drop_log import DropLog

log = logging.getLogger(__name__)

_RECV_SIZE = 8192
NAS_RELOAD_S = 5.0  # the bound: a NAS client added, changed or removed is served so within this many seconds
_AUTH = "auth"
_ACCT = "acct"


@dataclasses.dataclass(frozen=True, slots=True)
class NasEntry:
    secret: bytes
    require_message_authenticator: bool = True
    name: str = ""


class _NasRow(Protocol):
    """What the registry reads of a NasClient row (kept structural: no database import here)."""

    name: str
    address: str
    secret_ciphertext: bytes
    require_message_authenticator: bool
    enabled: bool


class _SecretCipher(Protocol):
    def decrypt(self, blob: bytes) -> str: ...


NasNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def nas_network(address: str) -> NasNetwork:
    """A NAS key: one address (a /32 or /128) or a network in CIDR form (host bits ignored here; the store refuses
    them when a NAS client is saved). ValueError for anything else."""
    return ipaddress.ip_network(address.strip(), strict=False)


def _source(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """A datagram's source address; an IPv4 peer seen through a dual-stack socket (::ffff:a.b.c.d) as IPv4."""
    parsed = ipaddress.ip_address(address)
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        return parsed.ipv4_mapped
    return parsed


class NasRegistry:
    """Source address → shared secret and Message-Authenticator rule.

    Two layers: entries `add`ed (the switch's own client, fixed for the server's life) and the NAS clients of the
    store, `replace`d as a whole when they change. A fixed entry wins over a stored one for the same key; a source
    is looked up as one address first, then in the networks, the longest prefix first. Lookups read one tuple
    that a change replaces atomically, so they never lock.
    """

    def __init__(self, entries: Mapping[str, NasEntry] | None = None) -> None:
        self._fixed: dict[NasNetwork, NasEntry] = {}
        self._stored: dict[NasNetwork, NasEntry] = {nas_network(k): v for k, v in (entries or {}).items()}
        self._compile()

    def add(self, address: str, secret: bytes, *, require_message_authenticator: bool = True,
            name: str = "") -> None:
        self._fixed = {**self._fixed, nas_network(address): NasEntry(secret, require_message_authenticator, name)}
        self._compile()

    def replace(self, entries: Mapping[str, NasEntry]) -> bool:
        """The stored NAS clients are now `entries` (the fixed ones stay); whether that changed anything."""
        stored = {nas_network(k): v for k, v in entries.items()}
        if stored == self._stored:
            return False
        self._stored = stored
        self._compile()
        return True

    def _compile(self) -> None:
        merged = {**self._stored, **self._fixed}
        hosts = {network.network_address: entry for network, entry in merged.items()
                 if network.num_addresses == 1}
        networks = tuple(sorted(((network, entry) for network, entry in merged.items() if network.num_addresses > 1),
                                key=lambda item: -item[0].prefixlen))
        self._lookup = (hosts, networks, len(merged))

    def get(self, address: str) -> NasEntry | None:
        hosts, networks, _count = self._lookup
        try:
            source = _source(address.strip())
        except ValueError:
            return None
        entry = hosts.get(source)
        if entry is not None:
            return entry
        for network, candidate in networks:
            if source in network:
                return candidate
        return None

    def __len__(self) -> int:
        return self._lookup[2]

    @staticmethod
    def entries_from(clients: Iterable[_NasRow], cipher: _SecretCipher) -> dict[str, NasEntry]:
        """Enabled NasClient rows as entries, secrets decrypted with the PIN key's cipher."""
        return {row.address: NasEntry(cipher.decrypt(row.secret_ciphertext).encode("utf-8"),
                                      row.require_message_authenticator, row.name)
                for row in clients if row.enabled}

    @classmethod
    def from_clients(cls, clients: Iterable[_NasRow], cipher: _SecretCipher) -> NasRegistry:
        return cls(cls.entries_from(clients, cipher))


@dataclasses.dataclass
class ServerStats:
    answered_auth: int = 0
    answered_acct: int = 0
    duplicates_answered: int = 0
    policy_errors: int = 0
    drops: collections.Counter[DropReason] = dataclasses.field(default_factory=collections.Counter)

    @property
    def dropped(self) -> int:
        return sum(self.drops.values())

    def counters(self) -> dict[str, int]:
        """The figures the service's status shows (summed over the server processes)."""
        return {"answered_auth": self.answered_auth, "answered_acct": self.answered_acct,
                "duplicates": self.duplicates_answered, "policy_errors": self.policy_errors,
                "dropped": self.dropped}


@dataclasses.dataclass(slots=True)
class _Cached:
    digest: bytes
    expires: float
    reply: bytes | None = None  # None while the policy is still working on it


@dataclasses.dataclass(frozen=True, slots=True)
class _Job:
    sock: socket.socket
    kind: str
    key: tuple[Any, ...]
    request: Any
    work: Any
    source: tuple[str, int]


def bind_sockets(host: str, auth_port: int, acct_port: int) -> dict[str, socket.socket]:
    """The auth and acct UDP sockets, bound (no SO_REUSEPORT: a busy port is an OSError) with a 1 MiB receive
    buffer; on failure none stays open."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets: dict[str, socket.socket] = {}
    try:
        for kind, port in ((_AUTH, auth_port), (_ACCT, acct_port)):
            sock = sockets[kind] = socket.socket(family, socket.SOCK_DGRAM)
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
            sock.bind((host, port))
    except OSError:
        for sock in sockets.values():
            sock.close()
        raise
    return sockets


class RadiusServer:
    """Serve Access-Request on the auth port and Accounting-Request on the acct port.

    Ports may be 0 (a free port is chosen; read `auth_address` / `acct_address`). Sockets are bound
    without SO_REUSEPORT, so a second server on a busy port fails at `start()` instead of silently
    sharing the traffic. `sockets` (auth, acct) are sockets bound already, shared with other server
    processes (`aaa.processes`): each datagram is read by one of them. `nas_loader` gives the stored NAS clients;
    it is called every `nas_reload_s` seconds (on its own thread, so a slow database never delays a datagram) and
    the registry takes what changed: a NAS added, changed or removed is served so within that bound.
    """

    def __init__(self, policy: AaaPolicy, registry: NasRegistry, *, host: str = "127.0.0.1",
                 auth_port: int = 1812, acct_port: int = 1813, dictionary: Dictionary | None = None,
                 workers: int = 8, max_pending: int = 512, duplicate_window: float = 30.0,
                 cache_size: int = 20000, drop_log_interval: float = 5.0,
                 sockets: tuple[socket.socket, socket.socket] | None = None,
                 nas_loader: Callable[[], Mapping[str, NasEntry]] | None = None,
                 nas_reload_s: float = NAS_RELOAD_S) -> None:
        self.policy = policy
        self.registry = registry
        self.host = host
        self._ports = {_AUTH: auth_port, _ACCT: acct_port}
        self._dictionary = dictionary or load_dictionary()
        self._workers = workers
        self._max_pending = max_pending
        self._window = duplicate_window
        self._cache_size = cache_size
        self.stats = ServerStats()
        self._drop_log = DropLog(log, drop_log_interval)
        self._lock = threading.Lock()
        self._cache: collections.OrderedDict[tuple[Any, ...], _Cached] = collections.OrderedDict()
        self._pending = 0
        self._sockets: dict[str, socket.socket] = {}
        self._bound_sockets = dict(zip((_AUTH, _ACCT), sockets, strict=True)) if sockets else None
        self._wakeup: tuple[socket.socket, socket.socket] | None = None
        self._thread: threading.Thread | None = None
        self._nas_loader = nas_loader
        self._nas_reload_s = nas_reload_s
        self._reloader: threading.Thread | None = None
        self._executor: concurrent.futures.ThreadPoolExecutor | None = None
        self._stopping = threading.Event()

    # -- lifecycle ------------------------------------------------------------------------------------------

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | Any, policy: AaaPolicy, registry: NasRegistry,
                      **options: Any) -> RadiusServer:
        return cls(policy, registry, host=settings["radius_host"], auth_port=settings["radius_auth_port"],
                   acct_port=settings["radius_acct_port"], **options)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("RADIUS server already started")
        if self._bound_sockets is not None:
            self._sockets, self._bound_sockets = self._bound_sockets, None
        else:
            self._sockets = bind_sockets(self.host, self._ports[_AUTH], self._ports[_ACCT])
        for sock in self._sockets.values():
            sock.setblocking(False)
        self._wakeup = socket.socketpair()
        self._stopping.clear()
        self._executor = concurrent.futures.ThreadPoolExecutor(self._workers, thread_name_prefix="radius-policy")
        # its sockets as arguments: a stop that gave up waiting for a slow-starting thread forgets them meanwhile
        self._thread = threading.Thread(target=self._receive_loop, args=(dict(self._sockets), self._wakeup[0]),
                                        name="radius-receiver", daemon=True)
        self._thread.start()
        if self._nas_loader is not None:
            self._reloader = threading.Thread(target=self._reload_loop, args=(self._nas_loader,),
                                              name="radius-nas-reload", daemon=True)
            self._reloader.start()
        log.info("RADIUS server listening on %s:%d (auth) and %s:%d (acct), %d NAS clients",
                 *self.auth_address, *self.acct_address, len(self.registry))

    def stop(self, timeout: float = 5.0) -> None:
        """Stop receiving, let running policy calls finish (bounded by `timeout`), close the sockets."""
        thread = self._thread
        if thread is None:
            return
        self._stopping.set()
        if self._wakeup is not None:
            with contextlib.suppress(OSError):
                self._wakeup[1].send(b"x")
        thread.join(timeout)
        if self._reloader is not None:
            self._reloader.join(timeout)
            self._reloader = None
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and self._pending_count() > 0:
                time.sleep(0.01)
            self._executor = None
        self._close_sockets()
        if self._wakeup is not None:
            for sock in self._wakeup:
                sock.close()
            self._wakeup = None
        self._thread = None
        stats = self.stats
        log.info("RADIUS server stopped: answered %d auth, %d acct, %d duplicates from cache; "
                 "%d policy errors; dropped %d %s",
                 stats.answered_auth, stats.answered_acct, stats.duplicates_answered, stats.policy_errors,
                 stats.dropped,
                 dict(sorted((reason.value, count) for reason, count in stats.drops.items())))

    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def counters(self) -> dict[str, int]:
        """The server's figures, and the policy's own where it keeps some (the IVR's wrong PINs and lockouts)."""
        policy_counters = getattr(self.policy, "counters", None)
        return {**self.stats.counters(), **(policy_counters() if callable(policy_counters) else {})}

    def __enter__(self) -> RadiusServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def auth_address(self) -> tuple[str, int]:
        return self._bound(_AUTH)

    @property
    def acct_address(self) -> tuple[str, int]:
        return self._bound(_ACCT)

    def _bound(self, kind: str) -> tuple[str, int]:
        name = self._sockets[kind].getsockname()
        return str(name[0]), int(name[1])

    def _close_sockets(self) -> None:
        for sock in self._sockets.values():
            sock.close()
        self._sockets = {}

    def _pending_count(self) -> int:
        with self._lock:
            return self._pending

    def _reload_loop(self, load: Callable[[], Mapping[str, NasEntry]]) -> None:
        """Every `nas_reload_s`: the stored NAS clients into the registry when they changed. A failure is logged
        when it starts and when it ends, not every interval; the registry keeps what it had."""
        failing = False
        while not self._stopping.wait(self._nas_reload_s):
            try:
                entries = load()
            except Exception:
                if not failing:
                    log.exception("RADIUS: cannot read the NAS clients; serving the ones known (retrying every "
                                  "%.0f s)", self._nas_reload_s)
                failing = True
                continue
            if failing:
                log.info("RADIUS: NAS clients readable again")
                failing = False
            if self.registry.replace(entries):
                log.info("RADIUS: NAS clients reloaded: %s",
                         ", ".join(f"{entry.name} ({address})" for address, entry in sorted(entries.items())) or "none")

    # -- receiving ------------------------------------------------------------------------------------------

    def _receive_loop(self, sockets: dict[str, socket.socket], wakeup: socket.socket) -> None:
        with selectors.DefaultSelector() as selector:
            try:
                for kind, sock in sockets.items():
                    selector.register(sock, selectors.EVENT_READ, kind)
                selector.register(wakeup, selectors.EVENT_READ, None)
            except (ValueError, OSError):
                if self._stopping.is_set():  # stopped (and its sockets closed) before this thread got to them: seen
                    return  # when the SIP port was taken on a loaded machine, as a traceback after the error line
                raise
            while not self._stopping.is_set():
                for key, _events in selector.select(timeout=1.0):
                    if key.data is None or self._stopping.is_set():
                        continue
                    self._drain(key.fileobj, key.data)  # type: ignore[arg-type]

    def _drain(self, sock: socket.socket, kind: str) -> None:
        for _ in range(256):  # then give the other socket its turn
            try:
                data, source = sock.recvfrom(_RECV_SIZE)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # e.g. ICMP port unreachable reported on Linux
                log.debug("RADIUS %s: receive error %s", kind, exc)
                continue
            try:
                self._handle(sock, kind, data, (str(source[0]), int(source[1])))
            except Exception:  # a bug must not stop the server; the datagram is lost, the NAS retries
                log.exception("RADIUS %s: unexpected error handling a datagram from %s", kind, source[0])

    def _drop(self, reason: DropReason, source: tuple[str, int], kind: str, detail: str) -> None:
        with self._lock:
            self.stats.drops[reason] += 1
            total = self.stats.drops[reason]
            self._drop_log.note(reason, "RADIUS %s: dropped datagram from %s:%d: %s (%s); %d dropped for this reason "
                                "so far", kind, source[0], source[1], reason.value, detail, total)

    def _handle(self, sock: socket.socket, kind: str, data: bytes, source: tuple[str, int]) -> None:
        nas = self.registry.get(source[0])
        if nas is None:
            self._drop(DropReason.UNKNOWN_CLIENT, source, kind, "address not registered as NAS")
            return
        key: tuple[Any, ...] | None = None
        digest = hashlib.sha256(data).digest()
        if len(data) >= 20:
            # RFC 5080 2.2.2: a duplicate has the same source, port, Identifier and Request Authenticator
            key = (kind, source, data[1], data[4:20])
            if self._answer_duplicate(sock, key, digest, source, kind):
                return
        expected = rp.AccessRequest if kind == _AUTH else rp.AccountingRequest
        try:
            request = decode_request(data, nas.secret, expected_code=expected,
                                     require_message_authenticator=nas.require_message_authenticator,
                                     dictionary=self._dictionary)
            work: Any
            if kind == _AUTH:
                work = auth_request_from_packet(request, source[0])
            else:
                work = acct_record_from_packet(request, source[0])
        except MalformedPacketError as exc:
            self._drop(exc.reason, source, kind, exc.detail)
            return
        assert key is not None
        with self._lock:
            if self._pending >= self._max_pending:
                overloaded = True
            else:
                overloaded = False
                self._pending += 1
                self._remember(key, _Cached(digest, time.monotonic() + self._window))
        if overloaded:
            self._drop(DropReason.OVERLOADED, source, kind, f"{self._max_pending} requests in progress")
            return
        executor = self._executor
        if executor is None:
            return
        executor.submit(self._decide, _Job(sock, kind, key, request, work, source))

    def _answer_duplicate(self, sock: socket.socket, key: tuple[Any, ...], digest: bytes,
                          source: tuple[str, int], kind: str) -> bool:
        now = time.monotonic()
        with self._lock:
            self._expire(now)
            cached = self._cache.get(key)
            if cached is None or cached.digest != digest:
                return False
            reply = cached.reply
            if reply is not None:
                self.stats.duplicates_answered += 1
        if reply is None:
            self._drop(DropReason.DUPLICATE_IN_PROGRESS, source, kind, "retransmission while deciding")
            return True
        try:
            sock.sendto(reply, source)
        except OSError as exc:
            log.warning("RADIUS %s: cannot resend the reply to %s:%d: %s", kind, source[0], source[1], exc)
        return True

    def _remember(self, key: tuple[Any, ...], entry: _Cached) -> None:
        self._cache[key] = entry
        self._cache.move_to_end(key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _expire(self, now: float) -> None:
        while self._cache:
            oldest = next(iter(self._cache.values()))
            if oldest.expires > now:
                break
            self._cache.popitem(last=False)

    # -- deciding (worker threads) --------------------------------------------------------------------------

    def _decide(self, job: _Job) -> None:
        sock, kind, key, request, work, source = job.sock, job.kind, job.key, job.request, job.work, job.source
        reply: bytes | None = None
        try:
            if kind == _AUTH:
                try:
                    decision = self.policy.authorize(work)
                except Exception:
                    log.exception("RADIUS auth: policy failed for %s from %s", work.user_name, source[0])
                    self._count_policy_error()
                    decision = AuthDecision(ReturnCode.UNAVAILABLE)
                reply = encode_auth_reply(request, decision)
            else:
                try:
                    self.policy.account(work)
                except Exception:
                    log.exception("RADIUS acct: policy failed for session %s from %s; not answered, the NAS "
                                  "will resend", work.session_id, source[0])
                    self._count_policy_error()
                else:
                    reply = encode_acct_response(request)
        finally:
            with self._lock:
                self._pending -= 1
                if reply is None:
                    self._cache.pop(key, None)
                else:
                    cached = self._cache.get(key)
                    if cached is not None:
                        cached.reply = reply
                    if kind == _AUTH:
                        self.stats.answered_auth += 1
                    else:
                        self.stats.answered_acct += 1
        if reply is not None:
            try:
                sock.sendto(reply, source)
            except OSError as exc:
                log.warning("RADIUS %s: cannot send the reply to %s:%d: %s", kind, source[0], source[1], exc)

    def _count_policy_error(self) -> None:
        with self._lock:
            self.stats.policy_errors += 1
