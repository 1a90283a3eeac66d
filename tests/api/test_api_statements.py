"""Statements and invoices through the API: every figure read back from the PDF (pdftotext) equals what the CDRs
(calls through the service's RADIUS process) and the payments (through the API) say; an ended month is issued once,
numbered without gaps, and returned byte for byte; a month not begun and another reseller's subtree are refused."""

from __future__ import annotations

import base64
import datetime as dt
import os
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from api_harness import Api, Header

from switch_service.aaa.client import RadiusClient
from switch_service.aaa.messages import AcctRecord, AcctStatus, AuthRequest
from switch_service.aaa.processes import PolicyOptions, RadiusProcesses
from switch_service.aaa.server import NasRegistry
from switch_service.config import settings as settings_module
from switch_service.documents.monthly_run import issue_last_month
from switch_service.store.target import DatabaseTarget

pytestmark = pytest.mark.peers  # the service's own RADIUS process

SECRET = b"statements"
PIN_KEY = base64.urlsafe_b64encode(b"0123456789abcdef0123456789abcdef").decode()
ZONE = "America/New_York"
CENT = Decimal("0.01")
SCREENSHOTS = os.environ.get("CARRIERDESK_DOCUMENT_SCREENSHOTS")  # a folder: write a page image of each kind


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _month(at: dt.datetime) -> str:
    return at.astimezone(ZoneInfo(ZONE)).strftime("%Y-%m")


def _previous_month_end_local() -> dt.datetime:
    """23:30 on the last day of the previous month in ZONE (the next UTC day: it must still count as that month)."""
    local = _now().astimezone(ZoneInfo(ZONE))
    first = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return (first - dt.timedelta(minutes=30)).astimezone(dt.UTC)


@contextmanager
def _radius(api: Api) -> Iterator[RadiusProcesses]:
    """The service's RADIUS process, started once the accounts, rates and caller numbers exist (its snapshot of
    who is who is read at start)."""
    registry = NasRegistry()
    registry.add("127.0.0.1", SECRET, name="switch")
    server = RadiusProcesses(PolicyOptions(DatabaseTarget.of(api.engine), pin_key=PIN_KEY),
                             registry, auth_port=0, acct_port=0, processes=1)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _ok(response: Any, code: int = 200) -> Any:
    assert response.status_code == code, response.text
    return response.json() if response.headers.get("content-type", "").startswith("application/json") else response


def _customer(api: Api, admin: dict[str, Any], number: str, *, kind: str = "prepaid",
              reseller_id: int | None = None, ani: str) -> int:
    """An account with the shared tariff and tax profile and a caller number, all through the API."""
    tariff = api.client.get("/api/v1/tariffs", headers=admin, params={"q": "Statement sell"}).json()["items"]
    if not tariff:
        tariff_id = _ok(api.client.post("/api/v1/tariffs", headers=admin, json={"name": "Statement sell"}), 201)["id"]
        since = "2026-01-01T00:00:00+00:00"
        for prefix, name, price in (("44", "United Kingdom", "0.10"), ("447", "United Kingdom Mobile", "0.25")):
            _ok(api.client.post(f"/api/v1/tariffs/{tariff_id}/rates", headers=admin, json={
                "prefix": prefix, "destination": name, "price_per_minute": price, "valid_from": since}), 201)
        profile = _ok(api.client.post("/api/v1/tax-profiles", headers=admin, json={
            "name": "UK", "taxes": [{"name": "VAT", "percent": "20", "inclusive": False},
                                    {"name": "Levy", "percent": "2.5", "inclusive": True}]}), 201)
    else:
        tariff_id = tariff[0]["id"]
        profile = api.client.get("/api/v1/tax-profiles", headers=admin).json()["items"][0]
    body = {"number": number, "name": f"Customer {number}", "kind": kind, "tariff_id": tariff_id,
            "tax_profile_id": profile["id"], "time_zone": ZONE, "reseller_id": reseller_id}
    if kind == "postpaid":
        body["credit_limit"] = "100"
    account_id = int(_ok(api.client.post("/api/v1/accounts", headers=admin, json=body), 201)["id"])
    _ok(api.client.post(f"/api/v1/accounts/{account_id}/anis", headers=admin, json={"number": ani}), 201)
    return account_id


