"""Architecture rules that code review alone would let slip."""

from __future__ import annotations

import ast
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
