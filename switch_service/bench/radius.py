"""`carrier-switch bench radius`: our RadiusServer + BillingPolicy under load, optionally against FreeRADIUS.

The database must be a scratch one with no accounts (the bench refuses a database with accounts, so it never
touches a real business): it is migrated, filled with bench accounts, ANIs and a tariff, and emptied again at
the end. The load runs in a separate process (spawned), the switch's own `RadiusClient` on an event loop with
`concurrency` requests outstanding, so the client does not share the server's interpreter. Phase 1: `requests`
Access-Requests; phase 2: an Accounting Start and Stop for every accepted call.

With `peer="freeradius"`, FreeRADIUS 3 with rlm_sql (the postgresql or mysql driver, Debian packages
freeradius-postgresql / freeradius-mysql) is configured against the same database and the same load runs
against it twice:
- doing the same job as ours (`freeradius`, the `ratio`): its authorize query looks the ANI up and replies a
  credit time computed in SQL, then it holds the call's money the way a prepaid rlm_sql set-up does, with a
  conditional `UPDATE accounts SET reserved = reserved + amount WHERE ... available >= amount` and an `INSERT`
  of the reservation (each its own autocommitted statement, `%{sql:...}` in unlang), rejecting when the UPDATE
  matched no row; amount = what 4 hours cost, capped by what the account has, as our policy holds;
- looking up only (`freeradius_lookup_only`, `ratio_lookup_only`): the same without holding money — a prepaid
  server that can let two calls spend the same balance; shown for reference.
Its accounting query inserts into a `bench_radacct` table (created here and dropped afterwards); ours settles the
reservation and writes the CDR, so `acct_per_s` compares unequal work (the ratios are of `auth_per_s`).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import json
import multiprocessing
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, make_url, select, text
from sqlalchemy.orm import Session

from switch_service.aaa.client import RadiusClient, RadiusTimeoutError
from switch_service.aaa.dictionary import dictionary_dir
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest
from switch_service.aaa.processes import DEFAULT_THREADS, PolicyOptions, RadiusProcesses
from switch_service.aaa.server import NasRegistry
from switch_service.bench.sip import cpu_seconds
from switch_service.config import settings
from switch_service.errors import UserError
from switch_service.local_ports import free_port
from switch_service.store.base import Base
from switch_service.store.migrate import upgrade
from switch_service.store.models import Account, Ani, CommissionRule, Rate, Reseller, Tariff
from switch_service.store.models.enums import ResellerKind
from switch_service.store.target import DatabaseTarget

SECRET = b"bench-secret"
ACCOUNTS = 1000
ANI_BASE = 15550000000
DESTINATION = "442071234567"
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
HOLD_MINUTES = 240  # the policy's max_call_seconds default, in minutes: what our server holds for a rich account


@dataclass(frozen=True, slots=True)
class FreeRadiusPeer:
    pid: int
    auth_port: int
    acct_port: int


@dataclass(frozen=True, slots=True)
class LoadResult:
    auth_per_s: float
    acct_per_s: float
    p99_ms: float
    accepted: int
    answered: int
    server_cpu_s: float = 0.0  # CPU time the server processes spent (Linux)

    def summary(self) -> dict[str, Any]:
        """The JSON figures, with the server's CPU per request (every Access- and Accounting-Request)."""
        handled = self.answered + 2 * self.accepted
        return {"auth_per_s": self.auth_per_s, "acct_per_s": self.acct_per_s, "p99_ms": self.p99_ms,
                "accepted": self.accepted, "answered": self.answered,
                "server_cpu_ms_per_request": round(1000 * self.server_cpu_s / handled, 3) if handled else None}


# ---------------------------------------------------------------------------------------------------------
# Load generator (runs in a child process)


@dataclass(frozen=True, slots=True)
class Target:
    host: str
    auth_port: int
    acct_port: int


@dataclass
class _Shared:
    """What the load's coroutines of one run share."""

    prefix: str
    latencies: list[float] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)
    auth_answered: int = 0
    acct_answered: int = 0


def _client(target: Target, *, timeout: float = 5.0, retries: int = 3) -> RadiusClient:
    """The switch's own client; replies need not be signed (FreeRADIUS's are not, as configured here)."""
    return RadiusClient(target.host, SECRET, auth_port=target.auth_port, acct_port=target.acct_port,
                        timeout=timeout, retries=retries, require_reply_authenticator=False)


