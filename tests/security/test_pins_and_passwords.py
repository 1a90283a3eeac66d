from __future__ import annotations

import secrets

import pytest
from cryptography.exceptions import InvalidTag

from switch_service.security.passwords import hash_password, verify_password
from switch_service.security.pins import PinCipher


def test_password_hash_is_scrypt_salted_and_verifies() -> None:
    first, second = hash_password("correct horse"), hash_password("correct horse")
    assert first.startswith("scrypt$") and first != second
    assert verify_password("correct horse", first)
    assert not verify_password("correct horsE", first)
    assert not verify_password("x", "not-a-hash")


def test_a_password_is_hashed_at_the_products_cost_and_a_hash_at_another_cost_still_verifies() -> None:
    assert hash_password("correct horse").split("$")[1] == str(2**14)
    older = hash_password("correct horse", cost=2**10)  # as a hash stored before the cost was raised
    assert older.split("$")[1] == "1024"
    assert verify_password("correct horse", older) and not verify_password("correct horsE", older)


def test_pin_round_trip_and_stable_index() -> None:
    cipher = PinCipher(secrets.token_urlsafe(32))
    blob = cipher.encrypt("0123456789")
    assert b"0123456789" not in blob
    assert cipher.decrypt(blob) == "0123456789"
    assert cipher.encrypt("0123456789") != blob  # fresh nonce each time
    assert cipher.index("0123456789") == cipher.index("0123456789") != cipher.index("0123456780")


def test_another_key_can_neither_read_nor_find_a_pin() -> None:
    mine, theirs = PinCipher(secrets.token_urlsafe(32)), PinCipher(secrets.token_urlsafe(32))
    blob = mine.encrypt("4444")
    with pytest.raises(InvalidTag):
        theirs.decrypt(blob)
    assert mine.index("4444") != theirs.index("4444")
