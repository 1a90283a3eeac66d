"""The change signal: every committed write to a table the snapshots hold raises its version, money alone does not,
and a rolled-back write raises nothing (on SQLite, PostgreSQL and MariaDB). `db_engine` empties every table between
tests, the version rows too: the first raise writes a missing row."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from switch_service.store.change_signal import TRACKED, versions_sum
from switch_service.store.engine import make_engine
from switch_service.store.migrate import upgrade
from switch_service.store.models import Account, Ani, DataVersion
from switch_service.store.models.enums import Status


def versions(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return {name: int(version) for name, version in session.execute(select(DataVersion.table_name,
                                                                                DataVersion.version))}


def raised(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {name: after[name] - before.get(name, 0) for name in after if after[name] != before.get(name, 0)}


def test_the_migration_gives_every_tracked_table_its_version_row(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    try:
        upgrade(engine)
        assert versions(engine) == dict.fromkeys(TRACKED, 0)
    finally:
        engine.dispose()


def test_writes_raise_the_versions_of_their_tables_once_per_commit(db_engine: Engine) -> None:
    before = versions(db_engine)
    with Session(db_engine) as session, session.begin():
        account = Account(number="1001", name="Ana")
        session.add(account)
        session.flush()
        session.add_all([Ani(account_id=account.id, number="13055550101"),
                         Ani(account_id=account.id, number="13055550102")])
    after_create = versions(db_engine)
    assert raised(before, after_create) == {"accounts": 1, "anis": 1}

    with Session(db_engine) as session:
        ani = session.scalars(select(Ani).where(Ani.number == "13055550101")).one()
        ani.destination = "525512345678"  # an edit in place: no count, id or timestamp changes
        session.commit()
    after_edit = versions(db_engine)
    assert raised(after_create, after_edit) == {"anis": 1}

    with Session(db_engine) as session, session.begin():
        session.execute(update(Account).where(Account.number == "1001").values(status=Status.SUSPENDED))
    assert raised(after_edit, versions(db_engine)) == {"accounts": 1}


def test_money_alone_and_rolled_back_writes_raise_nothing(db_engine: Engine) -> None:
    with Session(db_engine) as session, session.begin():
        session.add(Account(number="1002", name="Ben"))
    before = versions(db_engine)
    with Session(db_engine) as session, session.begin():  # a payment: one atomic UPDATE of the balance
        session.execute(update(Account).where(Account.number == "1002")
                        .values(balance=Account.balance + Decimal("5"), updated_at=Account.updated_at))
    with Session(db_engine) as session, session.begin():
        account = session.scalars(select(Account).where(Account.number == "1002")).one()
        account.reserved = Decimal("1.5")
    with Session(db_engine) as session:
        account = session.scalars(select(Account).where(Account.number == "1002")).one()
        account.name = "Benjamin"
        session.flush()
        session.rollback()
    with Session(db_engine) as session, session.begin():
        account = session.scalars(select(Account).where(Account.number == "1002")).one()
        with session.begin_nested():  # a savepoint's write counts when the outer transaction commits
            account.tariff_id = None
            account.name = "Ben B."
    assert raised(before, versions(db_engine)) == {"accounts": 1}


def test_versions_sum_moves_with_each_commit(db_engine: Engine) -> None:
    query = select(versions_sum({"anis", "dids"}))
    with Session(db_engine) as session:
        start = session.scalar(query)
        account = Account(number="1003", name="Cy")
        session.add(account)
        session.commit()
        session.add(Ani(account_id=account.id, number="13055550109"))
        session.commit()
        assert session.scalar(query) == start + 1
