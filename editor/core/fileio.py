"""Writing output files so that a crash, a kill or a full disk never leaves a half-written one.

Python's own I/O rather than QSaveFile: QSaveFile can commit a truncated file after a short write
(its error state stays clear and `commit()` succeeds).
Every target is either the old file or the complete new one; temporary files live beside the target (same file
system, so the final rename is atomic) under a recognisable name so a later run can remove stale ones. A written
file gets the permissions of any new file (`0o666 & ~umask`), like a file saved by any other program.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import unicodedata
from pathlib import Path

from editor.core.i18n import N_, _

TEMP_PREFIX = ".galley-tmp-"
_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"com{i}" for i in range(1, 10)] + [f"lpt{i}" for i in range(1, 10)]
)
_UNSAFE = re.compile(r"[^\w\-]+")
_DASHES = re.compile(r"-{2,}")


# The C library's words for the usual file errors. `OSError.strerror` reads in English whatever the locale (Python
# leaves LC_MESSAGES alone), so Galley's catalogue translates these; any other stays as the system wrote it.
OS_REASONS = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Operation not permitted"),
    N_("No space left on device"),
    N_("Disk quota exceeded"),
    N_("File too large"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("Read-only file system"),
    N_("File exists"),
    N_("File name too long"),
    N_("Too many levels of symbolic links"),
    N_("Input/output error"),
    N_("Directory not empty"),
    N_("Device or resource busy"),
    N_("Connection refused"),
)


def os_reason(e: OSError) -> str:
    """Why `e` happened, for a message: the system's words, in the user's language when the catalogue has them."""
    return _(e.strerror) if e.strerror else str(e)


class ExportError(OSError):
    """A file could not be written; the message is for the user and names the file."""


def _explain(path: Path, e: OSError) -> str:
    if e.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return _("{path}: the disk is full (nothing was written)").format(path=path)
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("{path}: the folder is not writable").format(path=path)
    if e.errno == errno.EISDIR:
        return _("{path}: is a folder").format(path=path)
    if e.errno == errno.ENOENT:
        return _("{path}: the folder does not exist").format(path=path)
    return f"{path}: {os_reason(e)}"


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _create_temporary(folder: Path) -> tuple[int, str]:
    """A new, empty temporary file in `folder` with the permissions any new file gets (`0o666 & ~umask`).

    Not `tempfile.mkstemp`: it creates files readable by their owner only, and the rename keeps that mode, so
    every export would end up private. Letting the kernel apply the umask (and any default ACL) at creation
    avoids reading the umask, which cannot be done without briefly changing it for every thread."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        name = os.path.join(folder, f"{TEMP_PREFIX}{secrets.token_hex(8)}.part")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue
    raise OSError(errno.EEXIST, "no free temporary file name", str(folder))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> None:
    """Replace `path` with `data` in one step, or leave it as it was and raise ExportError."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(_("{path}: is a folder").format(path=target))
    if target.exists() and not overwrite:
        raise ExportError(_("{path}: already exists (use --force to overwrite)").format(path=target))
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name: str | None = None
    try:
        fd, tmp_name = _create_temporary(folder)
        with os.fdopen(fd, "wb") as f:
            view = memoryview(data)
            while view:
                written = f.write(view)
                if not written:
                    raise OSError(errno.ENOSPC, "short write")
                view = view[written:]
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
        _fsync_dir(folder)
    except OSError as e:
        raise ExportError(_explain(target, e)) from e
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def atomic_write_text(path: str | os.PathLike[str], text: str, *, overwrite: bool = False, newline: str = "\n") -> None:
    """Text version of `atomic_write_bytes`: UTF-8, LF line ends converted to `newline`."""
    if newline != "\n":
        text = text.replace("\n", newline)
    atomic_write_bytes(path, text.encode("utf-8", errors="surrogatepass"), overwrite=overwrite)


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> int:
    """Delete temporary files an interrupted write left in `folder`; returns how many."""
    removed = 0
    try:
        entries = list(Path(folder).glob(TEMP_PREFIX + "*.part"))
    except OSError:
        return 0
    for p in entries:
        try:
            p.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def safe_stem(name: str | None, fallback: str = "article", max_bytes: int = 150) -> str:
    """A file-name stem from a title: letters, digits, '-' and '_' only, capped in UTF-8 bytes.

    No separators or dots survive, so a title can neither leave the folder (`../../x`) nor name a hidden file,
    and reserved device names (CON, NUL...) get a suffix.
    """
    text = unicodedata.normalize("NFC", name or "")
    slug = _DASHES.sub("-", _UNSAFE.sub("-", text)).strip("-_").lower()
    encoded = slug.encode("utf-8")
    if len(encoded) > max_bytes:
        slug = encoded[:max_bytes].decode("utf-8", errors="ignore").rstrip("-_")
    if not slug:
        slug = safe_stem(fallback, "article", max_bytes) if fallback != name else "article"
    if slug.split(".", 1)[0] in _RESERVED:
        slug += "_"
    return slug


class NameAllocator:
    """Unique output paths inside one folder: `stem.ext`, `stem-2.ext`, ... never leaving the folder."""

    def __init__(self, folder: str | os.PathLike[str], *, avoid_existing: bool = True) -> None:
        self.folder = Path(folder)
        self._root = self.folder.resolve()
        self._taken: set[str] = set()
        self._avoid_existing = avoid_existing

    def allocate(self, stem: str, suffix: str) -> Path:
        stem = safe_stem(stem)
        suffix = suffix if suffix.startswith(".") else "." + suffix
        n = 1
        while True:
            name = f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"
            candidate = self.folder / name
            if name.lower() not in self._taken and not (self._avoid_existing and candidate.exists()):
                break
            n += 1
        if candidate.resolve().parent != self._root:
            raise ExportError(_("{path}: would be written outside {folder}").format(path=candidate, folder=self.folder))
        self._taken.add(name.lower())
        return candidate
