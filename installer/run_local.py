"""`make run`: start the local switch service, open the desktop on it, stop the service afterwards."""

from __future__ import annotations

import subprocess
import sys

from desktop.local_service import LocalService, LocalServiceError
from switch_service.config import settings


def main() -> int:
    config = settings.load()
    api_url = f"http://{config['api_host']}:{config['api_port']}"
    service = LocalService()
    try:
        service.wait_until_healthy(api_url)
        return subprocess.call([sys.executable, "-m", "desktop.app", "--api", api_url, "--user", "admin"])
    except LocalServiceError as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        service.stop()


if __name__ == "__main__":
    sys.exit(main())
