"""Playing a prompt on this computer's speakers (IVR page, Play). PySide6-Essentials has no QtMultimedia (it is in
the 170 MB Addons wheel); miniaudio, which the service uses to convert recordings, also drives the sound output of
Linux, Windows and macOS. The audio thread only pulls samples from a generator; the device is opened and closed on
the GUI thread."""

from __future__ import annotations

from collections.abc import Generator, Sequence

import miniaudio


class SoundError(Exception):
    """No sound output, or a file that is not a playable WAV; the text says which."""


class SoundPlayer:
    def __init__(self, backends: Sequence[miniaudio.Backend] | None = None) -> None:
        self._backends = list(backends) if backends else None
        self._device: miniaudio.PlaybackDevice | None = None
        self._left = 0  # frames not yet handed to the device

    @property
    def playing(self) -> bool:
        return self._device is not None and self._left > 0

    def play(self, wav: bytes) -> float:
        """Start playing the WAV file (stopping what played); its length in seconds."""
        self.stop()
        try:
            sound = miniaudio.decode(wav, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                     sample_rate=8000)
        except miniaudio.DecodeError as error:
            raise SoundError(f"not a playable WAV file: {error}") from None
        try:
            device = miniaudio.PlaybackDevice(output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                                              sample_rate=8000, backends=self._backends)
        except miniaudio.MiniaudioError as error:
            raise SoundError(f"no sound output on this computer ({error.args[0]})") from None
        self._left = sound.num_frames
        feed = self._feed(sound.samples)
        next(feed)
        try:
            device.start(feed)
        except miniaudio.MiniaudioError as error:
            device.close()
            raise SoundError(f"the sound output did not start ({error.args[0]})") from None
        self._device = device
        return float(sound.num_frames / 8000)

    def _feed(self, samples: Sequence[int]) -> Generator[bytes | Sequence[int], int, None]:
        position = 0
        wanted = yield b""
        while position < len(samples):
            chunk = samples[position:position + wanted]
            position += len(chunk)
            self._left = len(samples) - position
            wanted = yield chunk
        self._left = 0

    def stop(self) -> None:
        device, self._device = self._device, None
        self._left = 0
        if device is not None:
            device.close()
