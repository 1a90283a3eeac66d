"""The whole domain as SQLAlchemy 2 typed models; importing this package registers every table."""

from switch_service.store.models.accounts import Account, AccountNote, Ani, SpeedDial
from switch_service.store.models.calls import Cdr, LiveCall, Reservation
from switch_service.store.models.cards import Card, CardBatch, Voucher
from switch_service.store.models.carriers import Carrier, DialPlan, DialPlanRoute, Gateway, RouteCarrier
from switch_service.store.models.changes import DataVersion
from switch_service.store.models.cluster import ClusterDuty, ClusterNode
from switch_service.store.models.dids import CustomerTrunk, Did
from switch_service.store.models.documents import IssuedDocument
from switch_service.store.models.money import Payment, RecurringFee
from switch_service.store.models.notifications import Notification
from switch_service.store.models.radius import NasClient, PinFailure
from switch_service.store.models.rates import (
    AccountPackage,
    BandSchedule,
    Package,
    PackageClaim,
    Rate,
    Tariff,
    Tax,
    TaxProfile,
)
from switch_service.store.models.resellers import (
    CdrResellerLine,
    CommissionRule,
    PaymentResellerLine,
    Reseller,
    ResellerLogo,
)
from switch_service.store.models.users import ApiSession, AuditEntry, CompanySetting, IdempotentRequest, User

__all__ = [
    "Account", "AccountNote", "AccountPackage", "Ani", "ApiSession", "AuditEntry", "BandSchedule", "Card",
    "CardBatch", "Carrier", "Cdr", "CdrResellerLine", "ClusterDuty", "ClusterNode", "CommissionRule", "CompanySetting",
    "CustomerTrunk", "DataVersion", "DialPlan", "DialPlanRoute", "Did", "Gateway", "IdempotentRequest",
    "IssuedDocument", "LiveCall", "NasClient", "Notification", "Package", "PackageClaim", "Payment",
    "PaymentResellerLine", "PinFailure", "Rate", "RecurringFee", "Reseller", "ResellerLogo", "Reservation",
    "RouteCarrier", "SpeedDial", "Tariff", "Tax", "TaxProfile", "User",
    "Voucher",
]
