"""Stand-in prompts: each prompt name a short tone of its own pitch, 8 kHz mono 16-bit WAV (the prompt library's
format). They let a worker, and the tests that check what it played, run before recorded prompts are installed."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

PROMPT_NAMES = (
    "welcome", "enter_pin", "invalid_pin", "locked_out", "enter_destination", "you_have", "minutes", "balance_is",
    "destination_blocked", "destination_unknown", "insufficient_balance", "press_star_to_dial_again",
    "register_ani_offer", "registered", "enter_voucher", "recharged", "language_menu", "goodbye", "all_busy",
    "speed_dial_unknown", "try_again", "recharge_offer", "invalid_voucher",
    "card_recharge_offer", "enter_card_pin", "invalid_card_pin", "enter_agent_pin", "enter_customer_number",
    "enter_amount", "customer_recharged", "customer_unknown", "agent_cannot_pay", "agent_not_allowed")
RATE = 8000


def tone_hz(name: str) -> float:
    """A pitch per prompt, 400-2350 Hz in 50 Hz steps (each prompt its own)."""
    return 400.0 + 50.0 * (PROMPT_NAMES.index(name) % 40) if name in PROMPT_NAMES else 300.0


def write_tone(path: Path, hz: float, seconds: float = 0.3) -> None:
    frames = bytearray()
    for i in range(int(RATE * seconds)):
        frames += struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * i / RATE)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


def write_tone_prompts(root: Path, language: str = "en", seconds: float = 0.3) -> Path:
    """`root/<language>/<name>.wav` for every prompt name (kept when already there); returns `root`."""
    for name in PROMPT_NAMES:
        path = root / language / f"{name}.wav"
        if not path.is_file():
            write_tone(path, tone_hz(name), seconds)
    return root
