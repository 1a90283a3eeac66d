"""The frozen `carrier-switch`: the RADIUS server processes are spawned from this same executable, which
`freeze_support` turns into the child when it is started as one; so are the IVR media workers, started with
`--ivr-media-worker` (switch_service/media/pool.py)."""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--ivr-media-worker"]:  # before the CLI's imports: a worker imports little (media/__main__)
        from switch_service.media.__main__ import run

        sys.exit(run(sys.argv[2:]))
    import multiprocessing

    from switch_service.cli import main

    multiprocessing.freeze_support()
    sys.exit(main())
