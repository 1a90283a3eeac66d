"""The desktop reaches the service only through the HTTP API: it imports nothing from switch_service
but the schemas and the config file reader (to find this computer's service where `carrier-switch config` put it,
and its instance id), and no database, RADIUS or SIP library; and Qt only through desktop.qt."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import desktop

DESKTOP = Path(desktop.__file__).parent
FORBIDDEN_LIBRARIES = {"sqlalchemy", "alembic", "pyrad", "pjsua2", "psycopg", "pymysql", "fastapi", "uvicorn"}
SCHEMAS = "switch_service.api.schemas"  # the package and its submodules: pydantic and the standard library only
# The config file (TOML, platformdirs folders) and the instance id in the data folder, read as the service reads
# them; these modules import the standard library, platformdirs, tomli_w and `switch_service.errors` only.
CONFIG_READER = {"switch_service.config.settings", "switch_service.config.identity", "switch_service.errors"}
LOADED_WITH_IT = {"switch_service", "switch_service.api", "switch_service.config", "switch_service.config.paths",
                  *CONFIG_READER}


def _allowed(name: str) -> bool:
    return name == SCHEMAS or name.startswith(SCHEMAS + ".") or name in CONFIG_READER
QT_PACKAGES = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules() -> list[Path]:
    return sorted(DESKTOP.rglob("*.py"))


def test_desktop_sources_import_only_the_schemas_from_the_service() -> None:
    offenders = [
        f"{path.relative_to(DESKTOP.parent)}: {name}"
        for path in _modules()
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN_LIBRARIES or (name.split(".")[0] == "switch_service" and not _allowed(name))
    ]
    assert offenders == []


def test_qt_is_imported_only_by_desktop_qt() -> None:
    offenders = [
        f"{path.relative_to(DESKTOP.parent)}: {name}"
        for path in _modules()
        if path.name != "qt.py" or path.parent != DESKTOP
        for name in _imports(path)
        if name.split(".")[0] in QT_PACKAGES
    ]
    assert offenders == []


def test_pyqtgraph_is_imported_only_by_desktop_graphs() -> None:
    """One module draws the graphs, so the pinned pyqtgraph and its Qt binding meet in one place."""
    offenders = [
        f"{path.relative_to(DESKTOP.parent)}: {name}"
        for path in _modules()
        if path.name != "graphs.py" or path.parent != DESKTOP
        for name in _imports(path)
        if name.split(".")[0] == "pyqtgraph"
    ]
    assert offenders == []


def test_importing_the_whole_desktop_loads_no_service_internals() -> None:
    modules = [
        ".".join(path.relative_to(DESKTOP.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in _modules()
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen")).stdout.split()
    assert "desktop.app" in loaded
    leaked = sorted(
        name for name in loaded
        if name.split(".")[0] in FORBIDDEN_LIBRARIES
        or (name.startswith("switch_service") and name not in LOADED_WITH_IT and not _allowed(name))
    )
    assert leaked == []
