"""The dashboard's tiles: one big figure each, with what it counts below it (`GET /live/kpis`).

The figures come from the service, which counts today's calls, ASR, ACD, minutes and money from the call records
as the traffic report does, in the company's day; "calls now" also moves with every answered and ended call of the
live stream in between. A tile the role may not see (money for support, carriers for non-admins) is hidden.
"""

from __future__ import annotations

from desktop.formatting import duration, money, number, set_company_currency
from desktop.qt import QCoreApplication, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget
from switch_service.api.schemas import Role
from switch_service.api.schemas.live import KpisOut

TILES = ("calls_now", "asr", "acd", "minutes", "revenue", "profit", "low_balance", "carriers_down")
ADMIN_TILES = frozenset({"profit", "carriers_down"})
MONEY_TILES = frozenset({"revenue"})  # hidden from support
PER_ROW = 4


def tile_captions() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {"calls_now": translate("KpiTiles", "Calls now"), "asr": translate("KpiTiles", "ASR today"),
            "acd": translate("KpiTiles", "ACD today"), "minutes": translate("KpiTiles", "Minutes today"),
            "revenue": translate("KpiTiles", "Revenue today"), "profit": translate("KpiTiles", "Profit today"),
            "low_balance": translate("KpiTiles", "Low-balance accounts"),
            "carriers_down": translate("KpiTiles", "Carriers down")}


class Tile(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value_label = QLabel("–")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def show_value(self, text: str, hint: str = "") -> None:
        self.value_label.setText(text)
        self.setToolTip(hint)


class KpiTiles(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        captions = tile_captions()
        self.tiles = {key: Tile(captions[key]) for key in TILES}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, key in enumerate(TILES):
            grid.addWidget(self.tiles[key], position // PER_ROW, position % PER_ROW)

    def text(self, key: str) -> str:
        return self.tiles[key].value_label.text()

    def for_role(self, role: Role) -> None:
        for key, tile in self.tiles.items():
            tile.setVisible((key not in ADMIN_TILES or role is Role.ADMIN)
                            and (key not in MONEY_TILES or role is not Role.SUPPORT))

    def show_calls_now(self, calls: int) -> None:
        self.tiles["calls_now"].show_value(number(calls))

    def show(self, kpis: KpisOut) -> None:  # type: ignore[override]  # the figures, not QWidget.show
        translate = QCoreApplication.translate
        set_company_currency(kpis.currency)
        tiles = self.tiles
        self.show_calls_now(kpis.calls_now)
        tiles["asr"].show_value("–" if kpis.asr_percent is None else f"{number(kpis.asr_percent, 1)} %",
                                translate("KpiTiles", "{answered} of {calls} calls answered").format(
                                    answered=number(kpis.answered_today), calls=number(kpis.calls_today)))
        tiles["acd"].show_value("–" if kpis.acd_s is None else duration(kpis.acd_s),
                                translate("KpiTiles", "average talk time of today's answered calls"))
        tiles["minutes"].show_value(number(kpis.minutes_today, 1))
        if kpis.revenue_today is not None:
            tiles["revenue"].show_value(money(kpis.revenue_today, kpis.currency))
        if kpis.profit_today is not None:
            tiles["profit"].show_value(money(kpis.profit_today, kpis.currency))
        tiles["low_balance"].show_value(number(kpis.low_balance_accounts), translate(
            "KpiTiles", "active prepaid customer accounts with less than {amount}").format(
                amount=money(kpis.low_balance_below, kpis.currency)))
        if kpis.carriers_down is not None:
            tiles["carriers_down"].show_value(
                translate("KpiTiles", "{down} of {carriers}").format(down=kpis.carriers_down,
                                                                   carriers=kpis.carriers or 0),
                translate("KpiTiles", "carriers with no gateway answering the switch's keep-alive"))
