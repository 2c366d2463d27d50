"""`galley session FILE`: what a session holds (articles with status and counts; with json, every decision)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from editor.commands import EXIT_INPUT_ERROR, EXIT_OK
from editor.core.i18n import N_, _
from editor.core.session import Session, SessionError

_STATUS_LABEL = {"todo": N_("todo"), "in_progress": N_("in progress"), "done": N_("done")}
_ACTION_COUNT = {
    "accepted": N_("{count} accepted"),
    "rejected": N_("{count} rejected"),
    "ignored": N_("{count} ignored"),
    "reverted": N_("{count} reverted"),
}


_HOUSE_STYLE = {"report": N_("reported once as info"), "keep": N_("kept silently")}


def _settings(stored: object) -> dict[str, object] | None:
    """The check settings the session was reviewed with (stored by the window, read by `galley export`), in the
    terms of `galley check`'s options; None when none were stored."""
    if not isinstance(stored, dict):
        return None
    return {
        "lang": stored.get("lang", "auto"),
        "profile": stored.get("profile", "fr-FR"),
        "house_style": "keep" if stored.get("house_style") is True else "report",
        "enabled": list(stored.get("enabled") or []),
        "disabled": list(stored.get("disabled") or []),
        "glossary": stored.get("glossary_path"),
    }


def _settings_line(settings: dict[str, object]) -> str:
    line = _("checked with: typography {profile}, house style {house_style}").format(
        profile=settings["profile"], house_style=_(_HOUSE_STYLE[str(settings["house_style"])])
    )
    disabled = settings["disabled"]
    if isinstance(disabled, list) and disabled:
        line += "; " + _("turned off: {rules}").format(rules=", ".join(str(d) for d in disabled))
    return line + "\n"


def _action_count(action: str, count: int) -> str:
    """ "3 accepted": the decisions of one kind on an article (an unknown kind keeps its stored name)."""
    return _(_ACTION_COUNT[action]).format(count=count) if action in _ACTION_COUNT else f"{count} {action}"


def run(args: argparse.Namespace) -> int:
    try:
        session = Session.open(args.session, readonly=True)
    except SessionError as e:
        print(f"galley: {e}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    try:
        records = session.articles()
        decisions = session.decisions()
        current = session.current()
        summary = session.summary()
        ignored = session.ignored_words()
        version = session.schema_version()
        settings = _settings(session.get_meta("config"))
    except SessionError as e:
        print(f"galley: {e}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    finally:
        session.close()
    per_article: dict[int, Counter[str]] = {}
    for d in decisions:
        per_article.setdefault(d.article_id, Counter())[str(d.action)] += 1
    if args.format == "json":
        out = {
            "session": str(args.session),
            "version": version,
            "current": {"article": current[0], "cursor": current[1]} if current else None,
            "summary": summary,
            "settings": settings,
            "ignored_words": ignored,
            "articles": [
                {
                    "id": r.id,
                    "source": r.source,
                    "index": r.record_index,
                    "line": r.line,
                    "title": r.title,
                    "url": r.url,
                    "status": str(r.status),
                    "decisions": dict(per_article.get(r.id, Counter())),
                    "sha256": r.sha256,
                    "added_at": r.added_at,
                    "status_at": r.status_at,
                    "saved_at": r.state_at,
                }
                for r in records
            ],
            "decisions": [d.to_json() for d in decisions],
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    w = sys.stdout.write
    by = summary["articles"]
    head = _(
        "{count} article(s): {done} done, {in_progress} in progress, {todo} to do; {decisions} decision(s)"
    ).format(
        count=len(records),
        done=by["done"],
        in_progress=by["in_progress"],
        todo=by["todo"],
        decisions=len(decisions),
    )
    w(f"{args.session}: {head}\n")
    if settings is not None:
        w(_settings_line(settings))
    labels = {k: _(v) for k, v in _STATUS_LABEL.items()}
    width = max(11, *(len(v) for v in labels.values()))
    for r in records:
        counts = per_article.get(r.id, Counter())
        detail = ", ".join(_action_count(a, n) for a, n in sorted(counts.items())) or _("no decisions")
        marker = "*" if current and current[0] == r.id else " "
        w(f"{marker}{r.id:>4}  {labels[str(r.status)]:<{width}}  {r.label}  ({detail})\n")
    if ignored:
        w(_("ignored words: {words}").format(words=", ".join(ignored)) + "\n")
    return EXIT_OK
