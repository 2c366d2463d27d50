"""Runs the rules over an article: the one entry point the CLI, the cleaner and the editor share."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from editor.core.article import Article
from editor.core.findings import Finding, Severity, make_finding
from editor.core.language import detect_language, normalise_lang
from editor.core.rules import rules_for
from editor.core.rules.base import CheckConfig, Context, Rule
from editor.core.text import lines

Progress = Callable[[int, int], None]


def resolve_lang(article: Article, config: CheckConfig) -> str:
    """The language to check in: the one asked for, else the article's own, else detected from the text."""
    forced = normalise_lang(config.lang) if config.lang != "auto" else None
    return forced or normalise_lang(article.lang) or detect_language(article.text)


def _run(rules: Iterable[Rule], ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rule in rules:
        out.extend(rule.check(ctx))
    return out


# Categories whose automatic fix deletes a whole stretch (a tag, a boilerplate line, a repeated title): anything
# else found inside such a stretch is moot, and listing it would only make the person reject it by hand.
_REMOVERS = frozenset({"markup", "boilerplate", "duplicate"})


def _is_removal(f: Finding) -> bool:
    return f.auto and f.category in _REMOVERS and bool(f.suggestions) and f.suggestions[0] == "" and f.end > f.start


def _tidy(findings: list[Finding]) -> list[Finding]:
    """Sorted by position; exact repeats (same rule and span) and findings inside removed stretches dropped."""
    seen: set[tuple[str, int, int]] = set()
    ordered = sorted(findings, key=lambda f: (f.start, -f.end, f.rule))
    removals = [f for f in ordered if _is_removal(f)]
    tidy: list[Finding] = []
    r = 0
    cover_end = -1  # furthest end of the removals that start at or before the current finding
    for f in ordered:
        while r < len(removals) and removals[r].start <= f.start:
            cover_end = max(cover_end, removals[r].end)
            r += 1
        if f.end <= cover_end and not _is_removal(f) and f.category not in _REMOVERS:
            continue
        k = (f.rule, f.start, f.end)
        if k not in seen:
            seen.add(k)
            tidy.append(f)
    tidy.sort(key=lambda f: (f.start, f.end, f.rule))
    return tidy


def analyse_text(
    text: str,
    lang: str,
    config: CheckConfig | None = None,
    *,
    source_url: str | None = None,
    title: str | None = None,
) -> list[Finding]:
    """Every finding of every enabled rule on `text`, sorted by position."""
    config = config or CheckConfig()
    ctx = Context(text=text, lang=lang, config=config, source_url=source_url, title=title)
    return _tidy(_run(rules_for(lang, config), ctx))


def analyse(article: Article, config: CheckConfig | None = None) -> list[Finding]:
    """Every finding on an article, including lines that could only be decoded with a fallback encoding."""
    config = config or CheckConfig()
    lang = resolve_lang(article, config)
    found = analyse_text(article.text, lang, config, source_url=article.url, title=article.title)
    if article.fallback_lines and config.wants("encoding.fallback-line"):
        spans = lines(article.text)
        for n in article.fallback_lines:
            if n < len(spans):
                s, e = spans[n]
                found.append(
                    make_finding(
                        article.text,
                        "encoding.fallback-line",
                        Severity.WARNING,
                        s,
                        e,
                        f"this line was not valid {article.encoding}; it was read as cp1252: check its accents",
                    )
                )
        found = _tidy(found)
    return found


def recheck_paragraph(
    text: str,
    start: int,
    end: int,
    lang: str,
    config: CheckConfig | None = None,
    *,
    source_url: str | None = None,
) -> list[Finding]:
    """Findings of the paragraph-scoped rules on text[start:end], in article offsets (the editor's re-check)."""
    config = config or CheckConfig()
    ctx = Context(text=text[start:end], lang=lang, config=config, source_url=source_url, offset=start)
    rules = [r for r in rules_for(lang, config) if r.scope == "paragraph"]
    return [f.shifted(start) for f in _tidy(_run(rules, ctx))]
