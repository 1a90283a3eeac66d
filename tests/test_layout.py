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
    return found


def test_pure_cores_do_no_io() -> None:
    """billing/ and routing/ are pure: no database, network or Qt."""
    banned = ("sqlalchemy", "socket", "requests", "PySide6", "pyrad", "pjsua2", "switch_service.store")
    offences = []
    for package in ("billing", "routing"):
        for path in sorted((ROOT / "switch_service" / package).rglob("*.py")):
            if path.name == "bench.py":  # benchmarks compare against SQL on purpose
                continue
            for line, module in imported_modules(path):
                if module.startswith(banned):
                    offences.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offences == []


def test_top_level_layout() -> None:
    for name in ("desktop", "switch_service", "resources", "i18n", "installer", "tests", "pyproject.toml",
                 "README.md", "Makefile", ".ci/run"):
        assert (ROOT / name).exists(), name
