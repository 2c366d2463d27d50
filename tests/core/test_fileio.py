"""Output files are whole or absent, and names built from titles stay inside the export folder."""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from editor.core.fileio import (
    TEMP_PREFIX,
    ExportError,
    NameAllocator,
    atomic_write_text,
    remove_stale_temporaries,
    safe_stem,
)

REPO = Path(__file__).resolve().parents[2]


def test_atomic_write_replaces_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    atomic_write_text(target, "première version")
    with pytest.raises(ExportError, match="already exists"):
        atomic_write_text(target, "seconde")
    assert target.read_text(encoding="utf-8") == "première version"
    atomic_write_text(target, "seconde\nligne", overwrite=True, newline="\r\n")
    assert target.read_bytes() == b"seconde\r\nligne"
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))


def test_target_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.txt").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        atomic_write_text(tmp_path / "out.txt", "x", overwrite=True)


def test_read_only_folder_gives_a_clear_error() -> None:
    """Run as an unprivileged user (root ignores folder permissions) against a folder it may not write."""
    folder = Path(tempfile.mkdtemp(prefix="galley-ro-"))
    try:
        folder.chmod(0o555)
        code = textwrap.dedent(
            f"""
            import os, sys
            from editor.core.fileio import atomic_write_text, ExportError
            from editor.core.i18n import set_language
            set_language(None)  # the message catalogue too: its error messages are translated
            if os.geteuid() == 0:  # imports first: the interpreter's own files may be private to root
                os.setgid(65534)
                os.setuid(65534)
            try:
                atomic_write_text({str(folder / "a.txt")!r}, "x")
            except ExportError as e:
                print(e)
                sys.exit(3)
            """
        )
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO)
        assert r.returncode == 3, r.stderr
        assert "not writable" in r.stdout
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
        shutil.rmtree(folder)


def test_full_disk_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    """A child process limited to 1 KB files stands in for a full disk (RLIMIT_FSIZE, SIGXFSZ ignored)."""
    target = tmp_path / "article.txt"
    target.write_text("ancien contenu complet", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
        from editor.core.fileio import atomic_write_text, ExportError
        try:
            atomic_write_text({str(target)!r}, "é" * 100_000, overwrite=True)
        except ExportError as e:
            print(e)
            sys.exit(3)
        """
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3, r.stderr
    assert "disk is full" in r.stdout
    assert target.read_text(encoding="utf-8") == "ancien contenu complet"
    assert not list(tmp_path.glob(TEMP_PREFIX + "*"))
    assert resource.getrlimit(resource.RLIMIT_FSIZE)  # the parent is unaffected


def test_stale_temporaries_are_removed(tmp_path: Path) -> None:
    (tmp_path / f"{TEMP_PREFIX}abc.part").write_text("half")
    (tmp_path / "keep.txt").write_text("x")
    assert remove_stale_temporaries(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Trump parle avec Poutine", "trump-parle-avec-poutine"),
        ("../../etc/passwd", "etc-passwd"),
        ("/absolute/title", "absolute-title"),
        ("Été 2025 : « crise » 🇺🇦", "été-2025-crise"),
        ("CON", "con_"),
        ("...", "article"),
        ("", "article"),
    ],
)
def test_safe_stem(title: str, expected: str) -> None:
    assert safe_stem(title) == expected


def test_safe_stem_caps_bytes_without_breaking_characters() -> None:
    stem = safe_stem("é" * 400 + "🙂" * 70)
    assert len(stem.encode("utf-8")) <= 150
    stem.encode("utf-8").decode("utf-8")


def test_allocator_avoids_collisions_and_existing_files(tmp_path: Path) -> None:
    (tmp_path / "titre.txt").write_text("already here")
    names = NameAllocator(tmp_path)
    first = names.allocate("Titre", ".txt")
    second = names.allocate("titre", "txt")
    assert first.name == "titre-2.txt"
    assert second.name == "titre-3.txt"
    assert names.allocate("../../x", ".txt").parent == tmp_path


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_written_files_follow_the_umask_like_any_new_file(tmp_path: Path, umask: int) -> None:
    """Not owner-only: an export is meant to be read by others (a team, a web server) when the umask allows."""
    import os
    import stat

    old = os.umask(umask)
    try:
        atomic_write_text(tmp_path / "new.txt", "x")
        atomic_write_text(tmp_path / "replaced.txt", "x")
        atomic_write_text(tmp_path / "replaced.txt", "y", overwrite=True)
    finally:
        os.umask(old)
    for name in ("new.txt", "replaced.txt"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask
