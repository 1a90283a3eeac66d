"""Call control: what the switch decides about a call, above the SIP stack (sip/) that only carries it.

One module a concern: who is calling (`identify`), whether the account or trunk may start another call now
(`admission`), what the AAA server says (`authorise`, over `aaa_link.SwitchRadius`: the one RADIUS client on the
switch's event loop), where the call goes (`routing_handoff`, `targets`), what is accounted and when (`accounting`), the
rows the switch writes itself (`cdr_writer`, `call_outcome`), the carriers' gateways under OPTIONS
(`gateway_health`), the in-memory view of the store they all read (`snapshot`, loaded by `lookups`), digest trunks
(`digest`, `registrar`). `controller.SwitchController`, the B2BUA's `CallController`, ties them together around one
`call_info.CallInfo` per call; `local_aaa` and `serve` wire a switch to it.

It may import sip/, aaa/, billing/, routing/ and store/; sip/ never imports it (tests/test_layout.py).
"""
