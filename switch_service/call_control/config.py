"""The call control's options, and how they come from the service's settings."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from switch_service.call_control.registrar import RegistrarConfig
from switch_service.config.settings import Settings
from switch_service.errors import UserError
from switch_service.security import sip_digest


@dataclass
class ControllerConfig:
    ivr: str | None = None  # "host:port[/transport]" of the IVR media endpoint; None: no IVR
    default_region: str = "US"
    check_interval_s: float = 1.0  # how often the store is asked whether it changed
    minutes_refresh_s: float = 30.0  # carriers' minutes (caps) from the CDRs
    time_zone: str = "UTC"  # of the carriers' daily/monthly caps
    max_pending_auth: int = 64  # Access-Requests under way at once; beyond: 503 at once (load shedding)
    acct_retry_s: float = 120.0  # how long an unacknowledged Accounting request is sent again
    max_targets: int = 16
    digest_realm: str = sip_digest.REALM  # the realm of the digest trunks' HA1
    registrar: RegistrarConfig = field(default_factory=RegistrarConfig)
    keepalive_interval_s: float = 30.0  # OPTIONS to every carrier gateway; 0: off
    keepalive_failures: int = 3  # pings failed in a row (no answer, 5xx) that take a gateway down
    interim_interval_s: float = 60.0  # Accounting Interim-Update of each answered call; 0: off
    rng: random.Random = field(default_factory=random.Random)
    node: str | None = None  # this switch node's name: on the live rows of its callers in the IVR

    @classmethod
    def from_settings(cls, settings: Settings) -> ControllerConfig:
        """The service's switch options (config/settings.py); a bad combination is a UserError naming it."""
        try:
            registrar = RegistrarConfig(min_expires_s=int(settings["sip_register_min_expires_s"]),
                                        max_expires_s=int(settings["sip_register_max_expires_s"]))
        except ValueError as exc:
            raise UserError(f"sip_register_min_expires_s / sip_register_max_expires_s: {exc}") from None
        if int(settings["sip_keepalive_failures"]) < 1:
            raise UserError("sip_keepalive_failures must be at least 1")
        if int(settings["credit_slice_s"]) < 1:
            raise UserError("credit_slice_s must be at least 1")
        return cls(default_region=str(settings["default_region"]), time_zone=str(settings["time_zone"]),
                   registrar=registrar, keepalive_interval_s=max(0, int(settings["sip_keepalive_interval_s"])),
                   keepalive_failures=int(settings["sip_keepalive_failures"]),
                   interim_interval_s=max(0, int(settings["sip_interim_interval_s"])),
                   node=str(settings["node_name"]) or None)
