"""What both PyInstaller specs share: the data files each bundle carries and the modules PyInstaller cannot see
(imported by name at run time). Read by `carrier-switch.spec` and `carrier-desk.spec`; no PyInstaller import here,
so the self-tests and the build script can name the same parts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (source, folder inside the bundle): found there through sys._MEIPASS by the code that reads them.
SWITCH_DATA = [
    (ROOT / "resources" / "radius", "resources/radius"),
    (ROOT / "switch_service" / "store" / "migrations", "switch_service/store/migrations"),
]
DESK_DATA = [
    (ROOT / "i18n", "i18n"),  # the compiled .qm catalogues (make translations); the .ts sources come along
]
PROMPTS = ROOT / "resources" / "prompts"  # IVR prompts, once the IVR exists

SWITCH_HIDDEN = [
    # database drivers chosen by URL, Alembic's migration scripts' imports, uvicorn's protocol choices
    "sqlalchemy.dialects.sqlite.pysqlite", "sqlalchemy.dialects.postgresql.psycopg", "psycopg_binary",
    "sqlalchemy.dialects.mysql.pymysql", "pymysql", "alembic.op", "logging.config",
    "alembic.context", "pjsua2", "pjsua2.pjsua2", "pjsua2._pjsua2",  # pjsua2 imports its bindings by name
]
# Never in a bundle: test tools and what only the other program needs.
SWITCH_EXCLUDES = ["PySide6", "pyqtgraph", "numpy", "pytest", "hypothesis", "schemathesis", "tkinter", "mypy",
                   "IPython"]
DESK_EXCLUDES = ["PIL", "pytest", "hypothesis", "schemathesis", "tkinter", "mypy", "IPython", "pjsua2", "pyrad",
                 "psycopg", "psycopg_binary", "pymysql", "alembic", "sqlalchemy", "uvicorn", "fastapi"]


def pjsua2_libraries() -> list[tuple[str, str]]:
    """pjsua2-python's own native libraries (its OpenSSL 1.0.2 among them), kept in the `pjsua2_python.libs`
    folder beside the package, where pjsua2/__init__.py looks for libcrypto."""
    spec = importlib.util.find_spec("pjsua2")
    if spec is None or spec.origin is None:
        raise SystemExit("pjsua2-python is not installed: pip install -e .[build]")
    folder = Path(spec.origin).resolve().parents[1] / "pjsua2_python.libs"
    return [(str(library), "pjsua2_python.libs") for library in sorted(folder.iterdir())]


def data_pairs(parts: list[tuple[Path, str]]) -> list[tuple[str, str]]:
    """PyInstaller's (source, dest) pairs for the parts that exist (prompts arrive with the IVR)."""
    extra = [(PROMPTS, "resources/prompts")] if PROMPTS.is_dir() else []
    return [(str(source), dest) for source, dest in [*parts, *extra] if source.exists()]
