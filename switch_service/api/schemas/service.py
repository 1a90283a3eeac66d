"""The running service as the API, `carrier-switch status` and the desktop's Service page show it: its components
with their state, ports and counters; the tail of its log; its backups."""

from __future__ import annotations

import datetime as dt
import enum

from pydantic import Field

from switch_service.api.schemas import InputModel, OutputModel


class ComponentState(enum.StrEnum):
    STARTING = "starting"
    RUNNING = "running"
    STOPPING = "stopping"
    STOPPED = "stopped"
    FAILED = "failed"


class NodeState(enum.StrEnum):
    RUNNING = "running"  # its heartbeat lease is live
    LEASE_RAN_OUT = "lease_ran_out"  # dead or stopped; a surviving node settles what it left open at its next beat
    DOWN = "down"  # nothing of it is open (recovered, or stopped with nothing left)


class NodeOut(OutputModel):
    """A switch node on this database (a cluster behind Kamailio; one node otherwise)."""

    name: str
    state: NodeState
    sip_address: str | None = Field(default=None, description="host:port it listens on for SIP")
    started_at: dt.datetime
    lease_until: dt.datetime = Field(description="when its heartbeat lease runs out unless renewed")
    recovered_by: str | None = Field(default=None, description="the node that settled its calls when it died")
    recovered_at: dt.datetime | None = None
    duties: bool = Field(default=False, description="it runs the cluster's duties now: scheduled backups, the mail "
                                                    "outbox, the monthly statements and recurring fees")


class NodeList(OutputModel):
    items: list[NodeOut]


class ComponentOut(OutputModel):
    name: str = Field(description="node (this node's heartbeat lease), duties (the cluster's duties lease), radius, "
                                  "sip, api, backups or mail")
    state: ComponentState
    since: dt.datetime = Field(description="when it reached this state (UTC)")
    ports: dict[str, int] = Field(description="what it listens on, e.g. {\"udp\": 5060, \"tcp\": 5060}")
    counters: dict[str, int] = Field(description="its figures since it last started, e.g. calls, requests")
    restarts: int = Field(description="restarts asked since the service started")
    error: str = Field(default="", description="why it failed, when it did")


class ServiceStatusOut(OutputModel):
    version: str
    schema_revision: str | None = Field(description="the database's Alembic revision")
    pid: int
    started_at: dt.datetime
    data_dir: str
    components: list[ComponentOut]


class LogTailOut(OutputModel):
    path: str = Field(description="the log file on the service's machine")
    lines: list[str] = Field(description="the last matching lines, oldest first")


class BackupOut(OutputModel):
    name: str = Field(description="file name in the service's backup folder")
    size: int = Field(description="bytes")
    created_at: dt.datetime


class BackupList(OutputModel):
    folder: str
    keep: int = Field(description="scheduled backups kept (setting backup_keep)")
    interval_h: int = Field(description="hours between scheduled backups (setting backup_interval_h; 0: none)")
    backups: list[BackupOut] = Field(description="newest first")


class RestoreIn(InputModel):
    name: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9._-]+$",
                      description="a backup file of the backup folder (GET /backups)")
