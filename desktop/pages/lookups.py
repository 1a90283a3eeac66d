"""Choosing a row of another list (a tariff, a carrier, a reseller) in a combo box that pages through it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from desktop.paged_table import ID_ROLE, Column, PagedTableModel, PageLoader
from desktop.qt import QComboBox, QHBoxLayout, QModelIndex, QObject, QToolButton, QWidget, Signal

FIND_PAGES = 5  # how far a combo pages on to show the row it was told to select


class Named(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...


N = TypeVar("N", bound=Named)


def named_model(parent: QObject, header: str, loader: PageLoader[N],
                text: Callable[[N], str] = lambda row: row.name) -> PagedTableModel[N]:
    """One column of names (or `text`) over a keyset-paged list, for a `LookupField`."""
    model: PagedTableModel[N] = PagedTableModel([Column(header, text)], parent)
    model.set_loader(loader)
    return model


class LookupField(QWidget):
    """A combo box over a `PagedTableModel` (its view pages on as the list scrolls). The chosen id is kept
    apart from the list: it survives a refresh, and a row not loaded yet still counts as chosen. With
    `clearable`, a button chooses nothing (null); the placeholder says what nothing means."""

    chosen = Signal()

    def __init__(self, placeholder: str, *, clearable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setPlaceholderText(placeholder)
        self.combo.setMinimumContentsLength(18)
        self.combo.activated.connect(self._activated)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip(placeholder)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.setVisible(clearable)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.clear_button)
        self._model: PagedTableModel[Any] | None = None
        self._id: int | None = None
        self._pages_to_find = 0

    def set_model(self, model: PagedTableModel[Any], column: int) -> None:
        self._model = model
        self.combo.setModel(model)
        self.combo.setModelColumn(column)
        model.page_loaded.connect(self._show_chosen)
        model.modelReset.connect(self._show_chosen)
        self._show_chosen()

    def current_id(self) -> int | None:
        return self._id

    def select_id(self, row_id: int | None) -> None:
        self._id = row_id
        self._pages_to_find = FIND_PAGES
        self._show_chosen()

    def clear(self) -> None:
        self.select_id(None)
        self.chosen.emit()

    def _activated(self, row: int) -> None:
        value = self.combo.itemData(row, ID_ROLE)
        self._id = int(value) if value is not None else None
        self.chosen.emit()

    def _show_chosen(self) -> None:
        model = self._model
        row = model.row_of(self._id) if model is not None and self._id is not None else None
        self.combo.setCurrentIndex(-1 if row is None else row)
        if (row is None and self._id is not None and model is not None and self._pages_to_find > 0
                and not model.loading and model.canFetchMore(QModelIndex())):
            self._pages_to_find -= 1
            model.fetchMore(QModelIndex())  # the chosen row is further down the list
