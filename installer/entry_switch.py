"""The frozen `carrier-switch`: the RADIUS server processes are spawned from this same executable, which
`freeze_support` turns into the child when it is started as one; so are the IVR media workers, started with
`--ivr-media-worker` (switch_service/media/pool.py)."""

import multiprocessing
import sys

from switch_service.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.argv[1:2] == ["--ivr-media-worker"]:
        from switch_service.media.worker import main as worker_main

        sys.exit(worker_main(sys.argv[2:]))
    sys.exit(main())
