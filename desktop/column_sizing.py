"""How wide a table's columns are, one rule for every table of the desktop (`ColumnFit`):

- when a load's first rows are on screen, each column is made as wide as its header and the rows shown
  (`resizeContentsPrecision` 0: a lazily paged model is never asked for rows off screen); an empty table's columns
  are as wide as their headers;
- the table's stretch column (a name, a description) then takes the width left over, so the table fills the view;
- when the columns need more than the view has, nothing stretches and the view scrolls sideways: a column is never
  cut to "Bluewave ..." or "2026-12-06 ...";
- the user may still drag a column wider or narrower; a new load (refresh, another search) fits them again.
"""

from __future__ import annotations

from desktop.qt import QEvent, QHeaderView, QObject, QTableView, isValid


class ColumnFit(QObject):
    """Attach one to a table (it lives as the table's child). Models with a `page_loaded` signal (paged tables) are
    fitted when a page arrives; others when rows are inserted or reset; `refit()` after filling a table by hand."""

    def __init__(self, table: QTableView, stretch: int | None) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = stretch
        self._due = True
        self._natural: list[int] = []
        header = self.header()
        header.setResizeContentsPrecision(0)
        model = table.model()
        model.modelReset.connect(self._reset)
        loaded = getattr(model, "page_loaded", None)
        if loaded is not None:
            loaded.connect(self._rows_arrived)
        else:
            model.rowsInserted.connect(self._rows_arrived)
        self.viewport = table.viewport()
        table.installEventFilter(self)
        self.viewport.installEventFilter(self)  # its Resize comes once its new width is known

    def header(self) -> QHeaderView:
        return self.table.horizontalHeader()

    def refit(self) -> None:
        """Fit again now (or when the table is next shown)."""
        self._due = True
        self._fit_if_due()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not isValid(self.table):  # events of the viewport while the table is being destroyed
            return False
        if watched is self.table and event.type() == QEvent.Type.Show:
            self._fit_if_due()
        elif watched is self.viewport and event.type() == QEvent.Type.Resize and self._natural:
            self._place_stretch()
        return False

    def _reset(self) -> None:
        self._due = True

    def _rows_arrived(self) -> None:
        self._fit_if_due()

    def _fit_if_due(self) -> None:
        """Fit once rows are shown; an empty table fits its headers meanwhile and stays due for its first rows."""
        model = self.table.model()
        if not self._due or not self.table.isVisible():
            return
        self._due = model.rowCount() == 0
        header = self.header()
        for column in range(model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self._natural = [header.sectionSize(column) for column in range(model.columnCount())]
        self._place_stretch()

    def _place_stretch(self) -> None:
        """The stretch column fills the view when everything fits; else every column keeps its natural width."""
        if self.stretch is None or self.stretch >= len(self._natural):
            return
        header = self.header()
        fits = sum(self._natural) <= self.table.viewport().width()
        if fits:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Stretch)
        elif header.sectionResizeMode(self.stretch) == QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(self.stretch, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(self.stretch, self._natural[self.stretch])
