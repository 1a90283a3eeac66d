"""`python -m switch_service` is `carrier-switch`."""

import sys

from switch_service.cli import main

sys.exit(main())
