"""hipmap: find and treat the muscles behind hip and glute pain."""

from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent


def default_data_dir() -> Path:
    """data/ shipped beside the package (repo checkout) or inside it (installed wheel)."""
    for candidate in (PACKAGE_DIR / "data", PACKAGE_DIR.parent / "data"):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR.parent / "data"


def default_assets_dir() -> Path:
    for candidate in (PACKAGE_DIR / "assets", PACKAGE_DIR.parent / "assets"):
        if candidate.is_dir():
            return candidate
    return PACKAGE_DIR.parent / "assets"
