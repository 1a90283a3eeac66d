"""The CSV layouts we read: which source column feeds which `rates` column.

Column names are compared lower-cased and stripped. A column a layout does not know is refused (never dropped
silently, ASTPP #272). Some columns of the foreign layouts have no equivalent here:
- `ignored`: buy-side or routing columns (buy rates, ASTPP precedence/strip/prepend, grace added to the
  call timeout); they do not change what the customer pays, so any value is accepted and not stored.
- `unsupported`: pricing rules with no equivalent in our rating (A2Billing progressive charges a/b/c, ASTPP
  included seconds); accepted when empty or zero, otherwise the row is refused rather than rated wrongly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

NATIVE_COLUMNS: tuple[str, ...] = (
    "prefix", "destination", "price_per_minute", "initial_block_s", "increment_s", "connect_fee",
    "disconnect_fee", "disconnect_threshold_s", "disconnect_fee_percent", "disconnect_fee_rule", "min_duration_s",
    "min_cost", "grace_s", "shrink_percent", "step1_after_s", "step1_price", "step2_after_s", "step2_price",
    "step3_after_s", "step3_price", "offpeak_price", "weekend_price", "holiday_price", "valid_from", "valid_until",
)


@dataclass(frozen=True)
class DeckFormat:
    name: str
    columns: dict[str, str]  # source column -> native column
    required: tuple[str, ...]  # source columns that must be in the header
    ignored: frozenset[str] = field(default_factory=frozenset)
    unsupported: frozenset[str] = field(default_factory=frozenset)
    pattern_prefix: bool = False  # ASTPP writes prefixes as regular expressions: ^44.*
    fixed: dict[str, str] = field(default_factory=dict)  # native column -> the layout's rule, on every row

    def known(self, column: str) -> bool:
        return column in self.columns or column in self.ignored or column in self.unsupported


NATIVE = DeckFormat("native", {name: name for name in NATIVE_COLUMNS}, ("prefix", "price_per_minute"))

# A2Billing cc_ratecard export / "Import ratecard" fields.
A2BILLING = DeckFormat(
    "a2billing",
    {
        "dialprefix": "prefix", "destination": "destination", "rateinitial": "price_per_minute",
        "initblock": "initial_block_s", "billingblock": "increment_s", "connectcharge": "connect_fee",
        "disconnectcharge": "disconnect_fee", "disconnectcharge_after": "disconnect_threshold_s",
        "minimal_cost": "min_cost", "startdate": "valid_from", "stopdate": "valid_until",
    },
    ("dialprefix", "rateinitial"),
    ignored=frozenset({"buyrate", "buyrateinitblock", "buyrateincrement", "id_trunk", "tag", "musiconhold",
                       "id_outbound_cidgroup", "additional_grace", "announce_time_correction", "is_merged",
                       "idtariffplan", "id"}),
    unsupported=frozenset({"stepchargea", "chargea", "timechargea", "billingblocka", "stepchargeb", "chargeb",
                           "timechargeb", "billingblockb", "stepchargec", "chargec", "timechargec",
                           "billingblockc", "rounding_calltime", "rounding_threshold",
                           "additional_block_charge", "additional_block_charge_time"}),
    # A2Billing charges `disconnectcharge` unless the call is shorter than `disconnectcharge_after`
    fixed={"disconnect_fee_rule": "from_threshold"},
)

# ASTPP origination/termination rates CSV import.
ASTPP = DeckFormat(
    "astpp",
    {
        "pattern": "prefix", "comment": "destination", "connectcost": "connect_fee", "cost": "price_per_minute",
        "init_inc": "initial_block_s", "inc": "increment_s",
    },
    ("pattern", "cost"),
    ignored=frozenset({"precedence", "strip", "prepend", "trunk_id", "status", "reseller_id", "pricelist_id"}),
    unsupported=frozenset({"includedseconds"}),
    pattern_prefix=True,
)

# MagnusBilling "Rates > Import CSV" columns.
MAGNUS = DeckFormat(
    "magnus",
    {
        "prefix": "prefix", "destination": "destination", "rateinitial": "price_per_minute",
        "initblock": "initial_block_s", "billingblock": "increment_s", "connectcharge": "connect_fee",
        "disconnectcharge": "disconnect_fee", "minimal_time_charge": "min_duration_s",
    },
    ("prefix", "rateinitial"),
    ignored=frozenset({"buyrate", "buyrateinitblock", "buyrateincrement", "additional_grace", "package_offer",
                       "status", "id_plan", "id_trunk"}),
)

FORMATS: dict[str, DeckFormat] = {f.name: f for f in (NATIVE, A2BILLING, ASTPP, MAGNUS)}


def detect_format(header: Sequence[str]) -> DeckFormat | None:
    """The layout a header row belongs to, from its distinctive columns; None when it fits none."""
    names = set(header)
    if "price_per_minute" in names:
        return NATIVE
    if "dialprefix" in names:
        return A2BILLING
    if "pattern" in names:
        return ASTPP
    if "prefix" in names and "rateinitial" in names:
        return MAGNUS
    return None