def _call(radius: RadiusProcesses, ani: str, dest: str, answered: dt.datetime, seconds: int, *, tag: str) -> None:
    client = RadiusClient("127.0.0.1", SECRET, auth_port=radius.auth_address[1], acct_port=radius.acct_address[1],
                          timeout=5.0, retries=1)
    decision = client.authorize(AuthRequest(ani, calling_station_id=ani, called_station_id=dest, conf_id=tag,
                                            call_id=f"{tag}@sw"))
    assert decision.accepted, decision
    client.account(AcctRecord(
        AcctStatus.STOP, tag, user_name=ani, calling_station_id=ani, called_station_id=dest, conf_id=tag,
        call_id=f"{tag}@sw", session_time=seconds, setup_time=answered - dt.timedelta(seconds=5),
        connect_time=answered, disconnect_time=answered + dt.timedelta(seconds=seconds), disconnect_cause=16))


def _text(pdf: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    if SCREENSHOTS:
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path),
                        str(Path(SCREENSHOTS) / name)], check=True)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _row(text: str, label: str) -> list[str]:
    """The words of the line starting with `label` (after it)."""
    for line in text.splitlines():
        if line.strip().startswith(label):
            return line.strip()[len(label):].split()
    raise AssertionError(f"no line {label!r} in:\n{text}")


def _cash(amount: Decimal) -> str:
    return str(amount.quantize(CENT))


def _cdrs(api: Api, admin: dict[str, Any], account_id: int) -> list[dict[str, Any]]:
    return list(_ok(api.client.get("/api/v1/cdrs", headers=admin,
                                   params={"account_id": account_id, "limit": 500}))["items"])


def _payments(api: Api, admin: dict[str, Any], account_id: int) -> list[dict[str, Any]]:
    return list(_ok(api.client.get(f"/api/v1/accounts/{account_id}/payments", headers=admin))["items"])


def _signed(payment: dict[str, Any]) -> Decimal:
    amount = Decimal(payment["amount"])
    return -amount if payment["kind"] in ("refund", "fee") else amount


def _usage_by_group(cdrs: list[dict[str, Any]], month: str) -> dict[str, tuple[int, int, Decimal]]:
    groups: dict[str, list[Any]] = defaultdict(lambda: [0, 0, Decimal(0)])
    for cdr in cdrs:
        started = dt.datetime.fromisoformat(cdr["started_at"])
        if _month(started) == month and (cdr["billed_s"] or Decimal(cdr["price"])):
            group = groups[cdr["destination_name"]]
            group[0] += 1
            group[1] += cdr["billed_s"]
            group[2] += Decimal(cdr["price"])
    return {name: (calls, billed, amount) for name, (calls, billed, amount) in groups.items()}