async def _authorize_share(client: RadiusClient, numbers: Sequence[int], shared: _Shared) -> None:
    for number in numbers:
        ani = str(ANI_BASE + number % ACCOUNTS)
        conf = f"{shared.prefix}-{number}"
        began = time.perf_counter()
        try:
            decision = await client.authorize_async(AuthRequest(ani, calling_station_id=ani,
                                                                called_station_id=DESTINATION, conf_id=conf,
                                                                call_id=f"{conf}@bench"))
        except RadiusTimeoutError:
            continue
        shared.latencies.append(time.perf_counter() - began)
        shared.auth_answered += 1
        if decision.accepted:
            shared.accepted.append(conf)


async def _account_share(client: RadiusClient, confs: Sequence[str], shared: _Shared) -> None:
    now = dt.datetime.now(dt.UTC)
    for conf in confs:
        ani = str(ANI_BASE + int(conf.rsplit("-", 1)[1]) % ACCOUNTS)
        for status in (AcctStatus.START, AcctStatus.STOP):
            stop = status is AcctStatus.STOP
            record = AcctRecord(status=status, session_id=conf, user_name=ani, calling_station_id=ani,
                                called_station_id=DESTINATION, conf_id=conf, call_id=f"{conf}@bench",
                                setup_time=now, connect_time=now, session_time=30 if stop else None,
                                disconnect_time=now + dt.timedelta(seconds=30) if stop else None,
                                disconnect_cause=16 if stop else None)
            try:
                await client.account_async(record)
            except RadiusTimeoutError:
                continue
            shared.acct_answered += 1


async def _load(target: Target, requests: int, concurrency: int, prefix: str) -> dict[str, Any]:
    """`concurrency` requests outstanding at any time: Access-Requests, then a Start and a Stop per accepted call."""
    client = _client(target)
    shared = _Shared(prefix)
    began = time.perf_counter()
    await asyncio.gather(*(_authorize_share(client, range(i, requests, concurrency), shared)
                           for i in range(concurrency)))
    auth_done = time.perf_counter()
    accepted = shared.accepted
    await asyncio.gather(*(_account_share(client, accepted[i::concurrency], shared) for i in range(concurrency)))
    acct_done = time.perf_counter()
    client.close()
    latencies = sorted(shared.latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0.0
    return {"auth_per_s": shared.auth_answered / max(auth_done - began, 1e-9),
            "acct_per_s": shared.acct_answered / max(acct_done - auth_done, 1e-9), "p99_ms": p99,
            "accepted": len(accepted), "answered": shared.auth_answered}


def _load_process(target: Target, requests: int, concurrency: int, prefix: str, out: Any) -> None:
    out.put(asyncio.run(_load(target, requests, concurrency, prefix)))


def run_load(target: Target, requests: int, concurrency: int, prefix: str) -> LoadResult:
    """Fire the load from a spawned process (its own interpreter) and return its figures."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_load_process, args=(target, requests, concurrency, prefix, queue))
    process.start()
    try:
        figures = queue.get(timeout=1800)
    finally:
        process.join(timeout=30)
    return LoadResult(round(figures["auth_per_s"], 1), round(figures["acct_per_s"], 1), round(figures["p99_ms"], 2),
                      figures["accepted"], figures["answered"])


def measured_load(server: RadiusProcesses, target: Target, requests: int, concurrency: int,
                  prefix: str) -> LoadResult:
    """`run_load` against our RADIUS processes, with the CPU they spent on it (server_cpu_ms_per_request)."""
    def spent() -> float:
        return sum(cpu_seconds(int(process.pid or 0)) for process in server.processes)

    before = spent()
    load = run_load(target, requests, concurrency, prefix)
    return dataclasses.replace(load, server_cpu_s=spent() - before)


# ---------------------------------------------------------------------------------------------------------
# Bench data


def fill(engine: Engine, bench: str = "radius", *, reseller_levels: int = 0) -> None:
    """Bench accounts, ANIs and a tariff; with `reseller_levels`, the accounts under a reseller tree that deep
    (usage-based, 10 % of sales each), so that every Stop writes that many commission lines."""
    upgrade(engine)
    with Session(engine) as session:
        if session.scalar(select(func.count()).select_from(Account)):
            raise UserError(f"bench {bench} needs an empty scratch database (this one has accounts): it fills it "
                            "with bench data and empties it afterwards")
    with Session(engine) as session, session.begin():
        tariff = Tariff(name="bench sell")
        session.add(tariff)
        session.flush()
        session.add(Rate(tariff_id=tariff.id, prefix="44", destination="United Kingdom",
                         price_per_minute=Decimal("0.025"), initial_block_s=30, increment_s=6, valid_from=EPOCH))
        parent: int | None = None
        for level in range(reseller_levels):
            reseller = Reseller(name=f"bench reseller {level}", kind=ResellerKind.USAGE_BASED, parent_id=parent)
            session.add(reseller)
            session.flush()
            session.add(CommissionRule(reseller_id=reseller.id, basis="sales_percent", prefix="",
                                       percent=Decimal(10)))
            parent = reseller.id
        session.execute(insert(Account), [
            {"number": f"B{i:06d}", "name": f"Bench {i}", "balance": Decimal(1_000_000), "tariff_id": tariff.id,
             "reseller_id": parent}
            for i in range(ACCOUNTS)])
        ids = list(session.scalars(select(Account.id).order_by(Account.number)))
        session.execute(insert(Ani), [{"account_id": account_id, "number": str(ANI_BASE + i)}
                                      for i, account_id in enumerate(ids)])


def empty(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS bench_radacct"))
        if engine.dialect.name in ("mysql", "mariadb"):
            conn.execute(text("SET FOREIGN_KEY_CHECKS = 0"))
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())
        if engine.dialect.name in ("mysql", "mariadb"):
            conn.execute(text("SET FOREIGN_KEY_CHECKS = 1"))


# ---------------------------------------------------------------------------------------------------------
# FreeRADIUS with rlm_sql on the same database


_CREDIT_SQL = ("FLOOR((acc.balance + acc.overdraft - acc.reserved) / r.price_per_minute * 60)")


def _hold_unlang(ani: str) -> str:
    """Unlang for `authorize` that holds the call's money after the lookup, as a prepaid rlm_sql set-up does."""
    def amount(account: str) -> str:
        return (f"LEAST({account}.balance + {account}.overdraft - {account}.reserved, {HOLD_MINUTES} * (SELECT "
                f"r.price_per_minute FROM rates r WHERE r.tariff_id = {account}.tariff_id AND r.prefix = '44'))")

    # the UPDATE's SET reads the row it updates: the amount is worked out from the row as locked
    hold = (f"UPDATE accounts SET reserved = reserved + {amount('accounts')} WHERE id = (SELECT account_id "
            f"FROM anis WHERE number = {ani}) AND status = 'active' AND balance + overdraft - reserved > 0")
    insert = ("INSERT INTO reservations (account_id, call_id, amount, status, created_at) SELECT a.account_id, "
              f"'%{{h323-conf-id}}', {amount('acc')}, 'open', CURRENT_TIMESTAMP FROM anis a JOIN accounts acc "
              f"ON acc.id = a.account_id WHERE a.number = {ani}")
    return f"""
		update control {{
			Tmp-Integer-0 := "%{{sql:{hold}}}"
		}}
		if (control:Tmp-Integer-0 != 1) {{
			update reply {{
				h323-return-code := "h323-return-code=4"
			}}
			reject
		}}
		update control {{
			Tmp-Integer-1 := "%{{sql:{insert}}}"
		}}"""


def freeradius_config(engine: Engine, confdir: Path, auth_port: int, acct_port: int, threads: int, *,
                      hold_money: bool = True) -> None:
    url = make_url(engine.url)
    backend = url.get_backend_name()
    if backend == "postgresql":
        driver, dialect, concat = "rlm_sql_postgresql", "postgresql", "'h323-credit-time=' || {x}"
    elif backend in ("mysql", "mariadb"):
        driver, dialect, concat = "rlm_sql_mysql", "mysql", "CONCAT('h323-credit-time=', {x})"
    else:
        raise UserError("--peer freeradius needs PostgreSQL or MySQL/MariaDB (FreeRADIUS has no driver for the "
                        "SQLite file the switch writes to concurrently)")
    if not Path(f"/usr/lib/freeradius/{driver}.so").exists():
        package = "freeradius-postgresql" if dialect == "postgresql" else "freeradius-mysql"
        raise UserError(f"FreeRADIUS {driver} is missing: apt-get install {package}")
    credit = concat.format(x=f"LEAST(14400, {_CREDIT_SQL})")
    ani = "'%{SQL-User-Name}'"
    check = (f"SELECT a.id, a.number, 'Auth-Type', 'Accept', ':=' FROM anis a WHERE a.number = {ani}")
    reply = ("SELECT a.id, a.number, 'h323-credit-time', "
             f"{credit}, '=' FROM anis a JOIN accounts acc ON acc.id = a.account_id "
             "JOIN rates r ON r.tariff_id = acc.tariff_id AND r.prefix = '44' "
             f"WHERE a.number = {ani} "
             "UNION ALL SELECT 0, '', 'h323-return-code', 'h323-return-code=0', '=' ")
    insert_sql = ("INSERT INTO bench_radacct (session_id, user_name, status, session_time, called) VALUES "
                  "('%{Acct-Session-Id}', '%{SQL-User-Name}', '%{Acct-Status-Type}', "
                  "'%{%{Acct-Session-Time}:-0}', '%{Called-Station-Id}')")
    secret = SECRET.decode()
    server = url.host or "127.0.0.1"
    port = url.port or (5432 if dialect == "postgresql" else 3306)
    (confdir / "dictionary").write_text(f"$INCLUDE {dictionary_dir() / 'dictionary'}\n", encoding="utf-8")
    (confdir / "radiusd.conf").write_text(f"""
prefix = /usr
exec_prefix = /usr
sysconfdir = {confdir}
localstatedir = {confdir}
sbindir = /usr/sbin
logdir = {confdir}
raddbdir = {confdir}
radacctdir = {confdir}
name = freeradius
confdir = {confdir}
modconfdir = {confdir}
run_dir = {confdir}
db_dir = {confdir}
libdir = /usr/lib/freeradius
pidfile = {confdir}/radiusd.pid
correct_escapes = true
max_request_time = 10
cleanup_delay = 2
max_requests = 65536
hostname_lookups = no
proxy_requests = no
log {{
	destination = files
	file = {confdir}/radius.log
	auth = no
}}
security {{
	allow_core_dumps = no
	max_attributes = 200
	reject_delay = 0
	status_server = no
}}
thread pool {{
	start_servers = {threads}
	max_servers = {threads}
	min_spare_servers = {threads}
	max_spare_servers = {threads}
	max_requests_per_server = 0
	max_queue_size = 65536
}}
client local {{
	ipaddr = 127.0.0.1
	secret = {secret}
	require_message_authenticator = no
}}
modules {{
	sql {{
		driver = "{driver}"
		dialect = "{dialect}"
		server = "{server}"
		port = {port}
		login = "{url.username or ''}"
		password = "{url.password or ''}"
		radius_db = "{url.database}"
		read_clients = no
		read_groups = no
		delete_stale_sessions = no
		sql_user_name = "%{{User-Name}}"
		pool {{
			start = {threads}
			min = {threads}
			max = {threads}
			spare = 0
			uses = 0
			retry_delay = 1
			lifetime = 0
			idle_timeout = 0
		}}
		authorize_check_query = "{check}"
		authorize_reply_query = "{reply}"
		accounting {{
			reference = "type.%{{Acct-Status-Type}}.query"
			type {{
				Start {{
					query = "{insert_sql}"
				}}
				Stop {{
					query = "{insert_sql}"
				}}
				Interim-Update {{
					query = "{insert_sql}"
				}}
			}}
		}}
		post-auth {{
			query = ""
		}}
	}}
	always ok {{
		rcode = ok
	}}
	always reject {{
		rcode = reject
	}}
}}
server default {{
	listen {{
		type = auth
		ipaddr = 127.0.0.1
		port = {auth_port}
	}}
	listen {{
		type = acct
		ipaddr = 127.0.0.1
		port = {acct_port}
	}}
	authorize {{
		sql
		if (notfound) {{
			update reply {{
				h323-return-code := "h323-return-code=1"
			}}
			reject
		}}{_hold_unlang("'%{User-Name}'") if hold_money else ""}
	}}
	authenticate {{
		Auth-Type Accept {{
			ok
		}}
	}}
	accounting {{
		sql
	}}
	post-auth {{
		ok
	}}
}}
""", encoding="utf-8")


@contextlib.contextmanager
def running_freeradius(engine: Engine, threads: int, *, hold_money: bool = True) -> Iterator[FreeRadiusPeer]:
    """FreeRADIUS with the bench configuration on fresh ports, stopped at the end."""
    binary = shutil.which("freeradius") or "/usr/sbin/freeradius"
    if not Path(binary).exists():
        raise UserError("FreeRADIUS is not installed (Debian package freeradius)")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS bench_radacct (id SERIAL PRIMARY KEY, session_id VARCHAR(128), "
                          "user_name VARCHAR(64), status VARCHAR(32), session_time INTEGER, called VARCHAR(64))"
                          if engine.dialect.name == "postgresql" else
                          "CREATE TABLE IF NOT EXISTS bench_radacct (id INTEGER AUTO_INCREMENT PRIMARY KEY, "
                          "session_id VARCHAR(128), user_name VARCHAR(64), status VARCHAR(32), session_time INTEGER, "
                          "called VARCHAR(64))"))
    with tempfile.TemporaryDirectory(prefix="bench-freeradius-") as folder:
        confdir = Path(folder)
        auth_port, acct_port = free_port(socket.SOCK_DGRAM), free_port(socket.SOCK_DGRAM)
        freeradius_config(engine, confdir, auth_port, acct_port, threads=threads, hold_money=hold_money)
        log_path = confdir / "stdout.log"
        with log_path.open("wb") as log_file:
            process = subprocess.Popen([binary, "-f", "-d", str(confdir)], stdout=log_file, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 20
            while not _answers(auth_port):
                if process.poll() is not None or time.monotonic() > deadline:
                    output = log_path.read_text(errors="replace")
                    radius_log = confdir / "radius.log"
                    if radius_log.exists():
                        output += radius_log.read_text(errors="replace")
                    raise UserError(f"FreeRADIUS did not start: {output[-2000:]}")
                time.sleep(0.2)
            yield FreeRadiusPeer(process.pid, auth_port, acct_port)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def run_freeradius(engine: Engine, requests: int, concurrency: int, *, hold_money: bool = True) -> LoadResult:
    with running_freeradius(engine, min(32, max(4, concurrency)), hold_money=hold_money) as peer:
        load = run_load(Target("127.0.0.1", peer.auth_port, peer.acct_port), requests, concurrency,
                        "fr" if hold_money else "fr-lookup")
        return dataclasses.replace(load, server_cpu_s=cpu_seconds(peer.pid))


def _answers(auth_port: int) -> bool:
    """Whether a server answers an Access-Request on the port (used to wait for FreeRADIUS)."""
    try:
        _client(Target("127.0.0.1", auth_port, 0), timeout=0.5, retries=1).authorize(AuthRequest("probe"))
    except RadiusTimeoutError:
        return False
    return True


# ---------------------------------------------------------------------------------------------------------


def bench_radius(engine: Engine, *, requests: int, concurrency: int, peer: str | None = None,
                 workers: int | None = None, processes: int | None = None, reseller_levels: int = 0) -> dict[str, Any]:
    """`processes` server processes (default: the `radius_processes` setting) of `workers` policy threads each;
    `reseller_levels`: see `fill`."""
    count = processes or int(settings.load()["radius_processes"]) or 1
    threads = workers or DEFAULT_THREADS
    fill(engine, reseller_levels=reseller_levels)
    try:
        registry = NasRegistry()
        registry.add("127.0.0.1", SECRET, require_message_authenticator=False, name="bench")
        server = RadiusProcesses(PolicyOptions(DatabaseTarget.of(engine), threads=threads),
                                 registry, auth_port=0, acct_port=0, processes=count)
        server.start()
        try:
            target = Target("127.0.0.1", server.auth_address[1], server.acct_address[1])
            ours = measured_load(server, target, requests, concurrency, "our")
        finally:
            server.stop()
        result: dict[str, Any] = {**ours.summary(), "requests": requests, "concurrency": concurrency,
                                  "processes": count, "threads": threads, "backend": engine.dialect.name,
                                  "reseller_levels": reseller_levels}
        if peer == "freeradius":
            theirs = run_freeradius(engine, requests, concurrency)
            lookup = run_freeradius(engine, requests, concurrency, hold_money=False)
            result["freeradius"] = theirs.summary()
            result["freeradius_lookup_only"] = lookup.summary()
            result["ratio"] = round(ours.auth_per_s / theirs.auth_per_s, 3) if theirs.auth_per_s else None
            result["ratio_lookup_only"] = round(ours.auth_per_s / lookup.auth_per_s, 3) if lookup.auth_per_s else None
        return result
    finally:
        empty(engine)


def main_json(result: dict[str, Any]) -> str:
    return json.dumps(result, sort_keys=False)
