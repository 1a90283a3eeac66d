"""`make run`: start this computer's switch service, open the desktop on it, stop the service afterwards.

The desktop is opened only on the service this command started (or on this installation's service when it is
already running): when the start fails — its port taken by another program or another Carrierdesk installation —
the service's own words are printed and the exit code is 1, so `make run` fails too.

A SIGTERM, SIGHUP or SIGINT (a closed terminal, `kill`) is passed on to the desktop, which quits as on its own; the
service is stopped once it has. Before the desktop is open, the signal ends the wait and stops the service.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from types import FrameType

from desktop.local_service import STOP_SIGNALS, LocalService, LocalServiceError, local_installation, read_health
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
    stopping = {number: signal.signal(number, _stop_waiting) for number in STOP_SIGNALS}
    try:
        service.wait_until_healthy()
        return _desktop(installation.url)
    except LocalServiceError as exc:
        print(f"make run: the service did not start: {exc}", file=sys.stderr)
        return FAILED
    finally:
        service.stop()
        for number, handler in stopping.items():
            signal.signal(number, handler)


def _stop_waiting(number: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + number)  # the `finally` stops the service


def _desktop(url: str) -> int:
    desktop = subprocess.Popen([sys.executable, "-m", "desktop.app", "--api", url, "--user", "admin"])

    def pass_on(number: int, _frame: FrameType | None) -> None:
        desktop.send_signal(number)

    for number in STOP_SIGNALS:
        signal.signal(number, pass_on)
    return desktop.wait()


if __name__ == "__main__":
    sys.exit(main())