def _check_usage(text: str, usage: dict[str, tuple[int, int, Decimal]]) -> Decimal:
    total = Decimal(0)
    for name, (calls, billed, amount) in usage.items():
        assert _row(text, name) == [str(calls), str((Decimal(billed) / 60).quantize(CENT)), _cash(amount)]
        total += amount
    assert _row(text, "Total usage")[0] == str(sum(calls for calls, _b, _a in usage.values()))
    assert _row(text, "Total usage")[2] == _cash(total)
    return total


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (installer/test_peers.sh)")
def test_statements_read_back_equal_the_cdrs_and_payments(api: Api, auth_header: Header, resellers: dict[str, int],
                                                          tmp_path: Path) -> None:
    admin = auth_header(api.login("admin"))
    _ok(api.client.patch("/api/v1/company", headers=admin, json={"name": "Example Telecom Ltd",
                                                                  "address": "1 Exchange Street\nLondon EC1"}))
    alice = _customer(api, admin, "5001", ani="15551000001")
    bob = _customer(api, admin, "5002", kind="postpaid", ani="15551000002", reseller_id=resellers["north_east"])
    for kind, amount in (("topup", "50.00"), ("payment", "20.00")):
        _ok(api.client.post(f"/api/v1/accounts/{alice}/payments", headers=admin,
                            json={"kind": kind, "amount": amount}), 201)
    _ok(api.client.post(f"/api/v1/accounts/{alice}/payments", headers=admin,
                        json={"kind": "refund", "amount": "5.00"}), 201)
    package = _ok(api.client.post("/api/v1/packages", headers=admin, json={
        "name": "Tiny", "free_seconds": 0, "prefixes": ["1"], "fee": "3.50"}), 201)
    _ok(api.client.post(f"/api/v1/accounts/{alice}/packages", headers=admin, json={"package_id": package["id"]}), 201)
    _ok(api.client.post(f"/api/v1/resellers/{resellers['north']}/commission-rules", headers=admin,
                        json={"basis": "sales_percent", "percent": "10"}), 201)  # on its subtree's calls
    late = _previous_month_end_local()  # previous month in New York, already the 1st in UTC
    early = late - dt.timedelta(days=3)
    this_month = _now() - dt.timedelta(minutes=20)
    calls = [(alice, "15551000001", "442071234567", early, 125), (alice, "15551000001", "447700900123", late, 61),
             (alice, "15551000001", "442071234568", this_month, 30), (bob, "15551000002", "447700900999", early, 600)]
    with _radius(api) as radius:
        for number, (_account, ani, dest, at, seconds) in enumerate(calls):
            _call(radius, ani, dest, at, seconds, tag=f"st-{number}")
    previous = _month(late)
    listed, opening, used_before = _previous_month(api, admin, alice, previous, tmp_path)
    _current_month(api, admin, alice, listed, opening - used_before, tmp_path=tmp_path)
    _invoice_and_reseller(api, auth_header, (alice, bob), resellers, previous=previous, tmp_path=tmp_path)


def _previous_month(api: Api, admin: dict[str, Any], alice: int, previous: str,
                    tmp_path: Path) -> tuple[list[Any], Decimal, Decimal]:
    """An ended period: issued once with a number; (the listed documents, opening balance, usage)."""
    first = _ok(api.client.get(f"/api/v1/accounts/{alice}/statements/{previous}.pdf", headers=admin))
    assert first.headers["content-type"] == "application/pdf"
    number = first.headers["x-document-number"]
    assert number.startswith("ST-") and number.endswith("-000001")
    text = _text(first.content, tmp_path, "statement")
    assert "Example Telecom Ltd" in text and "1 Exchange Street" in text and f"Number: {number}" in text
    cdrs, payments = _cdrs(api, admin, alice), _payments(api, admin, alice)
    balance = Decimal(_ok(api.client.get(f"/api/v1/accounts/{alice}", headers=admin))["balance"])
    usage = _usage_by_group(cdrs, previous)
    assert set(usage) == {"United Kingdom", "United Kingdom Mobile"}  # the late call is in the previous month
    used_before = _check_usage(text, usage)
    after_start = sum((_signed(p) for p in payments), Decimal(0)) - sum(
        (Decimal(c["price"]) for c in cdrs if _month(dt.datetime.fromisoformat(c["started_at"])) >= previous),
        Decimal(0))
    opening = balance - after_start
    assert _row(text, "Opening balance") == [_cash(opening)]
    assert _row(text, "Payments") == ["0.00"] and _row(text, "Fees") == ["0.00"]
    assert _row(text, "Usage") == [_cash(-used_before)]
    assert _row(text, "Closing balance") == [_cash(opening - used_before)]
    net = (used_before / Decimal("1.225")).quantize(CENT)  # VAT 20 % added and a 2.5 % levy inside: 22.5 % in all
    vat = (net * Decimal("0.20")).quantize(CENT)
    levy = _cash(used_before - net - vat)
    assert _row(text, "Net") == [_cash(net)]
    assert _row(text, "VAT 20% (added)") == [_cash(vat)] and _row(text, "Levy 2.5% (included)") == [levy]

    # asked again: the kept file, byte for byte, and listed on the account
    again = _ok(api.client.get(f"/api/v1/accounts/{alice}/statements/{previous}.pdf", headers=admin))
    assert again.content == first.content and again.headers["x-document-number"] == number
    listed = _ok(api.client.get(f"/api/v1/accounts/{alice}/statements", headers=admin))["items"]
    assert [(d["number"], d["kind"], d["period"]) for d in listed] == [(number, "statement", previous)]
    return listed, opening, used_before


