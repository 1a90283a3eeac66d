"""Several switch nodes on one database: each node's name and heartbeat lease, the takeover of a dead node's
calls by a survivor, and the Kamailio dispatcher configuration that spreads SIP over the nodes."""
