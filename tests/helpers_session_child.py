"""Child process for the crash tests: works on a session or an export until the parent kills it.

Every line it prints is printed only after the work it names is on disk, so the parent can check that whatever
the child confirmed survives `kill -9` at that moment. Modes:

  burst SESSION            decisions and hand edits forever; prints "D <id> <seq>" after each committed decision
                           and "T <seq> <typed>" after each flushed hand edit
  diskfull SESSION BYTES   the same under a file-size limit (a full disk); prints "ERR <message>" and exits 3
  export SESSION DIR FMT   exports forever with --force; prints "S <n>" as export n starts, "E <n>" when complete
  exportfull SESSION DIR FMT BYTES   one export under a file-size limit; prints the result and exits
  review SESSION           a real Review: accept, reject, undo and type, each action committed through
                           `commit_review` (typing through `save_text` + `flush`); prints "R" once set up,
                           then "D <id>" per new decision
  hold SESSION             opens the session, writes to it, prints "OPEN <pid>", waits until stdin closes
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from editor.core.article import Article
from editor.core.session import Session, SessionError


def _state(seq: int, typed: int, big: int = 0) -> dict[str, object]:
    # `text` is derived from `typed`, so a half-written state would show as a mismatch.
    return {"seq": seq, "typed": typed, "text": "é" * typed + "x" * big}


def _article(session: Session) -> int:
    return session.add_article(Article(text="Bonjour le monde. " * 50, title="Essai", source="<burst>"))


def burst(path: str, big: int = 0) -> None:
    session = Session.open(path)
    aid = _article(session)
    existing = session.decisions(aid)
    seq = len(existing)
    typed = 0
    out = sys.stdout
    out.write("R\n")
    out.flush()
    while True:
        seq += 1
        did = session.record_decision(
            aid,
            action="accepted" if seq % 3 else "rejected",
            category="spelling",
            rule="spelling.unknown",
            start=seq % 500,
            end=seq % 500 + 3,
            text=f"w{seq}",
            replacement=f"r{seq}",
            context_before="avant",
            context_after="après",
            state=_state(seq, typed, big),
        )
        out.write(f"D {did} {seq}\n")
        out.flush()
        if seq % 4 == 0:
            for _ in range(3):
                typed += 1
                session.save_text(aid, _state(seq, typed, big))
            session.set_current(aid, typed)
            session.flush()
            out.write(f"T {seq} {typed}\n")
            out.flush()


def diskfull(path: str, limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        burst(path, big=2000)
    except SessionError as e:
        sys.stdout.write(f"ERR {e}\n")
        sys.stdout.flush()
        sys.exit(3)


def export_forever(path: str, out_dir: str, fmt: str) -> None:
    from editor.core.export import export_session
    from editor.formats.export import EXPORTERS

    session = Session.open(path, readonly=True)
    n = 0
    while True:
        sys.stdout.write(f"S {n + 1}\n")
        sys.stdout.flush()
        result = export_session(session, out_dir, fmt, force=True, formats=EXPORTERS)
        assert result.ok, result.failed
        n += 1
        sys.stdout.write(f"E {n}\n")
        sys.stdout.flush()


def export_full(path: str, out_dir: str, fmt: str, limit: int) -> None:
    from editor.core.export import export_session
    from editor.formats.export import EXPORTERS

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    session = Session.open(path, readonly=True)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    result = export_session(session, out_dir, fmt, force=True, formats=EXPORTERS)
    for p in result.written:
        sys.stdout.write(f"W {Path(p).name}\n")
    for label, message in result.failed:
        sys.stdout.write(f"F {label}\t{message}\n")
    sys.stdout.flush()
    sys.exit(0 if result.ok else 3)


PARAGRAPH = "Poutine , qui a parlé avec Trump Et le Kremlin le {n} mai, visite Kernkraftwerk de Selenskyj .\n\n"


def review_burst(path: str) -> None:
    from editor.core.review import Review

    session = Session.open(path)
    if not session.articles():
        text = "".join(PARAGRAPH.format(n=k) for k in range(60))
        aid = session.add_article(Article(text=text, title="Essai", source="<review>", lang="fr"))
        review = Review.open(session.article(aid), session.check_config())
        session.commit_review(aid, review)
    else:
        aid = session.articles()[0].id
        review = session.restore_review(aid) or Review.open(session.article(aid), session.check_config())
    out = sys.stdout
    out.write("R\n")  # ready: the parent's random delay starts now
    out.flush()
    step = 0
    while True:
        step += 1
        pending = [it for it in review.pending() if it.suggestions]
        if step % 7 == 0 and review.can_undo:
            review.undo()
        elif step % 5 == 0:
            review.edit(0, 0, "x")
            session.save_text(aid, review)
            session.flush()
            out.write("T\n")
            out.flush()
            continue
        elif not pending:
            return
        elif step % 3 == 0:
            review.reject(pending[0].id)
        else:
            review.accept(pending[0].id)
        for did in session.commit_review(aid, review):
            out.write(f"D {did}\n")
        out.flush()


def hold(path: str) -> None:
    import os

    session = Session.open(path)
    session.ignore_word("hold")  # a session is created (and locked) by its first write
    sys.stdout.write(f"OPEN {os.getpid()}\n")
    sys.stdout.flush()
    sys.stdin.read()
    session.close()


def main(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "burst":
        burst(argv[1])
    elif mode == "diskfull":
        diskfull(argv[1], int(argv[2]))
    elif mode == "export":
        export_forever(argv[1], argv[2], argv[3])
    elif mode == "exportfull":
        export_full(argv[1], argv[2], argv[3], int(argv[4]))
    elif mode == "review":
        review_burst(argv[1])
    elif mode == "hold":
        hold(argv[1])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