def _current_month(api: Api, admin: dict[str, Any], alice: int, listed: list[Any], opening: Decimal, *,
                   tmp_path: Path) -> None:
    """Provisional, with this month's payments, fee and call; the closing balance is today's."""
    current = _month(_now())
    cdrs, payments = _cdrs(api, admin, alice), _payments(api, admin, alice)
    balance = Decimal(_ok(api.client.get(f"/api/v1/accounts/{alice}", headers=admin))["balance"])
    response = _ok(api.client.get(f"/api/v1/accounts/{alice}/statements/{current}.pdf", headers=admin))
    assert response.headers["x-document-number"] == "provisional"
    text = _text(response.content, tmp_path, "provisional")
    assert "PROVISIONAL" in text
    assert _row(text, "Opening balance") == [_cash(opening)]
    for payment in payments:
        assert payment["receipt_number"] in text
    paid = sum((_signed(p) for p in payments if p["kind"] != "fee"), Decimal(0))
    fees = sum((_signed(p) for p in payments if p["kind"] == "fee"), Decimal(0))
    assert _row(text, "Payments") == [_cash(paid)] and _row(text, "Fees") == [_cash(fees)] == ["-3.50"]
    used_now = _check_usage(text, _usage_by_group(cdrs, current))
    assert _row(text, "Closing balance") == [_cash(balance)] == [_cash(opening + paid + fees - used_now)]
    assert _ok(api.client.get(f"/api/v1/accounts/{alice}/statements", headers=admin))["items"] == listed


def _invoice_and_reseller(api: Api, auth_header: Header, accounts: tuple[int, int], resellers: dict[str, int], *,
                          previous: str, tmp_path: Path) -> None:
    """A postpaid account's invoice (its own series); the reseller above it sees its customers' usage, a reseller
    user its own subtree only."""
    admin = auth_header(api.login("admin"))
    alice, bob = accounts
    invoice = _ok(api.client.get(f"/api/v1/accounts/{bob}/statements/{previous}.pdf", headers=admin))
    assert invoice.headers["x-document-number"].startswith("INV-")
    assert invoice.headers["x-document-number"].endswith("-000001")
    text = _text(invoice.content, tmp_path, "invoice")
    assert "Invoice" in text
    bob_used = _check_usage(text, _usage_by_group(_cdrs(api, admin, bob), previous))
    assert _row(text, "Closing balance") == [_cash(-bob_used)]
    assert _row(text, "Amount due") == [_cash(bob_used)]

    north = auth_header(api.login("north"))
    south = auth_header(api.login("south"))
    statement = _ok(api.client.get(f"/api/v1/resellers/{resellers['north']}/statements/{previous}.pdf",
                                   headers=north))
    assert statement.headers["x-document-number"].startswith("RS-")
    text = _text(statement.content, tmp_path, "reseller_statement")
    assert "Reseller statement" in text and "North" in text
    assert _check_usage(text, _usage_by_group(_cdrs(api, admin, bob), previous)) == bob_used
    earned = [line for cdr in _cdrs(api, admin, bob)
              if _month(dt.datetime.fromisoformat(cdr["started_at"])) == previous
              for line in _ok(api.client.get(f"/api/v1/cdrs/{cdr['id']}/reseller-lines", headers=admin))["items"]
              if line["reseller_id"] == resellers["north"]]
    assert len(earned) == 1 and Decimal(earned[0]["commission"]) > 0
    assert _row(text, "On customers' calls") == ["1", _cash(Decimal(earned[0]["commission"]))]
    assert "On customers' payments" not in text  # nothing earned on payments: that kind is left out
    for path in (f"/api/v1/resellers/{resellers['north']}/statements/{previous}.pdf",
                 f"/api/v1/accounts/{bob}/statements/{previous}.pdf", f"/api/v1/accounts/{bob}/statements"):
        assert api.client.get(path, headers=south).status_code == 404
    assert api.client.get(f"/api/v1/accounts/{alice}/statements/{previous}.pdf", headers=north).status_code == 404


