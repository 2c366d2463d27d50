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
