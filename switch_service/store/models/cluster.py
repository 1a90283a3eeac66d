"""The switch nodes sharing this database, each with a heartbeat lease (switch_service/cluster/leases.py), and the
lease on the duties one node runs for the cluster (switch_service/cluster/duties.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from switch_service.store.base import Base
from switch_service.store.types import UTCDateTime


class ClusterNode(Base):
    """One row per node name. `state` "up" with `lease_until` in the future: the node runs and owns its calls; "up"
    with a stale lease: it died, and the first survivor whose conditional UPDATE flips it to "down" settles its
    calls; "down": nothing of it is open (a clean stop, or recovered)."""

    __tablename__ = "cluster_nodes"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(8), default="up")
    lease_until: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    renewed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    incarnation: Mapped[int] = mapped_column(default=1)  # raised at every start: a lease held by an older run is lost
    sip_address: Mapped[str | None] = mapped_column(String(64))  # host:port, for people reading the list
    recovered_by: Mapped[str | None] = mapped_column(String(64))  # the node that settled its calls, when it died
    recovered_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ClusterDuty(Base):
    """The one row "duties": the node that runs the cluster's singleton duties (scheduled backups, the mail outbox,
    the monthly statements) while `lease_until` is in the future; any live node takes it over once it is stale."""

    __tablename__ = "cluster_duties"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(64))  # the node name
    incarnation: Mapped[int | None] = mapped_column()  # the holder's run (cluster_nodes.incarnation)
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    taken_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # when the holder took it
