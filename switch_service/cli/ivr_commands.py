"""`carrier-switch ivr minute-shrink NUMBER PERCENT`: an access number's minute shrinking (the share of the minutes
its IVR does not announce; billing is unchanged); `carrier-switch ivr language-menu NUMBER [LANG ...]`: the languages
its IVR offers before the PIN (none: no menu); both as the API's `PATCH /dids/{id}` and the desktop's DID dialog set
them; and `carrier-switch bench ivr`: card calls at once through the IVR's media workers (switch_service.bench.ivr)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from switch_service.errors import UserError
from switch_service.store.models import Did

if TYPE_CHECKING:
    from switch_service.cli.context import Context


MAX_SHRINK_PERCENT = 99  # as the API's (api/schemas/dids.py)


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    ivr = commands.add_parser("ivr", help="the IVR's settings of an access number")
    actions = ivr.add_subparsers(dest="ivr_command", metavar="ACTION", required=True)
    shrink = actions.add_parser("minute-shrink", parents=[common],
                                help="announce PERCENT fewer minutes than a call may last on this DID (0: all)")
    shrink.add_argument("number", help="the DID, as dialled or with + and the country code")
    shrink.add_argument("percent", type=int, help=f"0-{MAX_SHRINK_PERCENT}")
    shrink.set_defaults(handler=minute_shrink)
    menu = actions.add_parser("language-menu", parents=[common],
                              help="offer these languages before the PIN on this DID, LANG 1 on digit 1, ... "
                                   "(none: no menu; one: every call in it)")
    menu.add_argument("number", help="the DID, as dialled or with + and the country code")
    menu.add_argument("languages", nargs="*", metavar="LANG", help="prompt set codes: en es fr ...")
    menu.set_defaults(handler=language_menu)


def _did(session: Session, number_text: str, context: Context) -> Did:
    from switch_service.phone_numbers import e164_digits

    try:
        number = e164_digits(number_text, str(context.settings["default_region"]))
    except ValueError as exc:
        raise UserError(str(exc)) from None
    did = session.scalars(select(Did).where(Did.number == number)).one_or_none()
    if did is None:
        raise UserError(f"no DID {number} (see the DIDs page or GET /api/v1/dids)")
    return did


def minute_shrink(args: argparse.Namespace, context: Context) -> int:
    if not 0 <= args.percent <= MAX_SHRINK_PERCENT:
        raise UserError(f"percent must be 0-{MAX_SHRINK_PERCENT}, not {args.percent}")
    with context.session() as session, session.begin():
        did = _did(session, args.number, context)
        did.minute_shrink_percent = args.percent
        print(f"DID {did.number}: its IVR announces {100 - args.percent} % of the minutes a call may last")
    return 0


def language_menu(args: argparse.Namespace, context: Context) -> int:
    from switch_service.media.language_menu import menu_problems
    from switch_service.media.prompt_sets import PromptSets, operator_folder

    typed = context.settings.typed
    prompt_sets = PromptSets(operator_folder(typed.ivr_prompts_dir, typed.data_dir))
    with context.session() as session, session.begin():
        did = _did(session, args.number, context)
        problems = menu_problems(args.languages, did.kind.value, prompt_sets.languages())
        if problems:
            raise UserError("; ".join(problems))
        did.language_menu = args.languages
        offered = ", ".join(f"{digit} {code}" for digit, code in enumerate(args.languages, start=1))
        print(f"DID {did.number}: " + (f"its IVR offers {offered} before the PIN" if len(args.languages) > 1 else
                                       f"every call in {args.languages[0]}" if args.languages else "no language menu"))
    return 0


def register_bench(kinds: Any, common: argparse.ArgumentParser) -> None:
    ivr = kinds.add_parser("ivr", help="card calls at once through the IVR (PIN, balance, destination) to a SIPp "
                                       "carrier: completed, digits missed, workers, their RSS, PIN-to-route p95")
    ivr.add_argument("--sessions", type=int, default=64, help="simultaneous card calls (default 64)")
    ivr.set_defaults(handler=bench_ivr)


def bench_ivr(args: argparse.Namespace, _context: Context) -> int:
    from switch_service.bench import ivr

    print(json.dumps(ivr.bench_ivr(args.sessions)))
    return 0
