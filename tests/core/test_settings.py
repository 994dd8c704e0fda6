"""Settings: stored per user, bad or stale values fall back with a notice; the data folder."""
import json

from mockinterview.core import paths, settings
from mockinterview.core.settings import Settings


def test_round_trip_and_defaults(tmp_path):
    path = tmp_path / "s.json"
    assert settings.load(path) == (Settings(), [])
    s = Settings(input_device="USB Mic", engine="openai-whisper", model="base.en", thinking_time_s=20,
                 voice=False, hide_question_until_spoken=True, data_dir=str(tmp_path / "d"))
    settings.save(s, path)
    assert settings.load(path) == (s, [])


def test_bad_values_fall_back_with_a_notice(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"thinking_time_s": "ten", "voice": "yes", "model": 3, "input_device": None,
                                "engine": "faster-whisper", "unknown": 1}))
    s, notices = settings.load(path)
    assert (s.thinking_time_s, s.voice, s.model, s.engine) == (0, True, "tiny.en", "faster-whisper")
    assert len(notices) == 3 and any("thinking_time_s" in n for n in notices)
    path.write_text(json.dumps({"thinking_time_s": -5}))
    assert settings.load(path)[0].thinking_time_s == 0
    path.write_text(json.dumps({"thinking_time_s": True}))
    assert settings.load(path)[0].thinking_time_s == 0        # a bool is not a number of seconds here
    path.write_text("{not json")
    s, notices = settings.load(path)
    assert s == Settings() and "could not be read" in notices[0]


def test_data_folder_comes_from_env_then_settings_then_platform(tmp_path, monkeypatch):
    assert paths.data_dir() == tmp_path / "data" and paths.data_dir_is_fixed()
    monkeypatch.delenv("MOCKINTERVIEW_DATA_DIR")
    assert paths.data_dir() == paths.default_data_dir() == tmp_path / "xdg-data" / "mockinterview"
    settings.save(Settings(data_dir=str(tmp_path / "elsewhere")))
    assert paths.data_dir() == tmp_path / "elsewhere" and not paths.data_dir_is_fixed()


def test_the_welcome_flag_round_trips_and_settings_from_before_it_still_load(tmp_path):
    path = tmp_path / "s.json"
    # a settings file written before the flag existed: every value it has is kept, without a notice
    old = {"input_device": "USB Mic", "engine": "openai-whisper", "model": "base.en", "thinking_time_s": 20,
           "voice": False, "hide_question_until_spoken": True, "data_dir": None}
    path.write_text(json.dumps(old))
    s, notices = settings.load(path)
    assert notices == [] and s.welcome_shown is False
    assert (s.input_device, s.model, s.thinking_time_s, s.voice) == ("USB Mic", "base.en", 20, False)
    settings.save(Settings(welcome_shown=True), path)
    assert settings.load(path) == (Settings(welcome_shown=True), [])
    path.write_text(json.dumps({"welcome_shown": "yes"}))
    s, notices = settings.load(path)
    assert s.welcome_shown is False and "welcome_shown" in notices[0]
