"""`galley session FILE`: what a session holds (articles with status and counts; with json, every decision)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from editor.commands import EXIT_INPUT_ERROR, EXIT_OK
from editor.core.session import Session, SessionError

_STATUS_LABEL = {"todo": "todo", "in_progress": "in progress", "done": "done"}


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
    w(
        f"{args.session}: {len(records)} article(s): {by['done']} done, {by['in_progress']} in progress, "
        f"{by['todo']} to do; {len(decisions)} decision(s)\n"
    )
    for r in records:
        counts = per_article.get(r.id, Counter())
        detail = ", ".join(f"{n} {a}" for a, n in sorted(counts.items())) or "no decisions"
        marker = "*" if current and current[0] == r.id else " "
        w(f"{marker}{r.id:>4}  {_STATUS_LABEL[str(r.status)]:<11}  {r.label}  ({detail})\n")
    if ignored:
        w(f"ignored words: {', '.join(ignored)}\n")
    return EXIT_OK
