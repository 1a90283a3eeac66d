"""Signalling-only SIP B2BUA on asyncio: pure message parsing, RFC 3261 transactions, the call as states.

`message` (bytes ↔ data) and `transactions`/`b2bua` (state machines) do no I/O of their own; `transport` moves
bytes; `switch` wires them to a `CallController` (routing, authorisation, billing hooks).
"""
