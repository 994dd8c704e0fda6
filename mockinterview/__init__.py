"""mockinterview: rehearse job-interview answers aloud, on your own machine."""


def __getattr__(name: str):
    # Read on first use, not at import: the one version number is pyproject.toml's (core/resources.py).
    if name == "__version__":
        from .core.resources import version
        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
