"""Calling-card PINs: AES-GCM ciphertext an admin can print again, plus an HMAC index.

The index (HMAC-SHA256 under a key derived from the PIN key) finds a card by PIN with one indexed
lookup instead of decrypting every card. Encryption and index keys are derived separately (HKDF) from
the one PIN key kept in the secret store.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_NONCE_BYTES = 12


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"carrierdesk-" + purpose).derive(master)


class PinCipher:
    def __init__(self, pin_key: str):
        master = base64.urlsafe_b64decode(pin_key + "=" * (-len(pin_key) % 4))
        if len(master) < 16:
            raise ValueError("PIN key is too short (need at least 16 random bytes)")
        self._aead = AESGCM(_derive(master, b"pin-encryption"))
        self._index_key = _derive(master, b"pin-index")

    def encrypt(self, pin: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, pin.encode(), b"pin")

    def decrypt(self, blob: bytes) -> str:
        return self._aead.decrypt(blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], b"pin").decode()

    def index(self, pin: str) -> str:
        return hmac.new(self._index_key, pin.encode(), hashlib.sha256).hexdigest()
