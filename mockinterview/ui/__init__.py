"""The PySide6 window: a thin shell over the core. Widgets hold UI; long work runs in workers."""
