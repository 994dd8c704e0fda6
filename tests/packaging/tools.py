"""The system tools the packaging checks run (validators, dpkg-deb, flatpak-builder)."""
import shutil

import pytest


def require(name: str, package: str) -> str:
    """The tool's path. packaging/setup.sh installs these on Debian and Ubuntu, so there a missing
    one fails the test (a skip would hide a broken file). On other systems, where setup.sh cannot
    install them, the check is skipped, saying why; CI runs on Debian."""
    path = shutil.which(name)
    if path is None:
        why = f"{name} is not installed (Debian: apt-get install {package}; packaging/setup.sh test does it)"
        if shutil.which("dpkg"):
            pytest.fail(why)
        pytest.skip(why)
    return path
