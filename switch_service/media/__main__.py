"""`python -m switch_service.media`: one IVR media worker (worker.py), as the pool starts it.

Before anything imports hashlib, Python's OpenSSL binding is kept out: a worker's only hashes are RADIUS's MD5 and
HMAC-MD5, which Python's built-in `_md5` computes, and loading OpenSSL's libcrypto for them cost each worker
3.4 MB (`carrier-switch bench ivr --sessions 64`, 16 workers: 728 → 674 MB; pjsua2 carries its own libcrypto for
SRTP and TLS). The bundled `carrier-switch --ivr-media-worker` comes here too (installer/entry_switch.py).
"""

from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    sys.modules.setdefault("_hashlib", None)  # type: ignore[arg-type]  # None: "import _hashlib" raises ImportError
    from switch_service.media.worker import main

    return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
