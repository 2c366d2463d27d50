"""Articles from .txt, .md, .html/.htm, .json and .jsonl files.

Every problem becomes a `LoadError` naming the file (and line) in one sentence; nothing here raises on bad input.
JSONL is streamed line by line so a corpus of any size loads in constant memory.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from editor.core.article import Article
from editor.core.decoding import DecodeError, decode_bytes
from editor.core.fileio import os_reason
from editor.core.i18n import N_, _

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

TEXT_FIELDS = ("text", "content", "body", "article", "article_body", "maintext", "full_text", "raw_text")
TITLE_FIELDS = ("title", "headline", "name")
URL_FIELDS = ("url", "link", "source_url", "canonical_url", "href")
DATE_FIELDS = ("date", "published", "date_publish", "pubdate", "published_at", "datetime")
LANG_FIELDS = ("lang", "language", "locale")

MAX_FILE_BYTES = 512 * 1024 * 1024
# Above this an article is refused for checking, with a message: every rule is linear, but 20 million characters
# already take minutes, and no real article comes near (a 200,000-word article is 1.5 million).
MAX_ARTICLE_CHARS = 20_000_000
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, slots=True)
class LoadError:
    """A file or a record that could not be read, with a message for the user."""

    source: str
    message: str
    line: int | None = None  # 1-based line of a JSONL record
    raw: str | None = None  # the bad JSONL line verbatim, so a corpus written back keeps it

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.message}"


LoadItem = Article | LoadError


def _newlines(text: str) -> tuple[str, str]:
    """Text with LF line ends, and the convention the file used (kept for export)."""
    if "\r" not in text:
        return text, "\n"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    style = "\r\n" if crlf >= cr else "\r"
    return text.replace("\r\n", "\n").replace("\r", "\n"), style


def _first(record: dict[str, Any], names: Iterable[str]) -> Any:
    for name in names:
        if name in record and record[name] not in (None, ""):
            return record[name]
    lowered = {k.lower(): v for k, v in record.items() if isinstance(k, str)}
    for name in names:
        if lowered.get(name) not in (None, ""):
            return lowered[name]
    return None


def _clean_str(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        if isinstance(value, (int, float)) and not (isinstance(value, float) and not math.isfinite(value)):
            value = str(value)
        else:
            return None
    return _LONE_SURROGATE.sub("\ufffd", value)


def article_from_record(record: Any, source: str, index: int) -> Article | str:
    """An article from a JSON object, or a message saying why the record is not one."""
    if not isinstance(record, dict):
        return _("expected a JSON object, found {kind}").format(kind=type(record).__name__)
    text = _first(record, TEXT_FIELDS)
    if isinstance(text, list) and all(isinstance(p, str) for p in text):
        text = "\n\n".join(text)
    if not isinstance(text, str):
        return _("no text field (looked for: {fields})").format(fields=", ".join(TEXT_FIELDS))
    text = _clean_str(text) or ""
    text, newline = _newlines(text)
    return Article(
        text=text,
        title=_clean_str(_first(record, TITLE_FIELDS)),
        url=_clean_str(_first(record, URL_FIELDS)),
        date=_clean_str(_first(record, DATE_FIELDS)),
        lang=_clean_str(_first(record, LANG_FIELDS)),
        source=source,
        index=index,
        encoding="utf-8",
        meta={"record": record, "newline": newline, "format": "json"},
    )


def _parse_json(text: str) -> Any:
    """json.loads with its other failures (RecursionError on deep nesting, ValueError on huge numbers) as ValueError."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError(_("nested too deeply")) from None


# What the standard library's json parser says, so a bad record reads in the user's language too (a message not
# listed here stays as json wrote it).
JSON_MESSAGES = (
    N_("Expecting value"),
    N_("Expecting property name enclosed in double quotes"),
    N_("Expecting ':' delimiter"),
    N_("Expecting ',' delimiter"),
    N_("Unterminated string starting at"),
    N_("Invalid control character at"),
    N_("Invalid \\escape"),
    N_("Invalid \\uXXXX escape"),
    N_("Extra data"),
)


