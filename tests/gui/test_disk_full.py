"""A full disk while reviewing: the window says how many changes wait, retries with back-off, and clears once
space is freed. The disk is real: a small tmpfs mounted for the test and filled with a file (SQLite is not mocked).
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from editor.core.session import Session
from tests.gui.conftest import open_and_wait


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs of its own (needs the right to mount, as root in the test container has)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], capture_output=True, check=False)


def _fill(disk: Path) -> Path:
    """Write a file until the disk is full; returns it (deleting it frees the space)."""
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (65536, 512, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError as e:
                assert e.errno == errno.ENOSPC
    finally:
        os.close(fd)
    os.sync()
    return filler


def _active_decisions(path: Path) -> set[int]:
    with Session.open(path, readonly=True) as reader:
        return {int(d.item_id) for d in reader.decisions() if d.item_id is not None}


def test_disk_full_says_how_many_changes_wait_and_clears_after_space_is_freed(
    small_disk: Path, qtbot: Any, window: Any, sample_text: str
) -> None:
    src = small_disk / "a.txt"
    src.write_text(sample_text, encoding="utf-8")
    open_and_wait(qtbot, window, [str(src)])
    session_path = small_disk / "a.txt.galley"
    qtbot.waitUntil(lambda: session_path.exists() and not window.session.has_pending, timeout=10_000)
    assert window.saved_label.text() == "Saved"
    filler = _fill(small_disk)

    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    first, second = window.review.pending()[:2]
    window.select_item(first.id)
    window.reject()
    label = window.saved_label.text()
    assert label.startswith("Not saved (1 change(s) waiting") and "full" in label, label
    assert any(m.startswith("Not saved (1 change(s) waiting") for m in messages), messages
    window.select_item(second.id)
    window.reject()
    assert window.saved_label.text().startswith("Not saved (2 change(s) waiting")
    # the retries fail while the disk is full, back off, and keep counting the same two changes
    qtbot.wait(1500)
    assert window.keeper.retry_timer.interval() > 1000
    assert window.saved_label.text().startswith("Not saved (2 change(s) waiting")
    assert str(window.review.item(first.id).status) == "rejected"  # the work stays in the window

    filler.unlink()
    qtbot.waitUntil(lambda: window.saved_label.text() == "Saved", timeout=40_000)
    message = window.statusBar().currentMessage()
    assert not message.startswith("Not saved"), message
    assert "2 change(s)" in message
    assert {first.id, second.id} <= _active_decisions(session_path)
