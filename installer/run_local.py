"""`make run`: start the local switch service, open the desktop on it, stop the service afterwards."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request

from switch_service.config import settings

STARTUP_TIMEOUT_S = 30


def main() -> int:
    config = settings.load()
    api_url = f"http://{config['api_host']}:{config['api_port']}"
    service = subprocess.Popen([sys.executable, "-m", "switch_service", "serve"])
    try:
        if not _wait_for_health(api_url, service):
            print(f"the switch service did not answer on {api_url}", file=sys.stderr)
            return 1
        return subprocess.call([sys.executable, "-m", "desktop.app", "--api", api_url, "--user", "admin"])
    finally:
        service.terminate()
        try:
            service.wait(timeout=10)
        except subprocess.TimeoutExpired:
            service.kill()


def _wait_for_health(api_url: str, service: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline and service.poll() is None:
        try:
            with urllib.request.urlopen(f"{api_url}/api/v1/health", timeout=1) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    return False


if __name__ == "__main__":
    sys.exit(main())
