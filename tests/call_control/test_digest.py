"""Digest challenges for customer trunks: header parsing and the switch's stateless nonces."""

from __future__ import annotations

from switch_service.call_control.digest import DigestChallenger, parse_digest


def test_parse_digest_header() -> None:
    params = parse_digest('Digest username="pbx", realm="carrierdesk", nonce="5f.ab", uri="sip:1555@10.0.0.1", '
                          'response="0123abcd", algorithm=MD5, cnonce="6b8b", qop=auth, nc=00000001')
    assert params is not None
    assert params["username"] == "pbx" and params["qop"] == "auth" and params["nc"] == "00000001"
    assert params["uri"] == "sip:1555@10.0.0.1"
    assert parse_digest("Basic abc") is None and parse_digest(None) is None


def test_nonces_are_ours_and_expire() -> None:
    now = [1_000_000.0]
    challenger = DigestChallenger(lifetime_s=300, key=b"k" * 32, clock=lambda: now[0])
    nonce = challenger.nonce()
    assert challenger.fresh(nonce)
    assert not challenger.fresh(nonce[:-1] + ("0" if nonce[-1] != "0" else "1"))  # tampered
    assert not DigestChallenger(key=b"x" * 32, clock=lambda: now[0]).fresh(nonce)  # another switch's
    now[0] += 301
    assert not challenger.fresh(nonce)


def test_credentials_only_for_our_realm_and_md5() -> None:
    challenger = DigestChallenger("carrierdesk")
    base = {"username": "pbx", "realm": "carrierdesk", "nonce": "n", "uri": "sip:x@y", "response": "r"}
    credentials = challenger.credentials(base)
    assert credentials is not None and credentials.user_name == "pbx" and credentials.method == "INVITE"
    assert challenger.credentials(base | {"realm": "other"}) is None
    assert challenger.credentials(base | {"algorithm": "SHA-256"}) is None
