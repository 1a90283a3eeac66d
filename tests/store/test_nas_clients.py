"""NAS clients in the store, on every backend: the rules (no overlap, the switch's address kept free, secret length),
found by name or address, and read back by the RADIUS server's loader with the secret decrypted."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from switch_service.aaa.nas_clients import stored_nas_loader
from switch_service.aaa.server import NasEntry
from switch_service.security.pins import PinCipher
from switch_service.store.repositories.nas_clients import (
    NasFieldError,
    NasValues,
    add_nas_client,
    enabled_count,
    find_nas_client,
    update_nas_client,
)

CIPHER = PinCipher("k" * 43)
SWITCH = "127.0.0.1"
SECRET = "gateway-secret-0123456"


def test_nas_clients_follow_the_rules_and_reach_the_radius_loader(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        office = add_nas_client(session, NasValues(" Office ", "198.51.100.0/28", SECRET), CIPHER, SWITCH)
        add_nas_client(session, NasValues("Old PBX", "192.0.2.7", "old-pbx-secret-000000", False, False), CIPHER,
                       SWITCH)
        assert (office.name, office.address) == ("Office", "198.51.100.0/28")
        for values, field in ((NasValues("Inside", "198.51.100.9", SECRET), "address"),
                              (NasValues("Switch", "127.0.0.0/31", SECRET), "address"),
                              (NasValues("Office", "203.0.113.1", SECRET), "name"),
                              (NasValues("Short", "203.0.113.1", "x" * 15), "secret")):
            with pytest.raises(NasFieldError) as refused:
                add_nas_client(session, values, CIPHER, SWITCH)
            assert refused.value.field == field
        assert enabled_count(session) == 1

    with Session(db_engine) as session, session.begin():
        found = find_nas_client(session, "198.51.100.0/28")
        assert found is not None and found is find_nas_client(session, "Office")
        assert find_nas_client(session, "nobody") is None and find_nas_client(session, "203.0.113.1") is None
        changed = update_nas_client(session, found, NasValues("Office", "198.51.100.0/27", "a-new-secret-0123456"),
                                    CIPHER, SWITCH)
        assert changed == ["address", "secret"]

    assert stored_nas_loader(db_engine, CIPHER)() == {
        "198.51.100.0/27": NasEntry(b"a-new-secret-0123456", True, "Office")}  # the disabled one is not served
