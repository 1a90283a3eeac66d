"""`carrier-switch resellers list|edit|logo` from an empty database: one reseller a line, id first, with its money
and tax profile; a reseller's tax profile set and cleared; a white-label reseller's logo stored, refused with its
reason (nothing stored) and removed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from switch_service.store.engine import make_engine
from switch_service.store.models import Reseller, ResellerLogo, Tax, TaxProfile
from switch_service.store.models.enums import ResellerKind
from tests.cli.test_cli_accounts import out, refused

LOGOS = Path(__file__).parent.parent / "data" / "logos"


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
                                    "available", "tax_profile", "name"]
    assert [line.split("\t") for line in lines[1:]] == [
        ["1", "-", "usage_based", "active", "USD", "12.500000", "10.000000", "22.500000", "-", "Top reseller"],
        ["2", "1", "pinless", "active", "USD", "0.000000", "0.000000", "0.000000", "-", "Shop"],
    ]
    assert out(empty_db_url, "resellers", "list", "--parent", "1").splitlines()[0].startswith("2\t1\tpinless")


def test_a_resellers_tax_profile_and_logo_from_the_command_line(empty_db_url: str, tmp_path: Path) -> None:
    out(empty_db_url, "db", "upgrade")
    engine = make_engine(empty_db_url)
    with Session(engine) as session, session.begin():
        session.add_all([Reseller(name="Plain", kind=ResellerKind.USAGE_BASED),
                         Reseller(name="Brandy", kind=ResellerKind.WHITE_LABEL, brand_name="Brandy Mobile")])
        profile = TaxProfile(name="EU VAT")
        session.add(profile)
        session.flush()
        session.add(Tax(profile_id=profile.id, name="VAT", percent=Decimal(20)))
    try:
        assert out(empty_db_url, "resellers", "edit", "2", "--tax-profile", "EU VAT").strip() == \
            "reseller 2: tax profile 1"
        assert out(empty_db_url, "resellers", "list").splitlines()[1].split("\t")[-2:] == ["1", "Brandy"]
        assert "no tax profile named 'Nope'" in refused(empty_db_url, "resellers", "edit", "2", "--tax-profile",
                                                        "Nope")
        assert "tax profile 9 does not exist" in refused(empty_db_url, "resellers", "edit", "2", "--tax-profile",
                                                         "9")
        out(empty_db_url, "resellers", "edit", "2", "--tax-profile", "none")
        assert out(empty_db_url, "resellers", "list").splitlines()[1].split("\t")[-2:] == ["-", "Brandy"]

        stored = out(empty_db_url, "resellers", "logo", "2", str(LOGOS / "brandy.png"))
        assert "logo stored (image/png, 240 x 80 pixels" in stored
        assert "only PNG and JPEG" in refused(empty_db_url, "resellers", "logo", "2", str(LOGOS / "logo.gif"))
        assert "cannot be decoded" in refused(empty_db_url, "resellers", "logo", "2",
                                              str(LOGOS / "truncated.png"))
        assert "only a white_label reseller" in refused(empty_db_url, "resellers", "logo", "1",
                                                        str(LOGOS / "brandy.png"))
        assert "No such file" in refused(empty_db_url, "resellers", "logo", "2", str(tmp_path / "none.png"))
        with Session(engine) as session:
            assert session.get_one(ResellerLogo, 2).data == (LOGOS / "brandy.png").read_bytes()
            assert session.get(ResellerLogo, 1) is None
        assert "either the logo FILE or --remove" in refused(empty_db_url, "resellers", "logo", "2")
        assert out(empty_db_url, "resellers", "logo", "2", "--remove").strip() == "reseller 2: logo removed"
        assert "has no logo" in refused(empty_db_url, "resellers", "logo", "2", "--remove")
    finally:
        engine.dispose()
