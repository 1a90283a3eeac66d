"""A statement's figures as a PDF (reportlab platypus): pure, no database.

Rendered with reportlab's `invariant` mode, so the same figures, number and issue date give the same bytes (no
creation time or random document id inside). Money is printed in the currency's smallest unit, times in the
statement's time zone.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from switch_service.billing.money import currency_places
from switch_service.billing.periods import zone_named
from switch_service.documents.statement_figures import (
    INVOICE,
    RESELLER_STATEMENT,
    MoneyLine,
    StatementFigures,
)

TITLES = {INVOICE: "Invoice", "statement": "Statement", RESELLER_STATEMENT: "Reseller statement"}
_KIND_NAMES = {"topup": "Top-up", "payment": "Payment", "refund": "Refund", "adjustment": "Adjustment",
               "voucher": "Voucher", "fee": "Fee"}
_BASIS_NAMES = {"calls": "On customers' calls", "payments": "On customers' payments and recharges"}
_GRID = TableStyle([
    ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
    ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 9),
    ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.grey),
    ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
])
_LOGO_W, _LOGO_H = 40 * mm, 20 * mm
_TOTAL = [("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 9), ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.grey)]


def _money(figures: StatementFigures, amount: Decimal) -> str:
    return f"{figures.cash(amount):.{currency_places(figures.currency)}f}"


def _table(rows: Sequence[Sequence[str]], widths: Sequence[float], *, total: bool = False) -> Table:
    table = Table([list(row) for row in rows], colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    table.setStyle(_GRID)
    if total:
        table.setStyle(TableStyle(_TOTAL))
    return table


def _local(figures: StatementFigures, at: dt.datetime) -> str:
    return at.astimezone(zone_named(figures.month.zone)).strftime("%Y-%m-%d %H:%M")


def _money_rows(figures: StatementFigures, lines: Sequence[MoneyLine], label: str) -> list[list[str]]:
    rows = [["Date", "Receipt", "Kind", f"Amount ({figures.currency})"]]
    rows += [[_local(figures, line.at), line.receipt, _KIND_NAMES.get(line.kind, line.kind),
              _money(figures, line.amount)] for line in lines]
    rows.append([f"Total {label}", "", "", _money(figures, sum((line.amount for line in lines), Decimal(0)))])
    return rows


def _logo(data: bytes) -> Image:
    """A logo fitted into 40 x 20 mm, its proportions kept (checked as PNG or JPEG when it was stored)."""
    image = Image(io.BytesIO(data), width=_LOGO_W, height=_LOGO_H, kind="bound")
    image.hAlign = "LEFT"
    return image


def _detail_sections(figures: StatementFigures, heading: ParagraphStyle) -> list[Flowable]:
    """Recharges (a reseller's), usage, taxes and commissions (a reseller's, only when it earned any)."""
    story: list[Flowable] = []
    if figures.recharges:
        rows = [["Kind", "Count", f"Amount ({figures.currency})"]]
        rows += [[_KIND_NAMES.get(line.kind, line.kind), str(line.count), _money(figures, line.amount)]
                 for line in figures.recharges]
        rows.append(["Total recharges and activations", str(sum(line.count for line in figures.recharges)),
                     _money(figures, sum((line.amount for line in figures.recharges), Decimal(0)))])
        story += [Paragraph("Customers' recharges and activations", heading),
                  _table(rows, [80 * mm, 40 * mm, 40 * mm], total=True)]
    usage_title = "Customers' usage by destination group" if figures.kind == RESELLER_STATEMENT else \
        "Usage by destination group"
    rows = [["Destination group", "Calls", "Minutes", f"Amount ({figures.currency})"]]
    rows += [[line.group, str(line.calls), f"{line.minutes:.2f}", _money(figures, line.amount)]
             for line in figures.usage]
    billed_s = sum(line.billed_s for line in figures.usage)
    rows.append(["Total usage", str(sum(line.calls for line in figures.usage)),
                 f"{(Decimal(billed_s) / 60).quantize(Decimal('0.01')):.2f}", _money(figures, figures.usage_total)])
    story += [Paragraph(usage_title, heading), _table(rows, [80 * mm, 20 * mm, 25 * mm, 35 * mm], total=True)]
    if figures.taxes:
        rows = [["Taxes in the usage", f"Amount ({figures.currency})"], ["Net", _money(figures, figures.net_usage)]]
        rows += [[f"{line.name} {line.percent.normalize():f}% ({'included' if line.inclusive else 'added'})",
                  _money(figures, line.amount)] for line in figures.taxes]
        rows.append(["Usage with taxes", _money(figures, figures.usage_total)])
        story += [Paragraph("Taxes", heading), _table(rows, [120 * mm, 40 * mm], total=True)]
    if figures.commissions:
        rows = [["Commission type", "Lines", f"Amount ({figures.currency})"]]
        rows += [[_BASIS_NAMES.get(line.basis, line.basis), str(line.count), _money(figures, line.amount)]
                 for line in figures.commissions]
        rows.append(["Total commissions earned", str(sum(line.count for line in figures.commissions)),
                     _money(figures, sum((line.amount for line in figures.commissions), Decimal(0)))])
        story += [Paragraph("Commissions earned", heading), _table(rows, [80 * mm, 40 * mm, 40 * mm], total=True)]
    return story


def render_statement(figures: StatementFigures, number: str | None, issued_at: dt.datetime) -> bytes:
    """The PDF of `figures`; `number` None: a provisional statement, not numbered."""
    styles = getSampleStyleSheet()
    small = ParagraphStyle("small", parent=styles["Normal"], fontSize=8, leading=10, textColor=colors.grey)
    heading = ParagraphStyle("heading", parent=styles["Heading3"], spaceBefore=8, spaceAfter=4)
    title = TITLES[figures.kind]
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=f"{title} {number or figures.month.period}",
                            author=figures.issuer_name, creator="Carrierdesk", invariant=True)
    story: list[Flowable] = []
    issuer = [f"<b>{escape(figures.issuer_name or 'Carrierdesk')}</b>"]
    issuer += [escape(line) for line in figures.issuer_address.splitlines() if line.strip()]
    facts = [f"<b>{title}</b>", f"Number: {escape(number) if number else 'none (provisional)'}",
             f"Period: {figures.month.period}", f"Time zone: {escape(figures.month.zone)}",
             f"Issued: {_local(figures, issued_at)[:10]}"]
    issuer_cell: list[Flowable] = [Paragraph("<br/>".join(issuer), styles["Normal"])]
    if figures.issuer_logo:
        issuer_cell[:0] = [_logo(figures.issuer_logo), Spacer(1, 2 * mm)]
    header = Table([[issuer_cell, Paragraph("<br/>".join(facts), styles["Normal"])]], colWidths=[95 * mm, 79 * mm])
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [header, Spacer(1, 6 * mm)]
    who = "Reseller" if figures.kind == RESELLER_STATEMENT else "Account"
    subject = Paragraph(f"{who}: <b>{escape(figures.subject_number)}</b> {escape(figures.subject_name)}",
                        styles["Normal"])
    if figures.subject_logo:  # a white-label reseller's own logo beside its name
        logo = _logo(figures.subject_logo)
        beside = Table([[logo, subject]], colWidths=[logo.drawWidth + 4 * mm, None], hAlign="LEFT")
        beside.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
        story.append(beside)
    else:
        story.append(subject)
    if figures.provisional:
        story.append(Paragraph("<b>PROVISIONAL</b>: the period has not ended; figures may still change.",
                               styles["Normal"]))
    story.append(Spacer(1, 4 * mm))
    summary = [["Summary", f"Amount ({figures.currency})"], ["Opening balance", _money(figures, figures.opening)],
               ["Payments", _money(figures, figures.payments_total)]]
    if figures.kind != RESELLER_STATEMENT:
        summary += [["Fees", _money(figures, figures.fees_total)],
                    ["Usage", _money(figures, -figures.usage_total)]]
    summary.append(["Closing balance", _money(figures, figures.closing)])
    if figures.kind == INVOICE:  # a postpaid account owes what it is below zero
        summary.append(["Amount due", _money(figures, max(-figures.closing, Decimal(0)))])
    story.append(_table(summary, [120 * mm, 40 * mm], total=True))
    if figures.payments:
        story += [Paragraph("Payments", heading),
                  _table(_money_rows(figures, figures.payments, "payments"), [38 * mm, 42 * mm, 40 * mm, 40 * mm],
                         total=True)]
    if figures.fees:
        story += [Paragraph("Fees", heading),
                  _table(_money_rows(figures, figures.fees, "fees"), [38 * mm, 42 * mm, 40 * mm, 40 * mm],
                         total=True)]
    story += _detail_sections(figures, heading)
    story += [Spacer(1, 6 * mm),
              Paragraph(f"Amounts in {escape(figures.currency)}; times in {escape(figures.month.zone)}. Calls count "
                        "in the month they started.", small)]
    doc.build(story)
    return out.getvalue()
