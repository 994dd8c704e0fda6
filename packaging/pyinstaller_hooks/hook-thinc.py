# Replaces pyinstaller-hooks-contrib's hook for thinc (spaCy's maths): the same, without its tests.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("thinc", excludes=["tests"])
hiddenimports = collect_submodules("thinc", filter=lambda name: ".tests" not in name)
