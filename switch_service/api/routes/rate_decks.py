"""What a rate deck may look like, for a client that helps its user prepare one (admins, as every pricing route):
the layouts and their columns, the layout a header would be read as, and a native template to fill in. The same
tables the import reads with (`switch_service.decks.formats`), so what is shown is what is accepted."""

from __future__ import annotations

import csv
import io

from fastapi.responses import Response

from switch_service.api.routes.pricing import RESPONSES, PricingAdmin
from switch_service.api.routes.router import api_router
from switch_service.api.schemas.rates import (
    DeckColumnOut,
    DeckDetectionOut,
    DeckFormat,
    DeckHeaderIn,
    DeckLayoutOut,
    DeckLayoutsOut,
)
from switch_service.decks import FORMATS, NATIVE_COLUMNS, detect_format, write_native
from switch_service.decks.formats import DeckFormat as Layout
from switch_service.decks.parsing import sniff_delimiter

router = api_router(prefix="/rate-decks", tags=["rates"])

# The template's example: a fixed-line destination billed per minute after the first minute.
TEMPLATE_EXAMPLE = {"prefix": "44", "destination": "United Kingdom - fixed", "price_per_minute": "0.0123",
                    "initial_block_s": "60", "increment_s": "60"}


def _layout_out(layout: Layout) -> DeckLayoutOut:
    return DeckLayoutOut(format=DeckFormat(layout.name),
                         columns=[DeckColumnOut(column=column, native=native)
                                  for column, native in layout.columns.items()],
                         required=list(layout.required), ignored=sorted(layout.ignored),
                         unsupported=sorted(layout.unsupported))


@router.get("/formats", responses=RESPONSES)
def deck_formats(_user: PricingAdmin) -> DeckLayoutsOut:
    """Every layout an import reads, the native one first."""
    return DeckLayoutsOut(layouts=[_layout_out(layout) for layout in FORMATS.values()])


@router.post("/detect", responses=RESPONSES)
def detect_layout(body: DeckHeaderIn, _user: PricingAdmin) -> DeckDetectionOut:
    """The layout a deck with this first line (split at ';' or ',' as an import does) is read as when none is
    named, and what of its header the import would refuse: columns the layout does not know, required columns it
    lacks."""
    header = [name.strip().lower() for name in next(csv.reader([body.first_line.lstrip("\ufeff")],
                                                               delimiter=sniff_delimiter(body.first_line)), [])]
    layout = detect_format(header)
    if layout is None:
        return DeckDetectionOut(format=None, unknown_columns=[], missing_columns=[])
    return DeckDetectionOut(format=DeckFormat(layout.name),
                            unknown_columns=[name for name in header if not layout.known(name)],
                            missing_columns=[name for name in layout.required if name not in header])


@router.get("/template.csv", responses={**RESPONSES, 200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
def deck_template(_user: PricingAdmin) -> Response:
    """A native deck to fill in: every column, and one example row an import accepts."""
    out = io.StringIO()
    write_native([[TEMPLATE_EXAMPLE.get(column) for column in NATIVE_COLUMNS]], out)
    return Response(out.getvalue(), media_type="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="rate-deck-template.csv"'})
