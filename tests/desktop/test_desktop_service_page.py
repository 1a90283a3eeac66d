"""The Service page against a real `carrier-switch serve` (demo data), driven with the keyboard: the components
with their state and ports, a RADIUS restart confirmed with the keyboard, the log filtered, a backup made with its
progress bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_harness import choose_file
from pytestqt.qtbot import QtBot
from worker_ports import service_ports

from desktop.pages.service_manager import COL_NAME, COL_PORTS, COL_STATE, ServiceManagerPage
from desktop.qt import QApplication, QMessageBox, Qt
from desktop.session import sign_in
from installer import temp_service

pytestmark = pytest.mark.peers  # a whole `carrier-switch serve`


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[temp_service.TempService]:
    created = temp_service.create(tmp_path_factory.mktemp("svc"), **service_ports(), radius_processes=1,
                                  log_level="INFO", backup_interval_h=0, sip_keepalive_interval_s=0)
    created.command("demo-data")
    with temp_service.running(created):
        yield created


def rows(page: ServiceManagerPage) -> dict[str, list[str]]:
    table = page.components_table
    return {table.item(r, COL_NAME).text(): [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())}


def test_service_page_restart_log_and_backup(qtbot: QtBot, service: temp_service.TempService,
                                             tmp_path: Path) -> None:
    page = ServiceManagerPage()
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.set_session(sign_in(service.url, "admin", "demo-admin"))
    qtbot.waitUntil(lambda: page.components_table.rowCount() == 7, timeout=10_000)
    shown = rows(page)
    assert [shown[name][COL_STATE] for name in ("Node lease", "Cluster duties", "SIP switch", "RADIUS server",
                                                "HTTP API", "E-mail notifications")] == ["running"] * 6
    qtbot.waitUntil(lambda: page.nodes_table.rowCount() == 1, timeout=10_000)  # one node: this service
    assert page.nodes_table.item(0, 1).text() == "running"
    assert page.nodes_table.item(0, 2).text() == "runs them"  # a lone node runs the cluster's duties
    assert shown["HTTP API"][COL_PORTS] == f"http {service.url.rsplit(':', 1)[1]}"
    since_before = shown["RADIUS server"][2]

    # the keyboard: into the table, down to RADIUS (the row after the node's lease and duties), Restart… , then Enter
    page.components_table.setFocus()
    qtbot.keyClick(page.components_table, Qt.Key.Key_Home)
    qtbot.keyClick(page.components_table, Qt.Key.Key_Down)
    qtbot.keyClick(page.components_table, Qt.Key.Key_Down)
    assert page.selected_component() is not None and page.selected_component().name == "radius"
    page.restart_button.setFocus()
    qtbot.keyClick(page.restart_button, Qt.Key.Key_Space)
    box = page.confirm_box
    assert box is not None and "Calls in progress go on" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Escape cancels: nothing restarted
    qtbot.wait(300)
    assert rows(page)["RADIUS server"][2] == since_before
    qtbot.keyClick(page.restart_button, Qt.Key.Key_Space)
    box = page.confirm_box
    assert box is not None
    restart = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.DestructiveRole)
    restart.setFocus()
    qtbot.keyClick(restart, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "RADIUS server restarted." in page.message_label.text(), timeout=30_000)
    qtbot.waitUntil(lambda: rows(page)["RADIUS server"][2] != since_before, timeout=10_000)

    qtbot.keyClicks(page.filter_edit, "restarting")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "restarting radius" in page.log_view.toPlainText(), timeout=10_000)
    assert all("restarting" in line for line in page.log_view.toPlainText().splitlines())

    page.backup_button.setFocus()
    qtbot.keyClick(page.backup_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.backups_table.rowCount() == 1, timeout=30_000)
    assert page.progress.isHidden()
    assert "made." in page.message_label.text()
    name = page.backups_table.item(0, 0).text()
    assert name.startswith("carrierdesk-") and name.endswith(".cdbackup")
    page.backups_table.selectRow(0)
    copy = tmp_path / "copy.cdbackup"
    choose_file(qtbot, page.save_copy(), copy)
    qtbot.waitUntil(lambda: f"Saved {copy}" in page.message_label.text(), timeout=30_000)
    assert copy.read_bytes() == (service.folder / "data" / "backups" / name).read_bytes()
    QApplication.processEvents()
