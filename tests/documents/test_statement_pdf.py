"""The PDF layer alone (figures in, bytes out): the same figures give the same bytes, and a reseller statement shows
its commissions by type only when it was given some (the per-CDR reseller lines feed them)."""

from __future__ import annotations

import datetime as dt
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from switch_service.documents.statement_figures import (
    RESELLER_STATEMENT,
    CommissionLine,
    KindTotal,
    StatementFigures,
    UsageLine,
    month_in,
)
from switch_service.documents.statement_pdf import render_statement

ISSUED = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _reseller(commissions: tuple[CommissionLine, ...]) -> StatementFigures:
    return StatementFigures(
        kind=RESELLER_STATEMENT, subject_id=3, subject_number="3", subject_name="Northern Calls",
        issuer_name="Example Telecom Ltd", issuer_address="1 Exchange Street", currency="EUR",
        month=month_in("2026-11", "Europe/Paris"), provisional=False, opening=Decimal("100"), payments=(), fees=(),
        usage=(UsageLine("France Mobile", 4, 630, Decimal("2.625")),), taxes=(), net_usage=Decimal("2.63"),
        recharges=(KindTotal("topup", 2, Decimal("30")),), commissions=commissions)


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.peers  # pdftotext (poppler-utils, installer/test_peers.sh)
def test_commissions_are_shown_by_type_only_when_given(tmp_path: Path) -> None:
    lines = (CommissionLine("calls", 4, Decimal("0.2625")), CommissionLine("payments", 2, Decimal("0.105")))
    text = _text(render_statement(_reseller(lines), "RS-2026-000001", ISSUED), tmp_path)
    assert "Commissions earned" in text
    assert "On customers' calls" in text and "On customers' payments and recharges" in text
    assert "Total commissions earned" in text and "0.37" in text.split("Total commissions earned")[1].split()
    assert "France Mobile" in text and "10.50" in text  # 630 billed seconds
    plain = _text(render_statement(_reseller(()), "RS-2026-000001", ISSUED), tmp_path)
    assert "Commissions" not in plain


def test_the_same_figures_give_the_same_bytes() -> None:
    figures = _reseller(())
    assert render_statement(figures, "RS-2026-000001", ISSUED) == render_statement(figures, "RS-2026-000001", ISSUED)
