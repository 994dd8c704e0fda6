"""The Settings dialog on its own: microphone names a user recognises, and a wrapped
microphone note that does not squash the rows below it."""
from __future__ import annotations

from pathlib import Path

from mockinterview.audio.devices import InputDevice, mark_repeated_names
from mockinterview.core.settings import Settings
from mockinterview.ui.settings_dialog import SettingsDialog


def _dialog(qtbot, devices):
    d = SettingsDialog(Settings(), devices=devices, engines=[("faster-whisper", True)], models=["tiny.en"],
                       data_dir=Path("/tmp/data"), data_dir_fixed=False)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_microphone_list_says_what_each_device_is_and_remembers_portaudio_names(qtbot):
    devices = mark_repeated_names([
        InputDevice(0, "HDA Intel PCH: ALC3246 Analog (hw:0,0)", 48_000, 2, False, "ALSA"),
        InputDevice(1, "pulse", 44_100, 32, False, "ALSA"),
        InputDevice(2, "default", 44_100, 32, True, "ALSA"),
        InputDevice(3, "Headset (USB)", 48_000, 1, False, "MME"),
        InputDevice(4, "Headset (USB)", 48_000, 1, False, "Windows WASAPI")])
    d = _dialog(qtbot, devices)
    shown = [d.device.itemText(i) for i in range(d.device.count())]
    assert shown == ["System default",
                     "ALC3246 Analog, on HDA Intel PCH",
                     "Sound server (PulseAudio/PipeWire): the input chosen in your sound settings",
                     "System default input — the default",
                     "Headset (USB) (through MME)",
                     "Headset (USB) (through Windows WASAPI)"]
    assert "pulse" not in shown and "default (default)" not in shown
    d.device.setCurrentIndex(2)
    assert d.chosen().input_device == "pulse"          # the setting keeps the name PortAudio knows


def test_a_wrapped_microphone_note_does_not_squash_the_data_folder_row(qtbot):
    d = _dialog(qtbot, [InputDevice(0, "pulse", 44_100, 2, True)])
    before = d.data.height()
    one_line = d.test_note.fontMetrics().lineSpacing()
    long_note = "No sound from this microphone: is it muted, or is another input selected? " * 3
    d.mic._say(long_note)
    qtbot.wait(50)
    assert d.test_note.height() >= 3 * one_line        # the whole note is shown
    assert d.data.height() >= before                    # and the row below keeps its height
    assert d.data.height() >= d.data.minimumSizeHint().height()
