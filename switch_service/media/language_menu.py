"""An access number's language menu ("for English press 1, para español oprima 2"): what a valid one is, as the API,
the desktop (through the API) and `carrier-switch ivr language-menu` take it. The IVR plays it (card_flow.py)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

MENU_SIZE = 9  # the digits 1-9


def menu_problems(menu: Sequence[str], kind: str, languages: Collection[str]) -> list[str]:
    """Why `menu` cannot be a DID of `kind`'s language menu (empty: it can): only an access number has an IVR,
    each language must have prompts (`languages`: the prompt sets), each once, at most one per digit."""
    problems = []
    if menu and kind != "access_number":
        problems.append(f"a {kind} DID has no IVR: it takes no language menu")
    unknown = [code for code in menu if code not in languages]
    if unknown:
        problems.append(f"no prompts in {', '.join(unknown)} (the IVR page lists the languages)")
    if len(set(menu)) != len(menu):
        problems.append("a language is offered once")
    if len(menu) > MENU_SIZE:
        problems.append(f"at most {MENU_SIZE} languages (digits 1-{MENU_SIZE})")
    return problems
