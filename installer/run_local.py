"""`make run`: start this computer's switch service, open the desktop on it, stop the service afterwards.

The desktop is opened only on the service this command started (or on this installation's service when it is
already running): when the start fails — its port taken by another program or another Carrierdesk installation —
the service's own words are printed and the exit code is 1, so `make run` fails too.
"""

from __future__ import annotations

import subprocess
import sys

from desktop.local_service import LocalService, LocalServiceError, local_installation, read_health
from switch_service.errors import UserError

FAILED = 1


def main() -> int:
    try:
        installation = local_installation()
    except UserError as exc:
        print(f"make run: {exc}", file=sys.stderr)
        return FAILED
    running = read_health(installation.url)
    if running is not None and running.instance_id == installation.instance_id:
        print(f"make run: this computer's service already answers at {installation.url}; opening the desktop on it",
              file=sys.stderr)
        return _desktop(installation.url)
    service = LocalService(installation)
    try:
        service.wait_until_healthy()
        return _desktop(installation.url)
    except LocalServiceError as exc:
        print(f"make run: the service did not start: {exc}", file=sys.stderr)
        return FAILED
    finally:
        service.stop()


def _desktop(url: str) -> int:
    return subprocess.call([sys.executable, "-m", "desktop.app", "--api", url, "--user", "admin"])


if __name__ == "__main__":
    sys.exit(main())
