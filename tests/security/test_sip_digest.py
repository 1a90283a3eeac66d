"""The SIP digest rule against the RFCs' own worked examples, and its refusals."""

from __future__ import annotations

import dataclasses

import pytest

from switch_service.aaa.messages import DigestCredentials
from switch_service.security.sip_digest import expected_response, password_ha1, response_matches

# RFC 2617 section 3.5 (qop=auth); the RFC prints the response, the HA1 follows from its inputs
RFC2617 = DigestCredentials(
    response="6629fae49393a05397450978507c4ef1", realm="testrealm@host.com",
    nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", method="GET", uri="/dir/index.html", qop="auth",
    cnonce="0a4f113b", nonce_count="00000001", user_name="Mufasa")
RFC2617_HA1 = password_ha1("Mufasa", "Circle Of Life", "testrealm@host.com")
# RFC 7616 section 3.9.1, the MD5 answer
RFC7616 = DigestCredentials(
    response="8ca523f5e9506fed4657c9700eebdbec", realm="http-auth@example.org",
    nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", method="GET", uri="/dir/index.html", qop="auth",
    algorithm="MD5", cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", nonce_count="00000001",
    user_name="Mufasa")


def test_ha1_of_the_rfc_2617_example() -> None:
    assert RFC2617_HA1 == "939e7578ed9e3c518a452acee763bce9"


def test_the_rfc_examples_are_accepted() -> None:
    assert response_matches(RFC2617_HA1, RFC2617)
    assert response_matches(password_ha1("Mufasa", "Circle of Life", "http-auth@example.org"), RFC7616)
    # case and surrounding blanks in what a client sends, and in the stored HA1, do not matter
    shouted = dataclasses.replace(RFC2617, response=" 6629FAE49393A05397450978507C4EF1 ")
    assert response_matches(RFC2617_HA1.upper(), shouted)


def test_without_qop_the_rfc_2069_form() -> None:
    """RFC 2069's example (response as corrected by its erratum): MD5(HA1:nonce:HA2)."""
    ha1 = password_ha1("Mufasa", "CircleOfLife", "testrealm@host.com")
    assert expected_response(ha1, method="GET", uri="/dir/index.html",
                             nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093") == "1949323746fe6a43ef61f9606e7febea"


@pytest.mark.parametrize("change", [
    {"response": "6629fae49393a05397450978507c4ef0"},  # one digit off
    {"nonce_count": "00000002"},  # a replayed response with another count
    {"method": "INVITE"},
    {"uri": "/dir/other.html"},
    {"nonce": None},  # no nonce: nothing was challenged
    {"algorithm": "SHA-256"},  # not offered
    {"response": "ünïcödé"},  # not ASCII: refused, not an exception
    {"response": ""},
])
def test_anything_else_is_refused(change: dict[str, str | None]) -> None:
    assert not response_matches(RFC2617_HA1, dataclasses.replace(RFC2617, **change))  # type: ignore[arg-type]


def test_a_wrong_password_is_refused() -> None:
    assert not response_matches(password_ha1("Mufasa", "Circle of Life", "testrealm@host.com"), RFC2617)


def test_a_missing_method_is_an_invite() -> None:
    """draft-sterman Access-Requests may leave the method out: the switch only sends INVITEs that way."""
    ha1 = password_ha1("pbx", "s3cret")
    response = expected_response(ha1, method="INVITE", uri="sip:1555@sw", nonce="n0nce")
    assert response_matches(ha1, DigestCredentials(response=response, nonce="n0nce", uri="sip:1555@sw"))
    assert password_ha1("pbx", "s3cret") == password_ha1("pbx", "s3cret", "carrierdesk")
