"""Shared test set-up: Qt offscreen, settings and data folders inside the test's temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")
# The suite speaks English whatever the machine's locale: tests that want French set LANG themselves (for a child
# process) or call set_language, and variables that would outrank their LANG are removed.
for _var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_var, None)
os.environ["LANG"] = "C.UTF-8"

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings, data and cache go to a fresh folder, so tests never read or write the user's own."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache")):
        (home / sub).mkdir()
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))


@pytest.fixture
def sample_text() -> str:
    """The bundled sample article."""
    from editor.core.resources import sample_article

    return sample_article().read_text(encoding="utf-8")


@pytest.fixture
def random_seed() -> int:
    """A new seed on every run, so repeated runs explore more cases, printed so a failure can be replayed.

    pytest shows a failing test's output, which holds the line to set: `GALLEY_TEST_SEED=<seed> pytest ...`.
    """
    import time

    seed = int(os.environ.get("GALLEY_TEST_SEED") or time.time())
    print(f"random seed: {seed} (replay with GALLEY_TEST_SEED={seed})")
    return seed
