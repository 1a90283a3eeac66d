"""Rate decks as CSV: parsing and validation (pure, no I/O beyond the text handed in) and the native writer.

Layouts: the native one (our `rates` columns), A2Billing, ASTPP and MagnusBilling. Every layout is read into the
same `DeckRow`s; a deck with any bad row is refused as a whole with every problem listed (`DeckError`).
"""

from switch_service.decks.formats import FORMATS, NATIVE_COLUMNS, DeckFormat, detect_format
from switch_service.decks.parsing import Deck, DeckError, DeckRow, parse_deck, read_deck
from switch_service.decks.writer import format_row, write_native

__all__ = [
    "FORMATS", "NATIVE_COLUMNS", "Deck", "DeckError", "DeckFormat", "DeckRow", "detect_format", "format_row",
    "parse_deck", "read_deck", "write_native",
]
