"""Settings declared once as data: name, type, default, help.

The TOML file, `carrier-switch config show` and validation are all driven by `OPTIONS`, so a new
setting is one line here.
"""

from __future__ import annotations

import os
import socket
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from switch_service.config import paths
from switch_service.errors import UserError


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    type: type
    default: Callable[[], Any]
    help: str


def _default_db_url() -> str:
    return f"sqlite:///{paths.data_dir() / 'carrierdesk.db'}"


OPTIONS: tuple[Option, ...] = (
    Option("database_url", str, _default_db_url,
           "SQLAlchemy URL: sqlite:///FILE (default), postgresql+psycopg://..., mysql+pymysql://..."),
    Option("data_dir", str, lambda: str(paths.data_dir()), "Folder for the embedded database and logs"),
    Option("api_host", str, lambda: "127.0.0.1", "Address the local HTTP API binds to"),
    Option("api_port", int, lambda: 8470, "Port of the local HTTP API"),
    Option("api_workers", int, lambda: 0,
           "HTTP requests the API works on at once, each with a database connection of its own; others wait in line "
           "(0: 1 on SQLite, which writes one transaction at a time, 8 on PostgreSQL and MariaDB)"),
    Option("api_queue_timeout_s", int, lambda: 10,
           "Longest wait, in seconds, of an API request for its turn, a database connection or a lock; then it is "
           "answered 503 with Retry-After and nothing is written (keep it below the desktop's 15 s timeout)"),
    Option("api_nice", int, lambda: 10,
           "CPU priority the API's request threads give up to calls (Linux nice 0-19; 0: none): on a busy machine "
           "RADIUS and SIP go first and API requests wait"),
    Option("api_max_body_kib", int, lambda: 1024,
           "Largest request body the API reads, in KiB (413 beyond); rate-deck uploads have api_max_upload_mib"),
    Option("api_max_upload_mib", int, lambda: 256,
           "Largest uploaded file (a rate deck, an IVR prompt recording) the API accepts, in MiB"),
    Option("sip_host", str, lambda: "0.0.0.0", "Address the SIP listener binds to (UDP and TCP)"),
    Option("sip_port", int, lambda: 5060, "SIP port (UDP and TCP)"),
    Option("sip_advertised_host", str, lambda: "",
           "Address the switch writes as its own in Via, Contact, From and Call-ID (e.g. the public address in front "
           "of a NAT); empty: sip_host, or when that is 0.0.0.0 the address of the interface that routes to each peer"),
    Option("sip_register_min_expires_s", int, lambda: 60,
           "Shortest registration a digest trunk gets, in seconds: a REGISTER asking less is given this"),
    Option("sip_register_max_expires_s", int, lambda: 3600,
           "Longest registration a digest trunk gets, in seconds (registrations live in memory: after a restart "
           "calls to a digest trunk's DIDs get 480 until it registers again, at most this long)"),
    Option("sip_keepalive_interval_s", int, lambda: 30,
           "How often the switch sends OPTIONS to every carrier gateway, in seconds (0: no keep-alive)"),
    Option("sip_keepalive_failures", int, lambda: 3,
           "OPTIONS in a row a gateway leaves unanswered (or answers 5xx) before routing skips it; it comes back "
           "at its first answer"),
    Option("sip_interim_interval_s", int, lambda: 60,
           "How often the switch sends an Accounting Interim-Update for each answered call, in seconds (0: never); "
           "after a crash a call is billed up to its last update"),
    Option("credit_slice_s", int, lambda: 300,
           "Talk seconds a prepaid call holds money for at a time when its switch re-authorises (this switch does): "
           "several calls then share one balance; gateways that do not re-authorise hold the whole affordable call"),
    Option("sip_test_carrier_port", int, lambda: -1,
           "UDP port on 127.0.0.1 of the built-in test carrier, which answers every call it gets (the demo's "
           "\"Test carrier (built-in)\" points at it); -1: the SIP port + 2; 0: no test carrier"),
    Option("sip_test_carrier_hangup_s", int, lambda: 3600,
           "The built-in test carrier hangs up a call after this many seconds, if the caller has not"),
    Option("ivr_min_workers", int, lambda: 1,
           "IVR media workers kept running (warm) for callers of an access number the switch does not know; each "
           "holds up to 4 callers in the IVR at once"),
    Option("ivr_max_workers", int, lambda: 4,
           "Most IVR media workers started on demand (0: no IVR, unknown callers of an access number get 480); "
           "beyond 4 callers each, callers get 503 with Retry-After"),
    Option("ivr_prompts_dir", str, lambda: "",
           "Folder of the operator's IVR recordings as <language>/<name>.wav, each played in place of the product's "
           "prompt of that name (empty: prompts/ in the data folder); the desktop's IVR page and PUT "
           "/ivr/prompts/{language}/{name}.wav write there"),
    Option("ivr_max_pin_tries", int, lambda: 3, "Wrong PINs a caller may enter in one call before it is ended"),
    Option("ivr_lockout_failures", int, lambda: 5,
           "Wrong PINs from one caller number, over any number of calls within ivr_lockout_window_s, after which "
           "that number may enter no PIN (it hears why) until the window has passed (0: no lockout by caller); "
           "counted by the RADIUS server, so PIN requests of third-party gateways count too"),
    Option("ivr_lockout_did_failures", int, lambda: 50,
           "Wrong PINs on one access number, from any callers, within ivr_lockout_window_s, after which that access "
           "number takes no PIN until the window has passed (0: no lockout by access number)"),
    Option("ivr_lockout_window_s", int, lambda: 900, "The window of the IVR's PIN lockout, in seconds (0: none)"),
    Option("radius_host", str, lambda: "127.0.0.1",
           "IP address the RADIUS server listens on: 127.0.0.1 serves only the switch on this computer; 0.0.0.0 (or "
           "one of this computer's addresses) also third-party gateways, each registered as a NAS client "
           "(carrier-switch nas add) with its own shared secret"),
    Option("radius_auth_port", int, lambda: 1812, "RADIUS authentication port"),
    Option("radius_acct_port", int, lambda: 1813, "RADIUS accounting port"),
    Option("radius_processes", int, lambda: min(os.cpu_count() or 1, 4),
           "RADIUS server processes sharing the RADIUS ports, each with its own database connections and rate "
           "indexes (default: one per core, at most 4); 0 runs RADIUS inside the service process"),
    Option("node_name", str, socket.gethostname,
           "This node's name in a cluster of switches on one database (carrier-switch serve --node NAME): its live "
           "calls, money held and crash recovery carry it; letters, digits, '.', '-', '_' (default: the host name)"),
    Option("node_lease_s", int, lambda: 10,
           "Seconds a node's heartbeat lease lasts; the running service renews it every lease/5 seconds, and once "
           "a node's lease is this stale a surviving node settles its open calls (PostgreSQL and MariaDB)"),
    Option("default_region", str, lambda: "US", "Region for numbers dialled without a country code"),
    Option("currency", str, lambda: "USD", "Company currency (ISO 4217)"),
    Option("time_zone", str, lambda: "UTC", "Company time zone (IANA name) for reports and time bands"),
    Option("fees_interval_s", int, lambda: 60,
           "How often the service charges the recurring fees that fell due, in seconds (0: only on demand, with "
           "`carrier-switch fees run`)"),
    Option("statements_interval_s", int, lambda: 3600,
           "How often the service issues last month's statements and invoices not issued yet, in seconds (0: only "
           "with `carrier-switch statements run --period`)"),
    Option("token_ttl_minutes", int, lambda: 480, "How long a desktop sign-in stays valid"),
    Option("log_level", str, lambda: "INFO", "DEBUG, INFO, WARNING or ERROR"),
    Option("log_file_max_kb", int, lambda: 10240,
           "Size at which the service log (service.log in the data folder) is rotated, in KiB"),
    Option("log_file_count", int, lambda: 5, "Rotated service logs kept beside it (service.log.1 ... .N)"),
    Option("backup_interval_h", int, lambda: 24,
           "Hours between two scheduled backups of the database, taken while calls run (0: none)"),
    Option("backup_keep", int, lambda: 7, "Backups kept in the backup folder; the oldest go first"),
    Option("backup_dir", str, lambda: "", "Folder of the backups (empty: backups/ in the data folder)"),
    Option("smtp_host", str, lambda: "",
           "Mail server of the e-mail notifications (empty: none is sent, they wait in the outbox); its password is "
           "the secret smtp_password (carrier-switch config set-secret smtp_password)"),
    Option("smtp_port", int, lambda: 587, "Port of the mail server"),
    Option("smtp_security", str, lambda: "starttls", "none, starttls (upgrade after connecting) or tls (from the "
           "start, usually port 465)"),
    Option("smtp_user", str, lambda: "", "User name at the mail server (empty: no login)"),
    Option("smtp_from", str, lambda: "", "From address of the notifications"),
    Option("operator_email", str, lambda: "",
           "Where the operator's notices go: a carrier down, a card batch about to expire (empty: none)"),
    Option("mail_interval_s", int, lambda: 30,
           "Seconds between two looks for notices to send (low balance, carriers, card batches; 0: never)"),
    Option("card_expiry_notice_days", int, lambda: 7, "Days before a card batch expires that the operator is told"),
)
_BY_NAME = {option.name: option for option in OPTIONS}


