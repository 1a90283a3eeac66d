"""The decision interface behind the RADIUS server.

The server knows nothing of accounts, rates or reservations: it hands each checked request to an
`AaaPolicy` and encodes what comes back. The billing-backed policy (ANI/PIN lookup, rating, reservation,
CDR) implements this; tests use small in-memory ones.
"""

from __future__ import annotations

from typing import Protocol

from switch_service.aaa.messages import AcctRecord, AuthDecision, AuthRequest


class AaaPolicy(Protocol):
    def authorize(self, request: AuthRequest) -> AuthDecision:
        """Decide an Access-Request. Raising answers Access-Reject with ReturnCode.UNAVAILABLE."""
        ...

    def account(self, record: AcctRecord) -> None:
        """Store an Accounting-Request; returning means stored (the NAS gets its Accounting-Response).

        Raising leaves the request unanswered so that the NAS sends it again; the policy must therefore
        be idempotent per (source_address, session_id, status).
        """
        ...
