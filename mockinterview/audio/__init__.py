"""Audio devices and files: recording (sounddevice → streamed WAV), decoding, resampling."""