def test_a_month_not_begun_or_malformed_is_refused_and_nothing_is_kept(api: Api, auth_header: Header,
                                                                       resellers: dict[str, int]) -> None:
    admin = auth_header(api.login("admin"))
    account = _ok(api.client.post("/api/v1/accounts", headers=admin, json={"number": "6001", "name": "F"}), 201)
    future = (_now() + dt.timedelta(days=40)).strftime("%Y-%m")
    for path in (f"/api/v1/accounts/{account['id']}/statements/{future}.pdf",
                 f"/api/v1/resellers/{resellers['north']}/statements/{future}.pdf"):
        response = api.client.get(path, headers=admin)
        assert response.status_code == 422, response.text
        assert "in the future" in response.text
    for bad in ("2026-13", "26-01", "2026-1", "0000-01"):
        assert api.client.get(f"/api/v1/accounts/{account['id']}/statements/{bad}.pdf",
                              headers=admin).status_code == 422
    assert api.client.get(f"/api/v1/accounts/{account['id']}/statements", headers=admin).json()["items"] == []


def test_numbers_run_without_gaps_across_accounts(api: Api, auth_header: Header) -> None:
    admin = auth_header(api.login("admin"))
    ids = [_ok(api.client.post("/api/v1/accounts", headers=admin, json={"number": f"70{i}", "name": "N"}), 201)["id"]
           for i in range(3)]
    numbers = []
    for period in ("2026-01", "2026-02"):
        for account_id in ids:
            response = _ok(api.client.get(f"/api/v1/accounts/{account_id}/statements/{period}.pdf", headers=admin))
            numbers.append(response.headers["x-document-number"])
    year = _now().year
    assert numbers == [f"ST-{year}-{seq:06d}" for seq in range(1, 7)]


def test_the_service_issues_last_months_statements_once(api: Api, auth_header: Header) -> None:
    """What the service's timer runs every `statements_interval_s`: last month's documents of every account and
    reseller, then nothing more; the API lists them."""
    admin = auth_header(api.login("admin"))
    account = _ok(api.client.post("/api/v1/accounts", headers=admin, json={"number": "8001", "name": "T"}), 201)
    settings = settings_module.load()
    first = issue_last_month(api.engine, settings)
    resellers = len(_ok(api.client.get("/api/v1/resellers", headers=admin))["items"])
    assert (first.issued, first.failed, first.not_ended) == (1 + resellers, 0, 0)
    again = issue_last_month(api.engine, settings)
    assert (again.issued, again.kept_before) == (0, 1 + resellers)
    listed = _ok(api.client.get(f"/api/v1/accounts/{account['id']}/statements", headers=admin))["items"]
    assert [d["period"] for d in listed] == [first.period]