@dataclass(frozen=True, slots=True)
class TypedSettings:
    """Every option as a typed attribute, so code reads `settings.typed.api_port` as an int instead of casting the
    `Any` of `settings["api_port"]`. The fields repeat `OPTIONS`' names and types in their order
    (tests/config/test_settings_and_secrets.py holds them together)."""

    database_url: str
    data_dir: str
    api_host: str
    api_port: int
    api_workers: int
    api_queue_timeout_s: int
    api_nice: int
    api_max_body_kib: int
    api_max_upload_mib: int
    sip_host: str
    sip_port: int
    sip_advertised_host: str
    sip_register_min_expires_s: int
    sip_register_max_expires_s: int
    sip_keepalive_interval_s: int
    sip_keepalive_failures: int
    sip_interim_interval_s: int
    credit_slice_s: int
    sip_test_carrier_port: int
    sip_test_carrier_hangup_s: int
    ivr_min_workers: int
    ivr_max_workers: int
    ivr_prompts_dir: str
    ivr_max_pin_tries: int
    ivr_lockout_failures: int
    ivr_lockout_did_failures: int
    ivr_lockout_window_s: int
    radius_host: str
    radius_auth_port: int
    radius_acct_port: int
    radius_processes: int
    node_name: str
    node_lease_s: int
    default_region: str
    currency: str
    time_zone: str
    fees_interval_s: int
    statements_interval_s: int
    token_ttl_minutes: int
    log_level: str
    log_file_max_kb: int
    log_file_count: int
    backup_interval_h: int
    backup_keep: int
    backup_dir: str
    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_from: str
    operator_email: str
    mail_interval_s: int
    card_expiry_notice_days: int

    @classmethod
    def of(cls, values: Mapping[str, Any]) -> TypedSettings:
        """The view of complete, checked values (`load` checks a config file's); a wrong type is a bug here."""
        for option in OPTIONS:
            value = values[option.name]
            if (option.type is int and isinstance(value, bool)) or not isinstance(value, option.type):
                raise TypeError(f"setting {option.name!r} must be {option.type.__name__}, got {value!r}")
        return cls(**{option.name: values[option.name] for option in OPTIONS})


