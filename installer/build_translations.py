"""The desktop's translations: `--update` refreshes i18n/*.ts from the code (pyside6-lupdate), the default
compiles them to .qm (pyside6-lrelease) for `make run` and packaged builds. See i18n/README.md."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop.i18n import CATALOGUE, LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "desktop"
I18N = ROOT / "i18n"


def _tool(name: str) -> str:
    """The Linguist tool of the PySide6 installed beside this Python (the venv's), else one on PATH."""
    beside = shutil.which(name, path=str(Path(sys.executable).parent))
    found = beside or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install the project (`make install`), which brings PySide6")
    return found


def ts_files() -> list[Path]:
    return [I18N / f"{CATALOGUE}_{code}.ts" for code in LANGUAGES]


def lupdate_command(targets: Sequence[Path]) -> list[str]:
    """Extract every tr()/translate() text of desktop/ into `targets`, dropping texts the code lost.

    No source locations: they would change the catalogues on every edit of the code.
    """
    return [_tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-locations", "none", "-no-obsolete",
            str(SOURCES), "-ts", *map(str, targets)]


def update() -> None:
    subprocess.run(lupdate_command(ts_files()), check=True)


def compile_catalogues(out_dir: Path = I18N) -> list[Path]:
    """i18n/carrierdesk_<code>.ts -> out_dir/carrierdesk_<code>.qm; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts_file in ts_files():
        qm_file = out_dir / ts_file.with_suffix(".qm").name
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)
        written.append(qm_file)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="refresh i18n/*.ts from desktop/ (then translate)")
    parser.add_argument("--out", type=Path, default=I18N, help="folder for the .qm files (default: i18n/)")
    args = parser.parse_args(argv)
    if args.update:
        update()
    else:
        for qm_file in compile_catalogues(args.out):
            print(f"wrote {qm_file}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
