"""`carrier-switch --self-test`: can this installation run? Run from the bundle after an install (and by the
install test): it opens a scratch database with every migration, loads the RADIUS dictionaries (and the IVR prompts
once they ship), loads pjsua2's native libraries, and starts and stops the RADIUS server (one server process),
the SIP switch and the HTTP API on free ports of 127.0.0.1, asking each a question. Nothing of the operator's data,
config or keyring is touched: everything lives in a temporary folder. One line per check; exit 0 when all pass,
1 when any fails, naming what is missing.
"""

from __future__ import annotations

import contextlib
import importlib
import socket
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from switch_service.local_ports import service_ports


class SelfTest:
    def __init__(self, folder: Path, out: Callable[[str], None]) -> None:
        self.folder = folder
        self.out = out
        self.failed: list[str] = []
        self.engine: Any = None

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
        except BaseException as exc:  # a missing library is an ImportError, a missing file an OSError...
            if isinstance(exc, KeyboardInterrupt):
                raise
            self.failed.append(name)
            reason = f"{type(exc).__name__}: {exc}".strip()
            self.out(f"FAILED {name}: {reason}")
            return
        self.out(f"ok     {name}: {detail}")

    def database(self) -> str:
        from switch_service.store import migrate
        from switch_service.store.engine import make_engine

        self.engine = make_engine(f"sqlite:///{self.folder / 'self-test.db'}")
        migrate.upgrade(self.engine)
        for driver in ("psycopg", "pymysql"):  # the drivers of the other two databases are in the bundle
            importlib.import_module(driver)

        return f"SQLite database migrated to {migrate.current_revision(self.engine)}; PostgreSQL and MariaDB drivers"

    def dictionaries(self) -> str:
        from switch_service.aaa.dictionary import dictionary_dir, load_dictionary

        dictionary = load_dictionary()
        for name in ("h323-credit-time", "Cisco-AVPair", "Acct-Status-Type", "Message-Authenticator"):
            if name not in dictionary.attributes:
                raise LookupError(f"attribute {name} missing from {dictionary_dir()}")
        return f"{len(dictionary.attributes)} attributes from {dictionary_dir()}"

    def prompts(self) -> str:
        from switch_service.aaa.dictionary import dictionary_dir

        folder = dictionary_dir().parent / "prompts"
        if not folder.is_dir():
            return "none in this version (they come with the IVR)"
        files = [path for path in folder.rglob("*") if path.is_file()]
        if not files:
            raise FileNotFoundError(f"the prompts folder {folder} is empty")
        return f"{len(files)} files in {folder}"

    def pjsua2(self) -> str:
        import pjsua2

        endpoint = pjsua2.Endpoint()
        endpoint.libCreate()
        try:
            config = pjsua2.EpConfig()
            config.uaConfig.threadCnt = 0
            config.uaConfig.mainThreadOnly = True
            config.logConfig.level = 0
            config.logConfig.consoleLevel = 0
            endpoint.libInit(config)
            endpoint.audDevManager().setNullDev()
            version = endpoint.libVersion().full
        finally:
            endpoint.libDestroy()
        return f"pjsua2 {version} native libraries load"

    def listeners(self) -> str:
        """RADIUS, SIP and the API on free ports: each started, asked something, stopped."""
        import keyring.backends.fail

        from switch_service.api.live import LiveCalls
        from switch_service.config.secrets import SecretStore
        from switch_service.config.settings import OPTIONS, Settings
        from switch_service.service import ApiServer
        from switch_service.telephony import Telephony

        values = {option.name: option.default() for option in OPTIONS} | {
            "data_dir": str(self.folder), "sip_host": "127.0.0.1", **service_ports(), "radius_processes": 1,
            "ivr_min_workers": 0, "sip_keepalive_interval_s": 0, "fees_interval_s": 0,
            "log_level": "WARNING"}
        settings = Settings(values, self.folder / "config.toml")
        no_keyring = keyring.backends.fail.Keyring()  # type: ignore[no-untyped-call]
        secrets = SecretStore(no_keyring, self.folder / "secrets.toml")
        telephony = Telephony(self.engine, settings, secrets)
        api = ApiServer(self.engine, settings, lambda: LiveCalls(telephony.events, telephony.hangup,
                                                         gateways=telephony.gateway_events,
                                                         test_call=telephony.place_test_call,
                                                         ivr=telephony.ivr_counters))
        with contextlib.ExitStack() as stack:
            telephony.start_radius()
            stack.callback(telephony.stop_radius)
            telephony.start_sip()
            stack.callback(telephony.stop_sip)
            api.start()
            stack.callback(api.stop)
            assert telephony.sip is not None and telephony.radius is not None
            sip_port = telephony.sip.switch.port
            if not _sip_options(sip_port).startswith("SIP/2.0 200"):
                raise RuntimeError("the SIP switch did not answer OPTIONS with 200")
            if telephony.radius.counters().get("processes") != 1:
                raise RuntimeError("the RADIUS server process did not answer")
            with urllib.request.urlopen(f"http://127.0.0.1:{settings['api_port']}/api/v1/health",
                                        timeout=10) as answer:
                if answer.status != 200:
                    raise RuntimeError(f"the API answered {answer.status}")
            ports = (f"RADIUS {telephony.radius.auth_address[1]}/{telephony.radius.acct_address[1]}, "
                     f"SIP {sip_port}, API {settings['api_port']}")
        return f"started, answered and stopped: {ports}"


def _sip_options(port: int) -> str:
    request = (f"OPTIONS sip:127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-selftest\r\n"
               "From: <sip:self-test@127.0.0.1>;tag=st\r\nTo: <sip:127.0.0.1>\r\nCall-ID: self-test@127.0.0.1\r\n"
               "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(5)
        sock.sendto(request.encode(), ("127.0.0.1", port))
        return sock.recv(65535).decode(errors="replace")


@contextlib.contextmanager
def _scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="carrierdesk-self-test-") as folder:
        yield Path(folder)


def run(out: Callable[[str], None] = print) -> int:
    started = time.monotonic()
    with _scratch() as folder:
        test = SelfTest(folder, out)
        test.check("database", test.database)
        test.check("RADIUS dictionaries", test.dictionaries)
        test.check("IVR prompts", test.prompts)
        test.check("pjsua2", test.pjsua2)
        if test.engine is not None:
            test.check("SIP, RADIUS and API listeners", test.listeners)
            test.engine.dispose()
        else:
            test.failed.append("SIP, RADIUS and API listeners")
            out("FAILED SIP, RADIUS and API listeners: not tried, the database did not open")
    took = time.monotonic() - started
    if test.failed:
        out(f"self-test FAILED ({', '.join(test.failed)}) in {took:.1f} s")
        return 1
    out(f"self-test passed in {took:.1f} s")
    return 0
