"""Input devices behind a small backend protocol: PortAudio (sounddevice) for real, fakes in tests."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol


class RecorderError(Exception):
    """Recording cannot start or went wrong; the message is fit to show the user."""


# PortAudio's names for the sound servers and ALSA's virtual devices, in words a user knows
_KNOWN = {"pulse": "Sound server (PulseAudio/PipeWire): the input chosen in your sound settings",
          "pipewire": "Sound server (PipeWire): the input chosen in your sound settings",
          "default": "System default input",
          "sysdefault": "System default input (ALSA)"}
_ALSA_HW = re.compile(r"^(?P<card>.+?): (?P<device>.+?) \(hw:(?P<c>\d+),(?P<d>\d+)\)$")


@dataclass(frozen=True, slots=True)
class InputDevice:
    index: int
    name: str                        # PortAudio's name: what the settings remember
    default_rate: int
    channels: int
    is_default: bool
    host_api: str = ""               # shown only when the same name comes through several APIs
    same_name_elsewhere: bool = False

    @property
    def label(self) -> str:
        """What the microphone list shows: "HDA Intel PCH: ALC3246 Analog (hw:0,0)" becomes
        "ALC3246 Analog, on HDA Intel PCH"; "pulse" says it is the sound server."""
        text = _KNOWN.get(self.name.lower())
        if text is None:
            m = _ALSA_HW.match(self.name)
            text = f"{m['device']}, on {m['card']}" if m else self.name
        if self.same_name_elsewhere and self.host_api:
            text += f" (through {self.host_api})"
        return text + (" — the default" if self.is_default else "")


class Stream(Protocol):
    active: bool

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...


class AudioBackend(Protocol):
    def input_devices(self) -> list[InputDevice]: ...

    def open_input(self, device: InputDevice, rate: int, channels: int, blocksize: int,
                   callback: Callable[[Any, int], None], on_finished: Callable[[], None]) -> Stream: ...


class SoundDeviceBackend:
    """PortAudio through sounddevice. Import problems become clear RecorderErrors."""

    def __init__(self):
        try:
            import sounddevice
        except OSError:
            raise RecorderError("The PortAudio library is missing, so no microphone can be used. "
                                "Install it (Debian/Ubuntu: apt install libportaudio2) and try again.") from None
        self._sd = sounddevice

    def input_devices(self) -> list[InputDevice]:
        sd = self._sd
        try:
            devices = sd.query_devices()
            default_in = sd.default.device[0] if sd.default.device else -1
        except sd.PortAudioError as exc:
            raise RecorderError(f"cannot list audio devices: {exc}") from None
        out = []
        for i, d in enumerate(devices):
            if d["max_input_channels"] > 0:
                try:
                    api = sd.query_hostapis(d["hostapi"])["name"]
                except (sd.PortAudioError, IndexError, KeyError):
                    api = ""
                out.append(InputDevice(i, d["name"], int(d["default_samplerate"]), int(d["max_input_channels"]),
                                       i == default_in, api))
        return mark_repeated_names(out)

    def open_input(self, device, rate, channels, blocksize, callback, on_finished):
        sd = self._sd

        def cb(indata, frames, _time, status):
            callback(indata, frames)

        try:
            sd.check_input_settings(device=device.index, samplerate=rate, channels=channels, dtype="float32")
            return sd.InputStream(device=device.index, samplerate=rate, channels=channels, dtype="float32",
                                  blocksize=blocksize, latency="low", callback=cb,
                                  finished_callback=on_finished)
        except (sd.PortAudioError, ValueError) as exc:
            raise RecorderError(f"cannot open microphone {device.name!r}: {exc}") from None


def mark_repeated_names(devices: list[InputDevice]) -> list[InputDevice]:
    """Windows lists one microphone once per audio API (MME, WASAPI…): say which is which."""
    names = [d.name for d in devices]
    return [replace(d, same_name_elsewhere=names.count(d.name) > 1) for d in devices]


def pick_device(devices: list[InputDevice], wanted: str | None) -> tuple[InputDevice, str | None]:
    """The remembered device by name, else the default. Returns (device, notice or None)."""
    if not devices:
        raise RecorderError("No microphone found. Connect one (or enable it in your system's sound "
                            "settings) and try again.")
    default = next((d for d in devices if d.is_default), devices[0])
    if not wanted:
        return default, None
    for d in devices:
        if d.name == wanted:
            return d, None
    return default, f"The microphone {wanted!r} is not available; using {default.name!r} instead."
