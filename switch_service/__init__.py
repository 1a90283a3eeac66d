"""Carrierdesk switch service: SIP switching, prepaid billing, RADIUS AAA and the local HTTP API."""
