"""What the switch will do with an account's calls, on the account page: its tariff, dial plan and limits, and
"Why can't this account call?" with every reason the service found (GET /accounts/{id}/calling: the desktop and
`carrier-switch accounts show` say the same thing)."""

from __future__ import annotations

from desktop.formatting import money
from desktop.qt import QCoreApplication, QGridLayout, QLabel, Qt, QWidget
from desktop.styling import as_error
from switch_service.api.schemas.accounts import AccountCalling, CallBlock, CallBlockOut


def block_text(block: CallBlockOut, calling: AccountCalling) -> str:
    """A reason in the user's language (the service's English words for a code this desktop does not know)."""
    tariff = calling.tariff.name if calling.tariff else ""
    plan = calling.dial_plan.name if calling.dial_plan else ""
    texts = {
        CallBlock.SUSPENDED: QCoreApplication.translate("AccountCalling", "it is suspended"),
        CallBlock.CLOSED: QCoreApplication.translate("AccountCalling", "it is closed"),
        CallBlock.EXPIRED: QCoreApplication.translate("AccountCalling", "it has expired"),
        CallBlock.NO_TARIFF: QCoreApplication.translate("AccountCalling", "it has no tariff"),
        CallBlock.TARIFF_CURRENCY: QCoreApplication.translate(
            "AccountCalling", "its tariff {tariff} is in another currency").format(tariff=tariff),
        CallBlock.NO_RATES: QCoreApplication.translate(
            "AccountCalling", "its tariff {tariff} has no rate in force").format(tariff=tariff),
        CallBlock.NO_DIAL_PLAN: QCoreApplication.translate("AccountCalling", "it has no dial plan"),
        CallBlock.NO_ROUTES: QCoreApplication.translate(
            "AccountCalling", "its dial plan {plan} has no route").format(plan=plan),
        CallBlock.NO_MONEY: QCoreApplication.translate("AccountCalling", "it has no money left to call with"),
        CallBlock.NOT_IDENTIFIED: QCoreApplication.translate(
            "AccountCalling", "no caller number (ANI), DID or trunk leads a call to it"),
    }
    return texts.get(block.code, block.message)


def _limit(value: int) -> str:
    return str(value) if value else QCoreApplication.translate("AccountCalling", "no limit")


class AccountCallingSummary(QWidget):
    """Tariff, dial plan and limits in a grid; below, the reasons it cannot call (in red), or that it can."""

    def __init__(self) -> None:
        super().__init__()
        self.tariff_label = QLabel()
        self.plan_label = QLabel()
        self.limits_label = QLabel()
        self.limits_label.setWordWrap(True)
        self.can_label = QLabel()
        self.why_label = as_error(QLabel())
        for label in (self.can_label, self.why_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        for column, (name, value) in enumerate(((self.tr("Tariff"), self.tariff_label),
                                                (self.tr("Dial plan"), self.plan_label),
                                                (self.tr("Limits"), self.limits_label))):
            grid.addWidget(QLabel(name), 0, 2 * column)
            grid.addWidget(value, 0, 2 * column + 1)
        grid.setColumnStretch(5, 1)
        grid.addWidget(self.can_label, 1, 0, 1, 6)
        grid.addWidget(self.why_label, 2, 0, 1, 6)

    def show_calling(self, calling: AccountCalling | None) -> None:
        if calling is None:
            for label in (self.tariff_label, self.plan_label, self.limits_label, self.can_label, self.why_label):
                label.clear()
            return
        tariff, plan = calling.tariff, calling.dial_plan
        self.tariff_label.setText(self.tr("{name} ({currency}, %n rate(s) in force)", "", tariff.rates_in_force)
                                  .format(name=tariff.name, currency=tariff.currency) if tariff else self.tr("none"))
        self.plan_label.setText(self.tr("{name} (%n route(s))", "", plan.routes).format(name=plan.name)
                                if plan else self.tr("none"))
        anis = (self.tr("{count} of {most}").format(count=calling.anis, most=calling.max_anis) if calling.max_anis
                else str(calling.anis))
        self.limits_label.setText(self.tr("calls at once: {calls}; per second: {cps}; caller numbers: {anis}").format(
            calls=_limit(calling.max_concurrent_calls), cps=_limit(calling.cps_limit), anis=anis))
        self.can_label.setVisible(calling.can_call)
        self.why_label.setVisible(not calling.can_call)
        text = self.tr("It can call: {available} available.").format(available=money(calling.available))
        if calling.low_balance:
            text += " " + self.tr("The balance is below its warning level.")
        self.can_label.setText(text)
        reasons = "; ".join(block_text(block, calling) for block in calling.blocks)
        self.why_label.setText(self.tr("Why can't this account call? Because {reasons}.").format(reasons=reasons)
                               if reasons else "")
