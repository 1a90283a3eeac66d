"""Carrierdesk desktop (PySide6): a client of the local HTTP API, nothing more.

It imports nothing from `switch_service` except `switch_service.api.schemas`, and never touches the
database, SIP or RADIUS. Qt names come from `desktop.qt` only.
"""
