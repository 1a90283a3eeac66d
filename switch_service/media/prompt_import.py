"""An operator's recording turned into a prompt file the media workers play: WAV or MP3 in, 8 kHz mono 16-bit
PCM WAV out (what pjsua2's player and the shipped prompts use), or `PromptFileError` saying why not.

Decoding, down-mixing and resampling are miniaudio's (one self-contained wheel for Linux, Windows and macOS, no
numpy, which the service bundle leaves out): Debian's sox reads no MP3 without an extra package, and neither sox
nor ffmpeg is in the bundles.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import miniaudio

SAMPLE_RATE = 8000
MAX_SECONDS = 120  # a long welcome message; anything longer is a wrong file
SILENT_PEAK = 100  # about -50 dBFS: a file whose loudest sample is below this is silence (or dither alone)
_KINDS = {miniaudio.FileFormat.WAV: "WAV", miniaudio.FileFormat.MP3: "MP3"}


class PromptFileError(ValueError):
    """The file cannot be a prompt (empty, not WAV nor MP3, unreadable, too long, silent); the text says why."""


@dataclass(frozen=True)
class Prompt:
    wav: bytes  # the converted file
    kind: str  # what came in: "WAV" or "MP3"
    seconds: float


def _info(data: bytes) -> miniaudio.SoundFileInfo:
    reader = miniaudio.wav_get_info if data[:4] == b"RIFF" and data[8:12] == b"WAVE" else miniaudio.mp3_get_info
    try:
        return reader(data)
    except miniaudio.DecodeError:
        if reader is miniaudio.wav_get_info:
            raise PromptFileError("the WAV file cannot be read (damaged, or an encoding WAV players do not "
                                  "know)") from None
        raise PromptFileError("not a WAV or MP3 file") from None


def convert(data: bytes) -> Prompt:
    """The prompt made of `data`; PromptFileError for a file that cannot be one."""
    if not data:
        raise PromptFileError("the file is empty")
    info = _info(data)
    kind = _KINDS.get(info.file_format, str(info.file_format))
    if info.num_frames <= 0 or info.sample_rate <= 0:
        raise PromptFileError(f"the {kind} file holds no sound")
    seconds = info.num_frames / info.sample_rate
    if seconds > MAX_SECONDS:
        raise PromptFileError(f"the recording is {seconds:.0f} s long; a prompt may last {MAX_SECONDS} s at most")
    try:
        decoded = miniaudio.decode(data, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                   sample_rate=SAMPLE_RATE)
    except miniaudio.DecodeError:
        raise PromptFileError(f"the {kind} file cannot be decoded (damaged?)") from None
    samples = decoded.samples
    if not len(samples):
        raise PromptFileError(f"the {kind} file holds no sound")
    if max(samples) < SILENT_PEAK and -min(samples) < SILENT_PEAK:
        raise PromptFileError(f"the {kind} file holds only silence")
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(samples.tobytes())
    return Prompt(out.getvalue(), kind, len(samples) / SAMPLE_RATE)