def _images(pdf: bytes, tmp_path: Path) -> list[str]:
    """The encodings of the images a PDF carries (`pdfimages -list`; soft masks left out)."""
    path = tmp_path / "images.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    return [line.split()[8] for line in listing.splitlines()[2:] if line.split()[2] == "image"]


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils (installer/test_peers.sh)")
def test_a_white_label_brand_prints_its_logo_and_its_statement_its_taxes(api: Api, auth_header: Header,
                                                                        resellers: dict[str, int],
                                                                        tmp_path: Path) -> None:
    """Carol buys from the white-label Brandy (logo, tax profile): her statement and Brandy's carry Brandy's logo;
    Dave, under an unbranded reseller, gets the company's plain document. Brandy's statement splits its customers'
    usage under its own tax profile; a kept statement stays byte for byte when the logo changes afterwards."""
    admin = auth_header(api.login("admin"))
    _ok(api.client.patch("/api/v1/company", headers=admin, json={"name": "Example Telecom Ltd"}))
    logos = Path(__file__).parent.parent / "data" / "logos"
    brandy = _ok(api.client.post("/api/v1/resellers", headers=admin, json={
        "name": "Brandy", "kind": "white_label", "brand_name": "Brandy Mobile", "parent_id": resellers["north"]}),
        201)["id"]
    _ok(api.client.put(f"/api/v1/resellers/{brandy}/logo", headers={**admin, "Content-Type": "image/png"},
                       content=(logos / "brandy.png").read_bytes()))
    carol = _customer(api, admin, "5101", ani="15551000011", reseller_id=brandy)
    dave = _customer(api, admin, "5102", ani="15551000012", reseller_id=resellers["north_east"])
    for account in (carol, dave):
        _ok(api.client.post(f"/api/v1/accounts/{account}/payments", headers=admin,
                            json={"kind": "topup", "amount": "30.00"}), 201)
    profile = _ok(api.client.post("/api/v1/tax-profiles", headers=admin, json={
        "name": "Reseller IVA", "taxes": [{"name": "IVA", "percent": "21", "inclusive": False}]}), 201)["id"]
    assert _ok(api.client.patch(f"/api/v1/resellers/{brandy}", headers=admin,
                                json={"tax_profile_id": profile}))["tax_profile_id"] == profile
    late = _previous_month_end_local()
    with _radius(api) as radius:
        for number, (ani, dest, seconds) in enumerate((("15551000011", "442071234567", 305),
                                                       ("15551000011", "447700900123", 47),
                                                       ("15551000012", "442071234567", 90))):
            _call(radius, ani, dest, late - dt.timedelta(days=2, minutes=number), seconds, tag=f"wl-{number}")
    previous = _month(late)

    carol_pdf = _ok(api.client.get(f"/api/v1/accounts/{carol}/statements/{previous}.pdf", headers=admin)).content
    assert _images(carol_pdf, tmp_path) == ["image"]  # Brandy's PNG (its transparency a soft mask)
    text = _text(carol_pdf, tmp_path, "white_label_statement")
    assert "Brandy Mobile" in text and "Example Telecom" not in text
    carol_used = _check_usage(text, _usage_by_group(_cdrs(api, admin, carol), previous))
    dave_pdf = _ok(api.client.get(f"/api/v1/accounts/{dave}/statements/{previous}.pdf", headers=admin)).content
    assert _images(dave_pdf, tmp_path) == []
    assert "Example Telecom Ltd" in _text(dave_pdf, tmp_path, "plain_statement")

    statement = _ok(api.client.get(f"/api/v1/resellers/{brandy}/statements/{previous}.pdf", headers=admin)).content
    assert _images(statement, tmp_path) == ["image"]  # its own logo beside its name; the issuer is the company
    text = _text(statement, tmp_path, "white_label_reseller_statement")
    assert "Reseller:" in text and "Brandy Mobile" in text
    assert _check_usage(text, _usage_by_group(_cdrs(api, admin, carol), previous)) == carol_used
    net = (carol_used / Decimal("1.21")).quantize(CENT)
    assert _row(text, "Net") == [_cash(net)]
    assert _row(text, "IVA 21% (added)") == [_cash(carol_used.quantize(CENT) - net)]
    assert _row(text, "Usage with taxes") == [_cash(carol_used)]
    north = _ok(api.client.get(f"/api/v1/resellers/{resellers['north']}/statements/{previous}.pdf",
                               headers=admin)).content
    assert _images(north, tmp_path) == [] and "Taxes" not in _text(north, tmp_path, "north")

    _ok(api.client.put(f"/api/v1/resellers/{brandy}/logo", headers={**admin, "Content-Type": "image/jpeg"},
                       content=(logos / "north.jpg").read_bytes()))
    for path, kept in ((f"/api/v1/resellers/{brandy}/statements/{previous}.pdf", statement),
                       (f"/api/v1/accounts/{carol}/statements/{previous}.pdf", carol_pdf)):
        assert _ok(api.client.get(path, headers=admin)).content == kept
    current = _month(_now())
    fresh = _ok(api.client.get(f"/api/v1/accounts/{carol}/statements/{current}.pdf", headers=admin)).content
    assert _images(fresh, tmp_path) == ["jpeg"]  # the new logo from the next document on
    conflict = api.client.delete(f"/api/v1/tax-profiles/{profile}", headers=admin)
    assert conflict.status_code == 409 and "1 reseller" in conflict.text
