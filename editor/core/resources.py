"""Finding Galley's bundled data (`resources/`) from a checkout and from an installed wheel alike."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The resources folder: `editor/_resources` in a wheel, `<repo>/resources` in a checkout."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_resources", package.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Galley's resources folder is missing; reinstall Galley")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def sample_article() -> Path:
    """The bundled damaged article the editor opens when given no path."""
    return resource("samples", "sample_fr.txt")
