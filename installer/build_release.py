"""`make installer`: the two one-folder bundles (PyInstaller: installer/carrier-switch.spec, carrier-desk.spec) and
the Linux release archive `dist/carrierdesk-<version>-linux-x86_64.tar.gz` holding them with install.sh,
uninstall.sh, the desktop entry and the icon. Prints one JSON line: build time and sizes.

Nothing is reused from an earlier build (`--clean`): the bundle is what this checkout makes, every time.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tarfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
BUNDLES = BUILD / "bundles"
DIST = ROOT / "dist"
LINUX = ROOT / "installer" / "linux"
PROGRAMS = ("carrier-switch", "carrier-desk")


def archive_name(release: str) -> str:
    return f"carrierdesk-{release}-linux-x86_64"


def folder_size(path: Path) -> int:
    return sum(item.stat().st_size for item in path.rglob("*") if item.is_file() and not item.is_symlink())


def build_bundle(program: str) -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(BUNDLES), "--workpath", str(BUILD / "pyinstaller"),
                    str(ROOT / "installer" / f"{program}.spec")], check=True, cwd=ROOT)
    return time.monotonic() - started


def stage(release: str) -> Path:
    """The archive's folder: the bundles, the scripts, share/ (desktop entry, icon), VERSION."""
    folder = BUILD / "release" / archive_name(release)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "share").mkdir(parents=True)
    for program in PROGRAMS:
        shutil.copytree(BUNDLES / program, folder / program, symlinks=True)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(LINUX / script, folder / script)
        (folder / script).chmod(0o755)
    for name in ("carrierdesk.desktop.in", "carrierdesk.svg"):
        shutil.copy2(LINUX / name, folder / "share" / name)
    shutil.copy2(ROOT / "installer" / "README.md", folder / "README.md")
    (folder / "VERSION").write_text(release + "\n", encoding="utf-8")
    return folder


def pack(folder: Path) -> Path:
    DIST.mkdir(exist_ok=True)
    target = DIST / f"{folder.name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(folder, arcname=folder.name)
    return target


def main() -> int:
    started = time.monotonic()
    release = version("carrierdesk")
    subprocess.run([sys.executable, "-m", "installer.build_translations"], check=True, cwd=ROOT)
    seconds = {program: round(build_bundle(program), 1) for program in PROGRAMS}
    folder = stage(release)
    packing = time.monotonic()
    archive = pack(folder)
    figures = {
        "archive": str(archive.relative_to(ROOT)),
        "archive_mb": round(archive.stat().st_size / 1e6, 1),
        **{f"{program}_mb": round(folder_size(BUNDLES / program) / 1e6, 1) for program in PROGRAMS},
        **{f"{program}_build_s": took for program, took in seconds.items()},
        "pack_s": round(time.monotonic() - packing, 1),
        "total_s": round(time.monotonic() - started, 1),
    }
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
