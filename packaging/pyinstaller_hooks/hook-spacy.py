# Replaces pyinstaller-hooks-contrib's hook for spaCy (hooks given with hookspath take precedence):
# the same data files and submodules, without spaCy's own test suite (it imports pytest).
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("spacy", excludes=["tests"])
hiddenimports = collect_submodules("spacy", filter=lambda name: ".tests" not in name)
