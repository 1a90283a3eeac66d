"""`carrier-switch ivr minute-shrink NUMBER PERCENT`: an access number's minute shrinking from the command line."""

from __future__ import annotations

from pathlib import Path

from cli_harness import run_cli as run
from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.store.engine import make_engine
from switch_service.store.models import Did
from switch_service.store.models.enums import DidKind


def test_minute_shrink_sets_an_access_numbers_percentage_and_refuses_bad_input(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ivr.db'}"
    assert run("db", "upgrade", "--db", url).returncode == 0
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():  # as POST /dids does
            session.add(Did(number="18005550100", kind=DidKind.ACCESS_NUMBER))
        done = run("ivr", "minute-shrink", "+1 800 555 0100", "15", "--db", url)
        assert done.returncode == 0, done.stderr
        assert "DID 18005550100: its IVR announces 85 % of the minutes" in done.stdout
        for bad, says in ((["+1 800 555 0100", "100"], "percent must be 0-99"),
                          (["+1 800 555 0199", "10"], "no DID 18005550199"),
                          (["banana", "10"], "not a phone number")):
            refused = run("ivr", "minute-shrink", *bad, "--db", url)
            assert refused.returncode != 0 and says in refused.stderr, refused.stderr
        with Session(engine) as session:
            assert session.scalars(select(Did.minute_shrink_percent)).one() == 15
    finally:
        engine.dispose()


def test_language_menu_sets_an_access_numbers_languages_and_refuses_bad_input(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ivr.db'}"
    assert run("db", "upgrade", "--db", url).returncode == 0
    engine = make_engine(url)
    try:
        with Session(engine) as session, session.begin():  # as POST /dids does
            session.add(Did(number="18005550100", kind=DidKind.ACCESS_NUMBER))
            session.add(Did(number="442079460000", kind=DidKind.FORWARD, forward_to="13055550101"))
        done = run("ivr", "language-menu", "+1 800 555 0100", "en", "es", "fr", "--db", url)
        assert done.returncode == 0, done.stderr
        assert "DID 18005550100: its IVR offers 1 en, 2 es, 3 fr before the PIN" in done.stdout
        for bad, says in ((["+1 800 555 0100", "en", "xx"], "no prompts in xx (the IVR page lists the languages)"),
                          (["+1 800 555 0100", "en", "es", "en"], "a language is offered once"),
                          (["+44 20 7946 0000", "en", "es"], "a forward DID has no IVR"),
                          (["+1 800 555 0199", "en"], "no DID 18005550199")):
            refused = run("ivr", "language-menu", *bad, "--db", url)
            assert refused.returncode != 0 and says in refused.stderr, refused.stderr
        with Session(engine) as session:
            assert session.scalars(select(Did.language_menu_codes).where(Did.number == "18005550100")).one() \
                == "en,es,fr"
        cleared = run("ivr", "language-menu", "18005550100", "--db", url)
        assert (cleared.returncode, cleared.stdout.strip()) == (0, "DID 18005550100: no language menu")
        with Session(engine) as session:
            assert session.scalars(select(Did).where(Did.number == "18005550100")).one().language_menu == []
    finally:
        engine.dispose()
