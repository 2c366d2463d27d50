"""wordfreq's word lists (French, and other languages' small lists) as compact sorted tables, cached on disk.

Why not a dict: the `large` list holds 311,000 words; as a dict of Python strings it costs ~35 MB in every check
process (and in the editor), and unpacking it ~0.15 s. Here the words are kept as one block of UTF-8 bytes in
sorted order with an array of offsets and one of buckets (~4.5 MB), and a look-up is a binary search (a few
microseconds; callers cache their answers). The table is built from wordfreq's msgpack file on first use and kept
in the user cache folder, keyed by that file's size and mtime; later processes only read it, so the 35 MB of
transient strings that unpacking needs are paid once per machine, not once per process.

Why not `wordfreq.zipf_frequency`: importing wordfreq pulls in its tokenisers (langcodes, regex) and costs 1.2 s
before the first answer. Its data files are read directly (msgpack, wordfreq's own dependency; the documented
`cBpack` layout: a header, then one list of words per bucket, bucket k meaning Zipf 9 - k / 100).
"""

from __future__ import annotations

import bisect
import gzip
import importlib.util
import os
import sys
from array import array
from pathlib import Path

_MAGIC = b"GALFREQ1"
_FORMAT = "1"


class _Words:
    """The sorted words as a sequence of UTF-8 byte strings (what `bisect` needs)."""

    __slots__ = ("blob", "offsets")

    def __init__(self, blob: bytes, offsets: array[int]) -> None:
        self.blob = blob
        self.offsets = offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, i: int) -> bytes:
        return self.blob[self.offsets[i] : self.offsets[i + 1]]


class FrequencyTable:
    """word → wordfreq bucket (0 = the most frequent; Zipf = 9 - bucket / 100), or None for an unlisted word."""

    def __init__(self, blob: bytes = b"", offsets: array[int] | None = None, buckets: array[int] | None = None) -> None:
        self._words = _Words(blob, offsets if offsets is not None else array("I", [0]))
        self._buckets = buckets if buckets is not None else array("H")

    def __len__(self) -> int:
        return len(self._buckets)

    def get(self, word: str) -> int | None:
        try:
            key = word.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: never a listed word
            return None
        i = bisect.bisect_left(self._words, key)
        if i < len(self._buckets) and self._words[i] == key:
            return self._buckets[i]
        return None

    def to_bytes(self) -> bytes:
        head = _MAGIC + len(self._buckets).to_bytes(4, "little") + sys.byteorder[0].encode()
        return head + self._words.offsets.tobytes() + self._buckets.tobytes() + self._words.blob

    @classmethod
    def from_bytes(cls, data: bytes) -> FrequencyTable:
        if data[:8] != _MAGIC or data[12:13] != sys.byteorder[0].encode():
            raise ValueError("not a frequency table of this machine")
        n = int.from_bytes(data[8:12], "little")
        pos = 13
        offsets = array("I")
        offsets.frombytes(data[pos : pos + 4 * (n + 1)])
        pos += 4 * (n + 1)
        buckets = array("H")
        buckets.frombytes(data[pos : pos + 2 * n])
        pos += 2 * n
        blob = data[pos:]
        if len(offsets) != n + 1 or len(buckets) != n or offsets[-1] != len(blob):
            raise ValueError("truncated frequency table")
        return cls(blob, offsets, buckets)

    @classmethod
    def from_buckets(cls, buckets: list[list[bytes]]) -> FrequencyTable:
        """From wordfreq's bucket lists (most frequent first); a word listed twice keeps its most frequent bucket."""
        best: dict[bytes, int] = {}
        for k, words in enumerate(buckets):
            for w in words:
                best.setdefault(w, k)
        ordered = sorted(best)
        offsets = array("I", [0])
        total = 0
        for w in ordered:
            total += len(w)
            offsets.append(total)
        return cls(b"".join(ordered), offsets, array("H", [best[w] for w in ordered]))


def _source(size: str, lang: str = "fr") -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    folders = spec.submodule_search_locations if spec else None
    if not folders:
        return None
    path = Path(next(iter(folders)), "data", f"{size}_{lang}.msgpack.gz")
    return path if path.is_file() else None


def _cache_path(source: Path) -> Path:
    from platformdirs import user_cache_dir

    st = source.stat()
    name = f"{source.name.split('.')[0]}-v{_FORMAT}-{st.st_size}-{int(st.st_mtime)}.freq"
    return Path(user_cache_dir("galley", appauthor=False)) / "frequencies" / name


def _build(source: Path) -> FrequencyTable:
    import msgpack

    with gzip.open(source, "rb") as f:
        data = msgpack.load(f, raw=True)
    if not (isinstance(data, list) and data and isinstance(data[0], dict)):
        raise ValueError("not a cBpack list")
    for bucket in data[1:]:
        for w in bucket:
            w.decode("utf-8")  # wordfreq's words are UTF-8: a broken file is refused, not half read
    return FrequencyTable.from_buckets(data[1:])


def load(size: str, lang: str = "fr") -> FrequencyTable:
    """wordfreq's list of that size for `lang` (French `small`: 31k words, `large`: 311k); empty when wordfreq or
    that language's list is missing. Other languages' lists tell a foreign word from a French typo."""
    source = _source(size, lang)
    if source is None:
        return FrequencyTable()
    path = _cache_path(source)
    try:
        return FrequencyTable.from_bytes(path.read_bytes())
    except (OSError, ValueError):
        pass
    table = _build(source)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(table.to_bytes())
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder only costs the rebuild next time
    return table
