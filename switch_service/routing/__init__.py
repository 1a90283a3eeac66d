"""Routing: dial plans, least-cost and priority ordering, profit guarantee, failover policy (pure, no I/O).

`router.route(number, at, sell_rate, plan, state)` answers which carriers to try, in order, and why the others were
skipped; the store loads the views (`store.repositories.routing`), the SIP engine tries the routes.
"""
