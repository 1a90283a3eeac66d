"""`carrier-switch resellers list` from an empty database: one reseller a line, id first, with its money."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from switch_service.store.engine import make_engine
from switch_service.store.models import Reseller
from switch_service.store.models.enums import ResellerKind
from tests.cli.test_cli_accounts import out


def test_resellers_list_one_a_line_id_first(empty_db_url: str) -> None:
    out(empty_db_url, "db", "upgrade")
    engine = make_engine(empty_db_url)
    with Session(engine) as session, session.begin():
        top = Reseller(name="Top reseller", kind=ResellerKind.USAGE_BASED, balance=Decimal("12.5"),
                       credit_limit=Decimal("10"), currency="USD")
        session.add(top)
        session.flush()
        session.add(Reseller(name="Shop", kind=ResellerKind.PINLESS, parent_id=top.id, currency="USD"))
    engine.dispose()
    lines = out(empty_db_url, "resellers", "list", "--header").splitlines()
    assert lines[0].split("\t") == ["id", "parent", "kind", "status", "currency", "balance", "credit_limit",
                                    "available", "name"]
    assert [line.split("\t") for line in lines[1:]] == [
        ["1", "-", "usage_based", "active", "USD", "12.500000", "10.000000", "22.500000", "Top reseller"],
        ["2", "1", "pinless", "active", "USD", "0.000000", "0.000000", "0.000000", "Shop"],
    ]
    assert out(empty_db_url, "resellers", "list", "--parent", "1").splitlines()[0].startswith("2\t1\tpinless")
