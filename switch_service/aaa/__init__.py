"""RADIUS AAA: the switch's RADIUS server (for third-party gateways and the B2BUA) and its client.

`cisco` and `messages` are pure (bytes and strings in, dataclasses out); `server` and `client` only move
bytes; the decisions live behind the `AaaPolicy` protocol in `policy`.
"""
