"""The app's data files (question bank, prompt recordings, examples, icons).

A regular package, not a bare folder, so importlib.resources finds it in every kind of install:
a wheel, a zip, a PyInstaller bundle, and setuptools' editable install. See core/resources.py.
"""
