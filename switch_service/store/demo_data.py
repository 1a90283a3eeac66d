"""A small, believable calling-card business: carriers, decks, dial plans, resellers, accounts, cards.

Loaded by `carrier-switch demo-data` (and by `make run` on first start). Everything goes in one
transaction, so a failure leaves the database as it was.

The demo's three carriers point at ports of this machine where nothing answers (the switch soon marks them down).
With `test_carrier_port` the demo also has "Test carrier (built-in)", the service's own answering endpoint on
that port (`switch_service.sip.loopback`), the cheapest on every destination and first in the premium plan, so a
test call (the dashboard's "Place test call") is answered and shows on Live calls, in the CDRs and on the graphs.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from switch_service.security.pins import PinCipher
from switch_service.store.models import (
    Account,
    Ani,
    BandSchedule,
    Carrier,
    CommissionRule,
    CompanySetting,
    CustomerTrunk,
    DialPlan,
    DialPlanRoute,
    Did,
    Gateway,
    Package,
    Rate,
    Reseller,
    RouteCarrier,
    SpeedDial,
    Tariff,
    Tax,
    TaxProfile,
)
from switch_service.store.models.enums import (
    AccountKind,
    DidKind,
    ResellerKind,
    Role,
    RouteStrategy,
    TariffKind,
    TrunkAuth,
)
from switch_service.store.repositories.cards import CardBatchSpec, create_card_batch
from switch_service.store.repositories.company import DEFAULT_DIAL_PLAN, DEFAULT_TARIFF, write_defaults
from switch_service.store.repositories.did_fees import sync_did_fee
from switch_service.store.repositories.users import add_user

DEMO_USERS = (("admin", "demo-admin", Role.ADMIN), ("support", "demo-support", Role.SUPPORT))
TEST_CARRIER = "Test carrier (built-in)"
TEST_CARRIER_SHARE = Decimal("0.4")  # of the retail price: cheaper than every demo carrier
EPOCH = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

# prefix, destination, retail price per minute, initial/increment
RETAIL = (
    ("1", "United States / Canada", "0.012000", 60, 6),
    ("44", "United Kingdom", "0.025000", 30, 6),
    ("447", "United Kingdom mobile", "0.060000", 30, 6),
    ("33", "France", "0.028000", 30, 6),
    ("336", "France mobile", "0.085000", 30, 6),
    ("52", "Mexico", "0.045000", 60, 60),
    ("521", "Mexico mobile", "0.090000", 60, 60),
    ("91", "India", "0.019500", 1, 1),
    ("63", "Philippines", "0.110000", 60, 6),
    ("234", "Nigeria", "0.145000", 60, 6),
)
# carrier name -> (buy price per retail prefix, gateway port on 127.0.0.1)
CARRIERS = {
    "Atlantic Voice": (("0.006100", "0.011000", "0.031000", "0.012300", "0.051000",
                        "0.021000", "0.060000", "0.009800", "0.072000", "0.101000"), 5070),
    "Bluewave Telecom": (("0.005800", "0.012500", "0.029500", "0.013100", "0.049000",
                          "0.019500", "0.058000", "0.010500", "0.069000", "0.099000"), 5071),
    "Cobalt Wholesale": (("0.006500", "0.010400", "0.033000", "0.011900", "0.055000",
                          "0.022500", "0.061000", "0.009500", "0.075000", "0.098000"), 5072),
}
CUSTOMERS = (
    ("100001", "Maria Gonzalez", "25.000000", "+13055550101", "+525512345678"),
    ("100002", "Dev Patel", "12.500000", "+12125550102", "+919812345678"),
    ("100003", "Ana Reyes", "3.200000", "+17185550103", "+639171234567"),
    ("100004", "Pierre Martin", "40.000000", "+14165550104", "+33612345678"),
    ("100005", "Chidi Okafor", "0.000000", "+12025550105", "+2348031234567"),
    ("100006", "Emily Clarke", "18.750000", "+16175550106", None),
)


def has_data(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Tariff)))


def load_demo_data(session: Session, cipher: PinCipher, test_carrier_port: int | None = None) -> dict[str, int]:
    session.add_all([
        CompanySetting(key="company_name", value="Sunrise Calling Ltd (demo)"),
        CompanySetting(key="currency", value="USD"),
        CompanySetting(key="time_zone", value="America/New_York"),
    ])
    bands = BandSchedule(name="US business hours", holidays="2026-12-25,2027-01-01")
    session.add(bands)
    session.flush()
    retail = Tariff(name="Retail", kind=TariffKind.SELL, band_schedule_id=bands.id)
    session.add(retail)
    session.flush()
    for prefix, name, price, first, step in RETAIL:
        session.add(Rate(tariff_id=retail.id, prefix=prefix, destination=name, price_per_minute=Decimal(price),
                         initial_block_s=first, increment_s=step, valid_from=EPOCH,
                         offpeak_price=(Decimal(price) * Decimal("0.8")).quantize(Decimal("0.000001"))))
    carriers = _carriers(session)
    if test_carrier_port:
        carriers.insert(0, _test_carrier(session, test_carrier_port))
    standard, premium = _dial_plans(session, carriers)
    resellers = _resellers(session, retail.id, standard.id)
    write_defaults(session, {DEFAULT_TARIFF: retail.id, DEFAULT_DIAL_PLAN: standard.id})  # what a new account gets
    vat = TaxProfile(name="VAT 20% inclusive")
    session.add(vat)
    session.flush()
    session.add(Tax(profile_id=vat.id, name="VAT", percent=Decimal("20"), inclusive=True))
    session.add(Package(name="UK 100 minutes", free_seconds=6000, prefixes="44,447", fee=Decimal("4.99")))
    accounts = _customers(session, retail.id, standard.id, resellers[0].id)
    session.add(Did(number="18005550100", kind=DidKind.ACCESS_NUMBER, dial_plan_id=standard.id,
                    surcharge_per_minute=Decimal("0.010000")))
    session.add(Did(number="13055550199", kind=DidKind.ACCESS_NUMBER, dial_plan_id=standard.id))
    rented = Did(number="442079460000", kind=DidKind.FORWARD, account_id=accounts[0].id,
                 forward_to="13055550101", monthly_fee=Decimal("2.000000"))
    session.add(rented)
    session.flush()
    sync_did_fee(session, rented, dt.datetime.now(dt.UTC))
    trunk = CustomerTrunk(account_id=accounts[3].id, name="Martin PBX", auth=TrunkAuth.IP,
                          source_ip="127.0.0.1", max_channels=10, cps_limit=5)
    session.add(trunk)
    session.flush()
    session.add(Did(number="14165550000", kind=DidKind.TRUNK, account_id=accounts[3].id, trunk_id=trunk.id))
    premium_account = Account(number="200001", name="Northwind Import Co", kind=AccountKind.POSTPAID,
                              credit_limit=Decimal("500"), tariff_id=retail.id, dial_plan_id=premium.id)
    session.add(premium_account)
    cards = create_card_batch(session, cipher, CardBatchSpec(
        name="Holiday 10 USD", count=20, face_value=Decimal("10"), distributor="Corner Shop Cards",
        reseller_id=resellers[2].id, tariff_id=retail.id, dial_plan_id=standard.id,
        expires_at=dt.datetime(2027, 12, 31, tzinfo=dt.UTC))).count
    for username, password, role in DEMO_USERS:
        add_user(session, username, password, role)
    session.flush()
    return {"carriers": len(carriers), "rates": len(RETAIL) * (1 + len(carriers)), "resellers": len(resellers),
            "accounts": len(accounts) + 1 + cards, "cards": cards, "users": len(DEMO_USERS)}


def _carriers(session: Session) -> list[Carrier]:
    carriers = []
    for name, (prices, port) in CARRIERS.items():
        deck = Tariff(name=f"{name} buy", kind=TariffKind.BUY)
        session.add(deck)
        session.flush()
        for (prefix, destination, *_), price in zip(RETAIL, prices, strict=True):
            session.add(Rate(tariff_id=deck.id, prefix=prefix, destination=destination,
                             price_per_minute=Decimal(price), initial_block_s=1, increment_s=1, valid_from=EPOCH))
        carrier = Carrier(name=name, buy_tariff_id=deck.id, max_channels=60, cps_limit=10,
                          daily_minutes_cap=50_000 if name == "Cobalt Wholesale" else None)
        session.add(carrier)
        session.flush()
        session.add(Gateway(carrier_id=carrier.id, host="127.0.0.1", port=port))
        carriers.append(carrier)
    return carriers


def _test_carrier(session: Session, port: int) -> Carrier:
    """The built-in test carrier on 127.0.0.1:`port`, buying every retail destination at TEST_CARRIER_SHARE."""
    deck = Tariff(name=f"{TEST_CARRIER} buy", kind=TariffKind.BUY)
    session.add(deck)
    session.flush()
    for prefix, destination, price, *_ in RETAIL:
        session.add(Rate(tariff_id=deck.id, prefix=prefix, destination=destination, initial_block_s=1, increment_s=1,
                         price_per_minute=(Decimal(price) * TEST_CARRIER_SHARE).quantize(Decimal("0.000001")),
                         valid_from=EPOCH))
    carrier = Carrier(name=TEST_CARRIER, buy_tariff_id=deck.id, max_channels=20, cps_limit=5)
    session.add(carrier)
    session.flush()
    session.add(Gateway(carrier_id=carrier.id, host="127.0.0.1", port=port))
    return carrier


def _dial_plans(session: Session, carriers: list[Carrier]) -> tuple[DialPlan, DialPlan]:
    standard = DialPlan(name="standard", description="Least cost, never at a loss")
    premium = DialPlan(name="premium", description="Best quality carriers first")
    session.add_all([standard, premium])
    session.flush()
    catch_all = DialPlanRoute(dial_plan_id=standard.id, prefix="", strategy=RouteStrategy.LCR)
    blocked = DialPlanRoute(dial_plan_id=standard.id, prefix="1900", blocked=True)
    quality = DialPlanRoute(dial_plan_id=premium.id, prefix="", strategy=RouteStrategy.PRIORITY, allow_loss=True)
    session.add_all([catch_all, blocked, quality])
    session.flush()
    for position, carrier in enumerate(carriers):
        session.add(RouteCarrier(route_id=catch_all.id, carrier_id=carrier.id))
        session.add(RouteCarrier(route_id=quality.id, carrier_id=carrier.id, priority=position))
    return standard, premium


def _resellers(session: Session, tariff_id: int, dial_plan_id: int) -> list[Reseller]:
    top = Reseller(name="Acme Distribution", kind=ResellerKind.PAYMENT_BASED, balance=Decimal("1500"),
                   tariff_id=tariff_id, dial_plan_id=dial_plan_id, email="accounts@acme.example")
    session.add(top)
    session.flush()
    north = Reseller(name="Acme North", parent_id=top.id, kind=ResellerKind.USAGE_BASED, credit_limit=Decimal("300"))
    shop = Reseller(name="Corner Shop Cards", parent_id=top.id, kind=ResellerKind.PINLESS, balance=Decimal("250"))
    # a white-label brand, so its doors (Sell tariff…, Logo…) can be tried on `make run`
    brand = Reseller(name="Bright Talk", parent_id=top.id, kind=ResellerKind.WHITE_LABEL, balance=Decimal("200"),
                     tariff_id=tariff_id, dial_plan_id=dial_plan_id, brand_name="BrightTalk",
                     email="billing@brighttalk.example")
    session.add_all([north, shop, brand])
    session.flush()
    session.add(CommissionRule(reseller_id=top.id, basis="sales_percent", percent=Decimal("8")))
    session.add(CommissionRule(reseller_id=shop.id, basis="sales_percent", percent=Decimal("12")))
    return [top, north, shop, brand]


def _customers(session: Session, tariff_id: int, dial_plan_id: int, reseller_id: int) -> list[Account]:
    accounts = []
    for number, name, balance, ani, destination in CUSTOMERS:
        account = Account(number=number, name=name, balance=Decimal(balance), tariff_id=tariff_id,
                          dial_plan_id=dial_plan_id, reseller_id=reseller_id, time_zone="America/New_York",
                          max_concurrent_calls=2)
        session.add(account)
        session.flush()
        session.add(Ani(account_id=account.id, number=ani.lstrip("+"),
                        destination=destination.lstrip("+") if destination else None))
        if destination:
            session.add(SpeedDial(account_id=account.id, slot=1, number=destination.lstrip("+"), label="Home"))
        accounts.append(account)
    return accounts