def _json_error(e: ValueError) -> str:
    if isinstance(e, json.JSONDecodeError):
        return _("malformed JSON ({problem} at column {column})").format(problem=_(e.msg), column=e.colno)
    if "digits" in str(e):
        return _("malformed JSON (a number with too many digits)")
    return _("malformed JSON ({problem})").format(problem=e)


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what is not a regular file before opening it (a FIFO would block)."""
    st = path.stat()
    if stat.S_ISDIR(st.st_mode):
        raise DecodeError(_("is a folder"))
    if not stat.S_ISREG(st.st_mode):
        raise DecodeError(_("is not a regular file (a pipe or a device)"))
    if st.st_size > MAX_FILE_BYTES:
        raise DecodeError(_("is too large ({size} MB; the limit is 512 MB)").format(size=st.st_size // (1024 * 1024)))
    with open(path, "rb") as f:
        return f.read()


def _html_article(data: str, source: str) -> Article | str:
    from editor.formats.html import extract_article

    return extract_article(data, source)


def _load_whole(path: Path, source: str, encoding: str | None) -> Iterator[LoadItem]:
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if not data:
        yield LoadError(source, _("the file is empty"))
        return
    if not data.strip():
        yield LoadError(source, _("the file contains only white space"))
        return
    decoded = decode_bytes(data, encoding)
    if suffix in HTML_SUFFIXES:
        art = _html_article(decoded.text, source)
        if isinstance(art, str):
            yield LoadError(source, art)
            return
        art.encoding = decoded.encoding
        yield art
        return
    if suffix in JSON_SUFFIXES:
        try:
            obj = _parse_json(decoded.text)
        except ValueError as e:
            yield LoadError(source, _json_error(e))
            return
        records = obj if isinstance(obj, list) else [obj]
        for i, rec in enumerate(records):
            art = article_from_record(rec, source, i)
            if isinstance(art, str):
                yield LoadError(
                    source, _("record {number}: {problem}").format(number=i, problem=art) if len(records) > 1 else art
                )
            else:
                yield art
        return
    text, newline = _newlines(decoded.text)
    if not text.strip():
        yield LoadError(source, _("the file contains only white space"))
        return
    yield Article(
        text=text,
        source=source,
        encoding=decoded.encoding,
        fallback_lines=decoded.fallback_lines,
        meta={
            "newline": newline,
            "bom": decoded.bom,
            "format": "md" if suffix in {".md", ".markdown"} else "txt",
        },
    )


def _load_jsonl(path: Path, source: str, encoding: str | None) -> Iterator[LoadItem]:
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        yield LoadError(source, _("is not a regular file (a pipe or a device)"))
        return
    stats = JsonlStats()
    with open(path, "rb") as f:
        yield from _jsonl_records(enumerate(f, start=1), source, encoding, 0, stats)
    if not stats.any_line:
        yield LoadError(source, _("the file is empty"))


@dataclass(slots=True)
class JsonlStats:
    """What reading a stretch of a JSONL file found: its lines, its articles, whether any line was not blank."""

    lines: int = 0
    articles: int = 0
    any_line: bool = False


def _jsonl_records(
    numbered: Iterable[tuple[int, bytes]],
    source: str,
    encoding: str | None,
    first_index: int,
    stats: JsonlStats,
    at_file_start: bool = True,
) -> Iterator[LoadItem]:
    index = first_index
    for lineno, raw in numbered:
        stats.lines += 1
        if at_file_start and stats.lines == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        stats.any_line = True
        try:
            line = raw.decode(encoding or "utf-8")
        except (UnicodeDecodeError, LookupError):
            yield LoadError(source, _("not valid UTF-8"), line=lineno, raw=raw.decode("latin-1"))
            continue
        try:
            rec = _parse_json(line)
        except ValueError as e:
            yield LoadError(source, _json_error(e), line=lineno, raw=line.rstrip("\r\n"))
            continue
        art = article_from_record(rec, source, index)
        if isinstance(art, str):
            yield LoadError(source, art, line=lineno, raw=line.rstrip("\r\n"))
            continue
        art.meta["line"] = lineno
        index += 1
        stats.articles += 1
        yield art


def _owned_lines(f: BinaryIO, start: int, end: int) -> Iterator[bytes]:
    """The lines whose first byte lies in [start, end): a line cut by `start` belongs to the range before."""
    pos = start
    f.seek(max(0, start - 1))
    if start > 0 and f.read(1) != b"\n":
        pos += len(f.readline())
    while pos < end:
        raw = f.readline()
        if not raw:
            return
        pos += len(raw)
        yield raw


def iter_jsonl_range(
    path: str | os.PathLike[str],
    start: int,
    end: int,
    encoding: str | None = None,
    first_line: int = 1,
    first_index: int = 0,
    stats: JsonlStats | None = None,
) -> Iterator[LoadItem]:
    """Records of the JSONL lines that start in bytes [start, end), numbered from `first_line`/`first_index`.

    Ranges cut at any byte give every line to exactly one range, so a corpus of any size can be split by its size
    alone, without anyone reading it first. Unlike `iter_file`, an empty range is not an error: only the whole file
    can be empty.
    """
    source = str(path)
    stats = stats if stats is not None else JsonlStats()
    try:
        with open(path, "rb") as f:
            yield from _jsonl_records(
                enumerate(_owned_lines(f, start, end), start=first_line),
                source,
                encoding,
                first_index,
                stats,
                at_file_start=start == 0,
            )
    except OSError as e:
        yield LoadError(source, _("permission denied") if isinstance(e, PermissionError) else os_reason(e))
    except MemoryError:
        yield LoadError(source, _("a line too large to load into memory"))


def iter_file(path: str | os.PathLike[str], encoding: str | None = None) -> Iterator[LoadItem]:
    """Articles (and errors) of one file, in order. Never raises for bad input."""
    p = Path(path)
    source = str(path)
    try:
        if not p.exists():
            yield LoadError(source, _("no such file"))
            return
        if p.suffix.lower() in JSONL_SUFFIXES:
            yield from _load_jsonl(p, source, encoding)
        else:
            yield from _load_whole(p, source, encoding)
    except DecodeError as e:
        yield LoadError(source, str(e))
    except PermissionError:
        yield LoadError(source, _("permission denied"))
    except IsADirectoryError:
        yield LoadError(source, _("is a folder"))
    except OSError as e:
        yield LoadError(source, os_reason(e))
    except MemoryError:
        yield LoadError(source, _("too large to load into memory"))


def too_large(article: Article) -> LoadError | None:
    """A clear refusal for an article too large to check or clean in reasonable time, else None."""
    if len(article.text) <= MAX_ARTICLE_CHARS:
        return None
    return LoadError(
        article.source,
        _(
            "article {index} is too large to check ({size} million characters; the limit is {limit} million): "
            "split it into smaller files"
        ).format(index=article.index, size=f"{len(article.text) / 1e6:.0f}", limit=MAX_ARTICLE_CHARS // 1_000_000),
    )


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | LoadError]:
    """Files to load: each path as given, folders walked recursively for supported files, in a stable order."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[Path] = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    Path(root) / f
                    for f in files
                    if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED_SUFFIXES
                )
            yield from sorted(found)
        elif p.exists() or p.is_symlink():
            yield p
        else:
            yield LoadError(str(raw), _("no such file or folder"))


def iter_paths(paths: Iterable[str | os.PathLike[str]], encoding: str | None = None) -> Iterator[LoadItem]:
    """Articles and errors of every file under `paths`."""
    for item in expand_paths(paths):
        if isinstance(item, LoadError):
            yield item
        else:
            yield from iter_file(item, encoding)


def load_paths(
    paths: Iterable[str | os.PathLike[str]], encoding: str | None = None
) -> tuple[list[Article], list[LoadError]]:
    """Everything under `paths`, split into articles and errors."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    for item in iter_paths(paths, encoding):
        (errors if isinstance(item, LoadError) else articles).append(item)  # type: ignore[arg-type]
    return articles, errors
