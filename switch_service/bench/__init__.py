"""Benchmarks run by `carrier-switch bench KIND`, one module per kind, each printing one JSON line of figures.

They live apart from the product: they build synthetic data, start peers (SIPp, FreeRADIUS, sippy) and compare
against SQL on purpose, so no product package imports them (tests/test_layout.py) and the CLI imports one only
inside its command.
"""
