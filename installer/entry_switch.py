"""The frozen `carrier-switch`: the RADIUS server processes are spawned from this same executable, which
`freeze_support` turns into the child when it is started as one."""

import multiprocessing
import sys

from switch_service.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
