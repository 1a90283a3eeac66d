"""Call control: what the switch decides about a call, above the SIP stack (sip/) that only carries it.

`controller.SwitchController` is the B2BUA's `CallController`: who is calling, the account's and trunk's limits,
the AAA server's answer (over `aaa_link`/`radius_async`), routing (`targets`), accounting, the rows the switch
writes itself (`call_outcome`), the carriers' gateways, and the in-memory view of the store (`lookups`); digest
trunks in `digest` and `registrar`; `local_aaa` and `serve` wire a switch to it. It may import sip/, aaa/,
billing/, routing/ and store/; sip/ never imports it.
"""
