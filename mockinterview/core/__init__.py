"""Qt-free core shared by the command line and the desktop app.

Nothing in this package may import Qt, audio devices or transcription engines.
"""
