"""Architecture rules that code review alone would let slip."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # `from switch_service import bench` imports the module switch_service.bench
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def test_pure_cores_do_no_io() -> None:
    """billing/ and routing/ are pure: no database, network or Qt."""
    banned = ("sqlalchemy", "socket", "requests", "PySide6", "pyrad", "pjsua2", "switch_service.store")
    offences = []
    for package in ("billing", "routing"):
        for path in sorted((ROOT / "switch_service" / package).rglob("*.py")):
            for line, module in imported_modules(path):
                if module.startswith(banned):
                    offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offences == []


def test_the_product_does_not_import_the_benchmarks() -> None:
    """Benchmarks (switch_service/bench/) build synthetic data and start peers: only the CLI command that runs one
    imports it. And the AAA server sits below the switch: aaa/ imports nothing from sip/."""
    offences = []
    for path in sorted((ROOT / "switch_service").rglob("*.py")):
        part = path.relative_to(ROOT / "switch_service").parts[0]
        for line, module in imported_modules(path):
            if part not in ("bench", "cli") and module.startswith("switch_service.bench"):
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
            if part == "aaa" and module.startswith("switch_service.sip"):
                offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offences == []


def test_the_sip_stack_knows_no_accounts_or_money() -> None:
    """sip/ carries calls (messages, transactions, dialogs, the B2BUA's states, transports): it imports nothing of
    the call control, the AAA server, billing or the store. The call control (call_control/) sits above it and may
    import it."""
    banned = ("switch_service.call_control", "switch_service.aaa", "switch_service.billing", "switch_service.store")
    offences = [f"{path.relative_to(ROOT)}:{line} imports {module}"
                for path in sorted((ROOT / "switch_service" / "sip").rglob("*.py"))
                for line, module in imported_modules(path) if module.startswith(banned)]
    assert offences == []


def test_the_media_workers_touch_no_database() -> None:
    """media/ (the IVR's workers and their pool) asks the AAA server over RADIUS like any gateway: no database, no
    call control, no SIP stack of ours."""
    banned = ("sqlalchemy", "switch_service.store", "switch_service.call_control", "switch_service.sip",
              "switch_service.api")
    offences = [f"{path.relative_to(ROOT)}:{line} imports {module}"
                for path in sorted((ROOT / "switch_service" / "media").rglob("*.py"))
                for line, module in imported_modules(path) if module.startswith(banned)]
    assert offences == []


def test_top_level_layout() -> None:
    for name in ("desktop", "switch_service", "resources", "i18n", "installer", "tests", "pyproject.toml",
                 "README.md", "Makefile", ".ci/run"):
        assert (ROOT / name).exists(), name


def test_the_sip_digest_is_computed_in_one_place() -> None:
    """security/sip_digest.py holds the digest rule for the API (HA1), the AAA server and the switch (responses);
    aaa/messages.py keeps RADIUS's own MD5 (authenticators, User-Password hiding)."""
    allowed = {"switch_service/security/sip_digest.py", "switch_service/aaa/messages.py"}
    offences = []
    for path in sorted((ROOT / "switch_service").rglob("*.py")):
        name = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "md5" and name not in allowed:
                offences.append(f"{name}:{node.lineno}")
    assert offences == []


_MONEY_COLUMNS = frozenset({"balance", "reserved"})
_RAW_MONEY_UPDATE = re.compile(r"\bUPDATE\s+\w*(accounts|resellers)\b.*\bSET\b.*\b(balance|reserved)\b",
                               re.IGNORECASE | re.DOTALL)
# The ledger writes the money; the RADIUS bench writes the SQL of FreeRADIUS (the rival it measures) into a scratch
# database of its own.
_MONEY_WRITERS = frozenset({"switch_service/store/repositories/ledger.py", "switch_service/bench/radius.py"})


def _is_update(node: ast.expr) -> bool:
    """Whether `node` is (a method chain on) a SQLAlchemy `update(...)` or `Query.update(...)`."""
    while True:
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id == "update":
                return True
            if isinstance(function, ast.Attribute) and function.attr == "update":
                return True
            node = function
        elif isinstance(node, ast.Attribute):
            node = node.value
        else:
            return False


def _named_columns(call: ast.Call) -> set[str]:
    names = {keyword.arg for keyword in call.keywords if keyword.arg}
    for argument in call.args:
        if isinstance(argument, ast.Dict):
            names |= {key.value for key in argument.keys
                      if isinstance(key, ast.Constant) and isinstance(key.value, str)}
    return names & _MONEY_COLUMNS


def money_writes(path: Path) -> list[str]:
    """Where the module sets `balance` or `reserved`: UPDATE ... values(...), an attribute assigned, raw SQL."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and _is_update(node) and (columns := _named_columns(node)):
            found.append(f"{node.lineno}: UPDATE of {sorted(columns)}")
        elif isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [f"{node.lineno}: .{target.attr} assigned" for target in targets
                      if isinstance(target, ast.Attribute) and target.attr in _MONEY_COLUMNS]
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and _RAW_MONEY_UPDATE.search(node.value)):
            found.append(f"{node.lineno}: SQL UPDATE of a money column")
    return sorted(found, key=lambda where: int(where.split(":")[0]))


def test_only_the_ledger_writes_balances() -> None:
    """Every change of an account's `balance` or `reserved`, and of a reseller's `balance`, goes through
    store/repositories/ledger.py (issues 17, 19): one place keeps the atomic UPDATEs, their lock order and the
    `available` rule."""
    offences = []
    for package in ("switch_service", "desktop", "installer"):
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name not in _MONEY_WRITERS:
                offences += [f"{name}:{where}" for where in money_writes(path)]
    assert offences == []


def test_the_money_write_check_sees_each_form(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "session.execute(update(Account).where(Account.id == 1).values(balance=Account.balance + 1))\n"
        "session.query(Account).update({'reserved': 0})\n"
        "account.balance = 5\n"
        "account.reserved -= 1\n"
        "conn.execute(text('UPDATE accounts SET reserved = reserved + 1'))\n"
        "conn.execute(text('UPDATE resellers SET balance = balance - 1'))\n"
        "session.execute(update(Account).values(max_concurrent_calls=0))\n"
        "session.execute(insert(Account).values(balance=1))\n", encoding="utf-8")
    assert [line.split(":")[0] for line in money_writes(sample)] == ["1", "2", "3", "4", "5", "6"]


def test_who_is_calling_is_read_in_one_place() -> None:
    """The switch (call_control/) and the RADIUS server (aaa/) recognise callers from one snapshot, store/callers.py:
    neither reads the DID, ANI or customer-trunk tables itself, so the two cannot index them differently."""
    tables = {"Ani", "Did", "CustomerTrunk"}
    offences = []
    for package in ("call_control", "aaa"):
        for path in sorted((ROOT / "switch_service" / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("switch_service.store.models"):
                    offences += [f"{path.relative_to(ROOT)}:{node.lineno} imports {alias.name}"
                                 for alias in node.names if alias.name in tables]
    assert offences == []


def test_the_worker_and_the_switch_name_their_hand_off_headers_alike() -> None:
    """The worker keeps its own copy of the header names (it imports no SIP stack of ours): they must agree."""
    from switch_service.media import worker
    from switch_service.sip import controller

    assert [name.lower() for name in (worker.HANDOFF_DESTINATION, worker.HANDOFF_PIN, worker.HANDOFF_LANGUAGE,
                                      worker.REENTRY, worker.LANGUAGE_MENU)] == [
        controller.HANDOFF_DESTINATION, controller.HANDOFF_PIN, controller.HANDOFF_LANGUAGE, controller.REENTRY,
        controller.LANGUAGE_MENU]
