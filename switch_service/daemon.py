"""`carrier-switch serve`: the whole service process. Its log file, its control socket, and the supervisor of its
components, started in order: calls a crash left open are settled, this node's lease, the cluster's duties lease,
then RADIUS, SIP, the API, the backup schedule and the mail. SIGTERM (systemd's stop) or SIGINT stops them in
reverse order."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import Engine

from switch_service import control, logs
from switch_service.api.live import LiveCalls
from switch_service.api.routes.service_ops import status_out
from switch_service.backup_folder import BackupScheduler
from switch_service.cluster.duties import Duties
from switch_service.components import Supervisor
from switch_service.config.settings import Settings
from switch_service.errors import UserError
from switch_service.mail.mailer import Mailer
from switch_service.service import ApiServer, wait_for_stop_signal
from switch_service.store import migrate
from switch_service.telephony import prepare_telephony
from switch_service.version import service_version

log = logging.getLogger(__name__)


def run(engine: Engine, settings: Settings) -> int:
    data_dir = settings.typed.data_dir
    logs.start_file_log(data_dir, settings.typed.log_file_max_kb, settings.typed.log_file_count,
                        settings.typed.log_level)
    logging.getLogger("alembic.runtime.migration").setLevel(logging.WARNING)  # a line per status otherwise
    try:
        current, head = migrate.current_revision(engine), migrate.head_revision(engine)
        if current != head:
            raise UserError(f"database schema is at {current or 'nothing'}, not {head}: "
                            "run carrier-switch db upgrade")
        telephony = prepare_telephony(engine, settings)
        heartbeat = telephony.heartbeat
        assert heartbeat is not None
        duties = Duties(engine, lambda: heartbeat.lease)  # one node of a cluster runs the singleton duties
        api = ApiServer(engine, settings, lambda: LiveCalls(telephony.events, telephony.hangup,
                                                         gateways=telephony.gateway_events,
                                                         test_call=telephony.place_test_call,
                                                         ivr=telephony.ivr_counters), duties=duties.held)
        supervisor = Supervisor(
            [heartbeat, duties, telephony.radius_part, telephony.sip_part, api,
             BackupScheduler(engine, settings, service_version(), duties.held),
             Mailer(engine, settings, may_run=duties.held)],
            version=service_version(), schema_revision=lambda: migrate.current_revision(engine), data_dir=data_dir)
        api.service = supervisor
        with control.serving(data_dir, lambda request: _answer(supervisor, request)):
            supervisor.start_all()
            log.warning("Carrierdesk %s serving (pid in `carrier-switch status`)", service_version())
            try:
                wait_for_stop_signal(supervisor.watch)
            finally:
                supervisor.stop_all()
                heartbeat.release()
        return 0
    finally:
        logs.stop_file_log()


def _answer(supervisor: Supervisor, request: dict[str, Any]) -> dict[str, Any]:
    """A control-socket request (see switch_service.control)."""
    command = request.get("command")
    if command == "restart":
        supervisor.restart(str(request.get("component")))
    elif command != "status":
        raise UserError(f"unknown command {command!r} (status, restart)")
    return {"ok": True, "status": status_out(supervisor.status()).model_dump(mode="json")}
