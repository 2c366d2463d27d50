"""Where a session lives, and how the session recognises its source files (a path key, a content fingerprint)."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Sequence
from pathlib import Path

SUFFIX = ".galley"
# A file changed less than this long before it was fingerprinted may change again without its size or time
# stamps moving (their resolution is coarse on many file systems): such a fingerprint is not cached.
RACY_NS = 2_000_000_000


def default_session_path(paths: Sequence[str | os.PathLike[str]]) -> Path:
    """See `Session.default_path`."""
    resolved = [Path(p).expanduser().resolve() for p in paths]
    if len(resolved) == 1:
        target = resolved[0]
        if target.is_dir():
            candidate = target / ".galley" / "session.galley"
            folder_ok = (
                default_folder_writable(candidate.parent)
                if candidate.parent.exists()
                else default_folder_writable(target)
            )
        else:
            candidate = target.with_name(target.name + SUFFIX)
            folder_ok = default_folder_writable(target.parent)
        if folder_ok and (not candidate.exists() or os.access(candidate, os.W_OK)):
            return candidate
    return user_data_session(resolved)


def default_folder_writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def user_data_session(resolved: Sequence[Path]) -> Path:
    import platformdirs

    from editor.core.fileio import safe_stem

    key = "\n".join(sorted(str(p) for p in resolved)) or "<sample>"
    digest = hashlib.sha256(key.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]
    first = min(resolved, key=str) if resolved else None
    name = safe_stem(first.name if first else "sample", fallback="session", max_bytes=60)
    return Path(platformdirs.user_data_dir("galley")) / "sessions" / f"{name}-{digest}{SUFFIX}"


def source_key(source: str) -> str:
    if source.startswith("<"):
        return source
    try:
        return str(Path(source).resolve())
    except OSError:
        return source


def file_signature(source: str) -> tuple[int | None, int | None]:
    try:
        st = os.stat(source)
    except (OSError, ValueError):
        return None, None
    return st.st_size, st.st_mtime_ns


class Fingerprints:
    """Content fingerprints of source files, each computed once while the file's status shows no change.

    A fingerprint is cached only when the file's last change is older than `RACY_NS` before it was read, so a
    later edit that keeps size and time stamps (possible within their resolution) is still seen: the cache key
    includes the change time, which no tool can set back."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[tuple[int, ...], str]] = {}

    def __call__(self, source: str) -> str | None:
        try:
            st = os.stat(source)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(st.st_mode):
            return None
        key = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
        hit = self._cache.get(source)
        if hit is not None and hit[0] == key:
            return hit[1]
        started = time.time_ns()
        try:
            with open(source, "rb") as f:
                digest = hashlib.file_digest(f, "blake2b").hexdigest()
        except (OSError, ValueError):
            return None
        if max(st.st_mtime_ns, st.st_ctime_ns) < started - RACY_NS:
            self._cache[source] = (key, digest)
        else:
            self._cache.pop(source, None)
        return digest