@dataclass(frozen=True, slots=True)
class Settings:
    values: dict[str, Any]
    source: Path
    typed: TypedSettings = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "typed", TypedSettings.of(self.values))

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def test_carrier_port(settings: Settings) -> int:
    """The built-in test carrier's port (0: none)."""
    port = settings.typed.sip_test_carrier_port
    return settings.typed.sip_port + 2 if port < 0 else port


def load(path: Path | None = None) -> Settings:
    """Defaults overlaid with the TOML file; a wrong type or unknown key is a UserError naming it."""
    path = path or paths.config_file()
    values = {option.name: option.default() for option in OPTIONS}
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise UserError(f"config file {path} is not valid TOML: {exc}") from None
        for key, value in data.items():
            values[key] = _checked(key, value, path)
    env_url = os.environ.get("CARRIERDESK_DB_URL")
    if env_url:
        values["database_url"] = env_url
    return Settings(values, path)


def _checked(key: str, value: Any, path: Path) -> Any:
    option = _BY_NAME.get(key)
    if option is None:
        raise UserError(f"config file {path}: unknown setting '{key}' (known: {', '.join(_BY_NAME)})")
    if (option.type is int and isinstance(value, bool)) or not isinstance(value, option.type):
        raise UserError(
            f"config file {path}: '{key}' must be {option.type.__name__}, got {type(value).__name__} {value!r}"
        )
    return value


def save(changes: dict[str, Any], path: Path | None = None) -> Path:
    """Write the given settings (validated) into the TOML file, keeping the others."""
    path = path or paths.config_file()
    current: dict[str, Any] = {}
    if path.exists():
        current = tomllib.loads(path.read_text(encoding="utf-8"))
    for key, value in changes.items():
        current[key] = _checked(key, value, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(current), encoding="utf-8")
    return path


def parse_value(key: str, text: str) -> Any:
    """Turn a command-line string into the option's type."""
    option = _BY_NAME.get(key)
    if option is None:
        raise UserError(f"unknown setting '{key}' (known: {', '.join(_BY_NAME)})")
    if option.type is int:
        try:
            return int(text)
        except ValueError:
            raise UserError(f"setting '{key}' must be an integer, got {text!r}") from None
    return text
