"""Sessions on real SQLite files: what a person did is there when Galley opens the file again."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core import session as session_mod
from editor.core.article import Article
from editor.core.session import SCHEMA_VERSION, Session, SessionError, SessionLocked, Status, text_sha256
from editor.core.session import paths as session_paths
from editor.core.session import store as session_store
from editor.formats.loaders import iter_paths, load_paths

REPO = Path(__file__).resolve().parents[2]

V1_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    record_index INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'todo',
    cleaned_text TEXT,
    updated_at TEXT NOT NULL
);
CREATE TABLE decisions(
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    action TEXT NOT NULL,
    rule TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    replacement TEXT,
    created_at TEXT NOT NULL
);
PRAGMA user_version = 1;
"""


def _article(text: str = "Poutine , qui parle 🙂 avec Trump.", **kw: object) -> Article:
    return Article(text=text, title=kw.pop("title", "Titre été 🙂"), source=str(kw.pop("source", "<mem>")), **kw)  # type: ignore[arg-type]


def _decide(s: Session, aid: int, n: int, action: str = "accepted") -> int:
    return s.record_decision(
        aid,
        action=action,
        category="typography",
        rule="typography.space-before-comma",
        start=7,
        end=9,
        text=" ,",
        replacement="," if action == "accepted" else None,
        context_before="Poutine",
        context_after=" qui",
        state={"n": n},
    )


def test_decisions_survive_a_new_process(tmp_path: Path) -> None:
    path = tmp_path / "s.galley"
    with Session.open(path) as s:
        aid = s.add_article(_article())
        first = _decide(s, aid, 1)
        _decide(s, aid, 2, "rejected")
        s.set_status(aid, "done")
        s.ignore_word("Kernkraftwerk")
        s.set_current(aid, 12)
    r = subprocess.run(
        [sys.executable, "-m", "editor", "session", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["articles"][0]["status"] == "done"
    assert data["current"] == {"article": aid, "cursor": 12}
    assert data["ignored_words"] == ["Kernkraftwerk"]
    assert data["decisions"] == [
        {
            "article": aid,
            "category": "typography",
            "rule": "typography.space-before-comma",
            "start": 7,
            "end": 9,
            "text": " ,",
            "action": action,
            "replacement": rep,
        }
        for action, rep in (("accepted", ","), ("rejected", None))
    ]
    with Session.open(path) as s:
        assert next(d.id for d in s.decisions(aid)) == first
        assert s.load_review(aid) == {"n": 2}


def test_a_new_file_has_the_current_schema_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "new.galley"
    with Session.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        s.ignore_word("Kiew")  # the first write creates the file
        assert s.schema_version() == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_version_1_file_migrates_forward_keeping_its_work(tmp_path: Path) -> None:
    src = tmp_path / "article.txt"
    src.write_text("Le Kremlin , dit-il.\n", encoding="utf-8")
    path = tmp_path / "old.galley"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute(
        "INSERT INTO articles VALUES (1, ?, 0, ?, 'in progress', 'Le Kremlin, dit-il.\n', '2025-01-02T03:04:05Z')",
        (str(src), text_sha256("Le Kremlin , dit-il.\n")),
    )
    conn.execute(
        "INSERT INTO decisions VALUES (1, 1, 'accepted', 'typography.space-before-comma', 10, 12, ' ,', ',', "
        "'2025-01-02T03:04:06Z')"
    )
    conn.commit()
    conn.close()

    with Session.open(path, loader=iter_paths) as s:
        assert s.schema_version() == SCHEMA_VERSION
        (rec,) = s.articles()
        assert rec.status == Status.IN_PROGRESS
        assert rec.added_at == "2025-01-02T03:04:05Z"
        (d,) = s.decisions()
        assert (d.category, d.rule, d.text, d.replacement) == ("typography", "typography.space-before-comma", " ,", ",")
        assert d.decided_at == "2025-01-02T03:04:06Z"
        assert s.cleaned_text_v1(rec.id) == "Le Kremlin, dit-il.\n"
        # version 1 kept no copy of the text: it is read from the source again
        assert s.article(rec.id).text == "Le Kremlin , dit-il.\n"
        assert not s.source_changed(rec.id)
        s.ignore_word("Kiew")  # a version-2 table
        assert s.integrity_check() == "ok"


def test_a_file_from_a_newer_galley_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.galley"
    Session.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(SessionError, match="newer Galley"):
        Session.open(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Bonjour, je ne suis pas une base.", "not an SQLite database"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "not an SQLite database"),
    ],
)
def test_files_that_are_not_sessions_get_a_clear_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.galley"
    path.write_bytes(content)
    with pytest.raises(SessionError, match=message):
        Session.open(path)
    assert path.read_bytes() == content  # left untouched


def test_an_unrelated_sqlite_database_is_not_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "other.galley"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(SessionError, match="not a Galley session"):
        Session.open(path)
    with pytest.raises(SessionError, match="not a Galley session"):
        Session.open(path, readonly=True)


def test_a_damaged_session_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "damaged.galley"
    with Session.open(path) as s:
        aid = s.add_article(_article("x" * 20000))
        for i in range(20):
            _decide(s, aid, i)
    data = bytearray(path.read_bytes())
    for off in range(4096, len(data), 4096):  # scribble over every page after the first
        data[off + 100 : off + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))
    with pytest.raises(SessionError, match=r"damaged|not a Galley session"):
        Session.open(path)


def test_missing_file_read_only(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="no such session file"):
        Session.open(tmp_path / "nope.galley", readonly=True)
    with pytest.raises(SessionError, match="is a folder"):
        Session.open(tmp_path)


def test_hand_edits_are_batched_and_flushed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "typing.galley"
    s = Session.open(path)
    aid = s.add_article(_article())
    s.save_text(aid, {"text": "premier"})
    assert s.load_review(aid) == {"text": "premier"}  # the newest state, even before it is written
    with Session.open(path, readonly=True) as reader:
        assert reader.load_review(aid) is None  # not on disk yet
        s.flush()
        assert reader.load_review(aid) == {"text": "premier"}
    # a second save more than FLUSH_DELAY after the first pending one writes at once
    monkeypatch.setattr(session_mod, "FLUSH_DELAY", 0.05)
    s.save_text(aid, {"text": "deux"})
    time.sleep(0.06)
    s.save_text(aid, {"text": "trois"})
    with Session.open(path, readonly=True) as reader:
        assert reader.load_review(aid) == {"text": "trois"}

    class Provider:
        calls = 0

        def to_state(self) -> dict[str, object]:
            Provider.calls += 1
            return {"text": "quatre"}

    monkeypatch.setattr(session_mod, "FLUSH_DELAY", 10.0)
    s.save_text(aid, Provider())
    assert Provider.calls == 0  # a keystroke costs nothing: the state is built when written
    s.close()  # close flushes
    assert Provider.calls == 1
    with Session.open(path) as again:
        assert again.load_review(aid) == {"text": "quatre"}


def test_a_decision_commits_pending_typing_with_it(tmp_path: Path) -> None:
    path = tmp_path / "mixed.galley"
    with Session.open(path) as s:
        a = s.add_article(_article(source="<a>"))
        b = s.add_article(_article(source="<b>"))
        s.save_text(b, {"typed": "dans b"})
        _decide(s, a, 1)
        with Session.open(path, readonly=True) as reader:
            assert reader.load_review(b) == {"typed": "dans b"}
            assert reader.load_review(a) == {"n": 1}
            assert reader.article_record(a).status == Status.IN_PROGRESS


def test_current_article_status_and_timestamps_persist(tmp_path: Path) -> None:
    path = tmp_path / "where.galley"
    with Session.open(path) as s:
        assert s.current() is None
        a = s.add_article(_article(source="<a>"))
        b = s.add_article(_article(source="<b>", title="Deuxième"))
        assert s.add_article(_article(source="<a>")) == a  # the same record is not added twice
        s.set_status(b, Status.DONE)
        s.set_current(b, 41)
    with Session.open(path) as s:
        assert s.current() == (b, 41)
        recs = s.articles()
        assert [r.id for r in recs] == [a, b]
        assert [r.status for r in recs] == [Status.TODO, Status.DONE]
        assert recs[1].status_at and recs[1].status_at >= recs[1].added_at
        assert recs[1].label == "Deuxième"
        with pytest.raises(ValueError):
            s.set_status(a, "finished")


def test_articles_keep_their_text_metadata_and_unicode(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"title": "Été 🇺🇦 \ud800", "text": "Le texte\u00a0: «\u202fbon\u202f».", "url": "https://x.fr/a"})
        + "\n{not json\n"
        + json.dumps({"title": "Deux", "content": "Second article."})
        + "\n",
        encoding="utf-8",
    )
    path = tmp_path / "c.galley"
    with Session.open(path, loader=iter_paths) as s:
        ids = s.add_paths([corpus])
        assert len(ids) == 2
        art = s.article(ids[0])
        assert art.text == "Le texte\u00a0: «\u202fbon\u202f»."
        assert art.title == "Été 🇺🇦 \ufffd"
        assert art.url == "https://x.fr/a"
        assert art.meta["line"] == 1
        assert s.article(ids[1]).meta["line"] == 3
        assert s.raw_lines(str(corpus)) == {2: "{not json"}


def test_source_changed_and_kept(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Texte original.\n", encoding="utf-8")
    (art,), _ = load_paths([src])
    with Session.open(tmp_path / "a.galley", loader=iter_paths) as s:
        aid = s.add_article(art)
        assert not s.source_changed(aid)
        os.utime(src, ns=(1, 1))  # touched, same content
        assert not s.source_changed(aid)
        src.write_text("Texte modifié.\n", encoding="utf-8")
        assert s.source_changed(aid)
        fresh = s.reload_source(aid)
        assert fresh is not None and fresh.text == "Texte modifié.\n"
        s.keep_session_version(aid)
        assert not s.source_changed(aid)
        assert s.article(aid).text == "Texte original.\n"  # the session's copy is kept
        src.unlink()
        assert not s.source_changed(aid)  # gone: the session's copy is all there is


def test_default_path_next_to_what_was_opened(tmp_path: Path) -> None:
    f = tmp_path / "corpus.jsonl"
    f.write_text("{}\n")
    assert Session.default_path([f]) == tmp_path / "corpus.jsonl.galley"
    folder = tmp_path / "articles"
    folder.mkdir()
    assert Session.default_path([folder]) == folder / ".galley" / "session.galley"
    several = Session.default_path([f, folder])
    data_home = Path(os.environ["XDG_DATA_HOME"])
    assert several.is_relative_to(data_home / "galley" / "sessions")
    assert Session.default_path([folder, f]) == several  # the same set finds the same session
    assert Session.default_path([]).is_relative_to(data_home)
    with Session.open(Session.default_path([folder])) as s:
        s.ignore_word("Kiew")  # the hidden folder is created with the session
    assert (folder / ".galley" / "session.galley").exists()
    assert load_paths([folder]) == ([], [])  # and the loaders do not see it


def test_default_path_falls_back_to_user_data_when_the_folder_is_read_only() -> None:
    """As an unprivileged user (root ignores folder permissions), in a folder it may not write."""
    folder = Path(tempfile.mkdtemp(prefix="galley-ro-"))
    data = Path(tempfile.mkdtemp(prefix="galley-data-"))
    try:
        (folder / "a.txt").write_text("x")
        folder.chmod(0o555)
        data.chmod(0o777)
        code = textwrap.dedent(
            f"""
            import os
            import platformdirs, tempfile  # imports first: the interpreter's files may be private to root
            import editor.core.fileio
            from editor.core.session import Session
            if os.geteuid() == 0:
                os.setgid(65534)
                os.setuid(65534)
            p = Session.default_path([{str(folder / "a.txt")!r}])
            print(p)
            with Session.open(p) as s:
                s.ignore_word("Kiew")
            """
        )
        env = dict(os.environ, XDG_DATA_HOME=str(data))
        r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO, env=env)
        assert r.returncode == 0, r.stderr
        made = Path(r.stdout.strip())
        assert made.is_relative_to(data / "galley" / "sessions")
        assert made.name.startswith("a-txt-") and made.suffix == ".galley"
        assert made.exists()
        assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]
    finally:
        folder.chmod(0o700)
        shutil.rmtree(folder)
        shutil.rmtree(data)


def test_read_only_session_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "ro.galley"
    with Session.open(path) as s:
        aid = s.add_article(_article())
    with Session.open(path, readonly=True) as r, pytest.raises(SessionError, match="read-only"):
        _decide(r, aid, 1)


def test_undone_decisions_leave_the_list(tmp_path: Path) -> None:
    with Session.open(tmp_path / "u.galley") as s:
        aid = s.add_article(_article())
        did = _decide(s, aid, 1)
        s.withdraw_decision(did, {"n": 0})
        assert s.decisions(aid) == []
        assert [d.id for d in s.decisions(aid, active_only=False)] == [did]
        assert s.load_review(aid) == {"n": 0}


DAMAGED = (
    "Le sommet de Berlin\n\n"
    "Poutine , qui a parlé avec Trump Et le Kremlin, a dit que vous êtes prêts.\n\n"
    "La centrale Kernkraftwerk de Selenskyj est fermée 🙂 depuis mardi .\n"
)


def _item(review: object, rule: str, text: str | None = None) -> int:
    return next(
        it.id
        for it in review.items  # type: ignore[attr-defined]
        if it.rule == rule and (text is None or it.text == text)
    )


def test_review_decisions_commit_and_restore_exactly(tmp_path: Path) -> None:
    from editor.core.review import Review

    src = tmp_path / "a.txt"
    src.write_text(DAMAGED, encoding="utf-8")
    (art,), _ = load_paths([src])
    path = tmp_path / "r.galley"
    with Session.open(path) as s:
        aid = s.add_article(art)
        rv = Review.open(art, s.check_config())
        # typed by hand: Galley offers no suggestion here (`La centrale centrale nucléaire` would repeat a word)
        rv.accept(_item(rv, "terminology.glossary", "Kernkraftwerk"), "centrale nucléaire")
        assert len(s.commit_review(aid, rv)) == 1
        rv.reject(_item(rv, "casing.function-word"))
        rv.revert(_item(rv, "typography.space-before-comma"))
        assert len(s.commit_review(aid, rv)) == 2
        rv.undo()  # the revert is undone: that decision leaves the list
        assert s.commit_review(aid, rv) == []
        assert sorted(str(d.action) for d in s.decisions(aid)) == ["accepted", "rejected"]
        rv.edit(0, 2, "Un")  # typing: batched
        s.save_text(aid, rv)
        expected = rv.cleaned
    with Session.open(path) as s:
        restored = Review.restore(s.article(aid), s.check_config(), s.load_review(aid) or {})
        assert restored.cleaned == expected
        assert restored.cleaned.startswith("Un sommet")
        assert restored.can_undo
        (acc,) = [d for d in s.decisions(aid) if d.action == "accepted"]
        assert (acc.text, acc.replacement, acc.start, acc.end) == ("Kernkraftwerk", "centrale nucléaire", 109, 122)
        assert DAMAGED[acc.start : acc.end] == acc.text
        assert acc.context_before.endswith("La centrale ")
        assert s.articles()[0].status == Status.IN_PROGRESS


def test_changed_source_reapplies_what_still_matches(tmp_path: Path) -> None:
    from editor.core.review import Review

    src = tmp_path / "a.txt"
    src.write_text(DAMAGED, encoding="utf-8")
    (art,), _ = load_paths([src])
    with Session.open(tmp_path / "c.galley", loader=iter_paths) as s:
        aid = s.add_article(art)
        rv = Review.open(art, s.check_config())
        rv.accept(_item(rv, "terminology.glossary", "Kernkraftwerk"), "centrale nucléaire")
        rv.reject(_item(rv, "casing.function-word"))
        rv.revert(_item(rv, "typography.space-before-period"))
        s.commit_review(aid, rv)
        # the scraper ran again: a new first paragraph, "Et" fixed at the source, a sentence rewritten nearby
        changed = (
            DAMAGED.replace("Le sommet de Berlin\n\n", "Le sommet de Berlin\n\nUn chapeau ajouté.\n\n")
            .replace("Trump Et le", "Trump et le")
            .replace("a dit que vous êtes prêts", "a dit que tout est prêt")
        )
        src.write_text(changed, encoding="utf-8")
        assert s.source_changed(aid)
        fresh = s.reload_source(aid)
        assert fresh is not None
        result = s.reapply(aid, fresh)
        assert (result.kept, result.lost) == (2, 1)
        assert result.lost_decisions[0].rule == "casing.function-word"
        assert not s.source_changed(aid)
        assert s.article(aid).text == changed
        again = Review.restore(s.article(aid), s.check_config(), s.load_review(aid) or {})
        assert "La centrale centrale nucléaire de" in again.cleaned
        assert again.cleaned.endswith("depuis mardi .\n")  # the reverted automatic fix stays reverted
        actions = sorted((d.rule, str(d.action)) for d in s.decisions(aid))
        assert actions == [("terminology.glossary", "accepted"), ("typography.space-before-period", "reverted")]
        new_dec = next(d for d in s.decisions(aid) if d.action == "accepted")
        assert changed[new_dec.start : new_dec.end] == "Kernkraftwerk"


def test_decisions_are_committed_at_once_and_the_big_state_later(tmp_path: Path) -> None:
    """A decision is on disk when commit_review returns, as a small row; the full state (megabytes on a long
    article) is written later. A reader, or a restart after kill -9, in between still gets every decision and
    every flushed keystroke, replayed onto the older state."""
    from editor.core.review import Review

    art = Article(text=DAMAGED, source="<d>", lang="fr")
    path = tmp_path / "d.galley"
    s = Session.open(path)
    aid = s.add_article(art)
    rv = Review.open(art, s.check_config())
    s.commit_review(aid, rv)  # the first commit writes the state
    first_state = s.load_review(aid)
    rv.accept(_item(rv, "terminology.glossary", "Kernkraftwerk"), "centrale nucléaire")
    rv.reject(_item(rv, "casing.function-word"))
    assert len(s.commit_review(aid, rv)) == 2

    def reader_sees() -> Review:
        with Session.open(path, readonly=True) as reader:
            assert reader.load_review(aid)["cleaned"] == rv.cleaned  # type: ignore[index]  # rebuilt for the GUI
            assert reader._get_text(aid, "state") == session_store.dump(first_state)  # the big state stayed as it was
            replayed = reader.restore_review(aid)
            assert replayed.cleaned == rv.cleaned
            assert {it.id: it.status for it in replayed.items if it.status != "pending"} == {
                it.id: it.status for it in rv.items if it.status != "pending"
            }
            return replayed

    reader_sees()
    rv.edit(0, 2, "Un")  # typing: only the cleaned text is written by the batch
    s.save_text(aid, rv)
    s.flush()
    assert reader_sees().cleaned.startswith("Un sommet")
    rv.accept(_item(rv, "terminology.glossary", "Selenskyj"), "Zelensky")  # a decision after typing
    s.commit_review(aid, rv)
    assert "Zelensky" in reader_sees().cleaned
    rv.undo()  # an undone decision cannot be replayed from rows: the full state is written at once
    s.commit_review(aid, rv)
    with Session.open(path, readonly=True) as reader:
        assert reader.load_review(aid) != first_state
        assert reader.restore_review(aid).cleaned == rv.cleaned
        assert sorted(d.text for d in reader.decisions(aid)) == ["Et", "Kernkraftwerk"]
    s.close()
    with Session.open(path) as again:
        assert again.restore_review(aid).cleaned == rv.cleaned


def test_version_2_texts_move_to_their_own_rows(tmp_path: Path) -> None:
    path = tmp_path / "v2.galley"
    conn = sqlite3.connect(path)
    for script in session_mod.MIGRATIONS[:2]:
        conn.executescript(script)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO articles(id, source, record_index, sha256, status, updated_at, raw_text, review_state, title)"
        " VALUES (1, '<v2>', 0, ?, 'done', '2025-02-03T00:00:00Z', 'Texte brut 🙂', '{\"n\": 7}', 'Titre')",
        (text_sha256("Texte brut 🙂"),),
    )
    conn.execute(
        'INSERT INTO decisions(article_id, action, rule, start, "end", text, decided_at, category)'
        " VALUES (1, 'rejected', 'spelling.unknown', 0, 5, 'Texte', '2025-02-03T00:00:01Z', 'spelling')"
    )
    conn.commit()
    conn.close()
    with Session.open(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.article(1).text == "Texte brut 🙂"
        assert s.load_review(1) == {"n": 7}  # its decision is already in it: nothing to rebuild
        assert s.articles()[0].status == Status.DONE
        assert [d.text for d in s.decisions(1)] == ["Texte"]


def test_a_corpus_is_added_in_batches_and_only_once(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"title": f"T{i}", "text": f"Texte {i}."}) + "\n" for i in range(120)))
    with Session.open(tmp_path / "c.galley", loader=iter_paths) as s:
        ids = s.add_paths([corpus], batch=50)
        assert len(ids) == len(set(ids)) == 120
        assert s.add_paths([corpus]) == ids
        assert [r.title for r in s.articles()][:3] == ["T0", "T1", "T2"]
        assert [r.position for r in s.articles()] == list(range(1, 121))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    title=st.none() | st.text(max_size=40),
)
def test_any_unicode_text_and_title_come_back_exactly(tmp_path: Path, text: str, title: str | None) -> None:
    """Astral characters, NUL, no-break spaces, U+2028, CR: what goes in comes out, also through JSON states."""
    path = tmp_path / f"u{abs(hash((text, title)))}.galley"
    with Session.open(path) as s:
        aid = s.add_article(Article(text=text, title=title, source="<u>"))
        s.save_review(aid, {"cleaned": text, "title": title})
    with Session.open(path, readonly=True) as s:
        art = s.article(aid)
        expected_title = None if title is None else session_store.storable(title)
        assert (art.text, art.title) == (text, expected_title)
        assert s.load_review(aid) == {"cleaned": text, "title": title}
    for suffix in ("", "-wal", "-shm", ".lock"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def test_an_edit_that_keeps_size_and_modification_time_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A same-length edit within the time stamps' resolution, or by a tool that restores them, is still a change;
    a file rewritten with the same content (or only touched) is not."""
    src = tmp_path / "a.txt"
    original = "Le Kremlin , dit-il.\n"
    src.write_text(original, encoding="utf-8")
    before = src.stat()

    def rewrite(text: str, mtime_ns: int) -> None:
        src.write_text(text, encoding="utf-8")
        os.utime(src, ns=(before.st_atime_ns, mtime_ns))

    for racy_ns in (session_paths.RACY_NS, 0):  # a fingerprint just taken is not cached; an old one is
        monkeypatch.setattr(session_paths, "RACY_NS", racy_ns)
        rewrite(original, before.st_mtime_ns)
        with Session.open(tmp_path / f"a{racy_ns}.galley", loader=iter_paths) as s:
            (aid,) = s.add_paths([src])
            assert not s.source_changed(aid)
            rewrite("Le Kremlin ; dit-il.\n", before.st_mtime_ns)
            after = src.stat()
            assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
            assert s.source_changed(aid)
            rewrite(original, before.st_mtime_ns + 5_000_000_000)  # same content, newer time stamp
            assert not s.source_changed(aid)
        rewrite("Le Kremlin ; dit-il.\n", before.st_mtime_ns)
        with Session.open(tmp_path / f"a{racy_ns}.galley", loader=iter_paths) as again:
            assert again.source_changed(aid)
            again.keep_session_version(aid)
            assert not again.source_changed(aid)


def test_opening_a_path_that_does_not_exist_leaves_no_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    path = Session.default_path([missing])
    assert path == tmp_path / "missing.txt.galley"
    with Session.open(path, loader=iter_paths) as s:
        assert s.add_paths([missing]) == []
        assert (s.articles(), s.decisions(), s.current(), s.ignored_words()) == ([], [], None, [])
        assert s.check_config().ignored_words == frozenset()
        s.flush(full=True)
        assert not s.on_disk
    assert list(tmp_path.iterdir()) == []
    # the first thing worth keeping creates the session, and it is there on reopening
    with Session.open(path, loader=iter_paths) as s:
        s.ignore_word("Kiew")
        assert s.on_disk
    assert sorted(p.name for p in tmp_path.iterdir()) == ["missing.txt.galley"]
    with Session.open(path, readonly=True) as reader:
        assert reader.ignored_words() == ["Kiew"]


def test_a_new_session_that_could_not_be_created_is_refused_on_open(tmp_path: Path) -> None:
    """Created later, at the first write; but what would make that write fail is said at once, as before."""
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(SessionError, match="cannot create the folder"):
        Session.open(tmp_path / "a-file" / "sub" / "s.galley")
    path = tmp_path / "new.galley"
    first = Session.open(path)
    second = Session.open(path)  # neither has written: both may still open
    first.ignore_word("Kiew")  # the first write creates the file and takes the lock
    with pytest.raises(SessionLocked, match="open in another Galley window"):
        Session.open(path)
    with pytest.raises(SessionLocked):
        second.ignore_word("Kyiv")  # the other one is told when it tries to write
    second.close()
    first.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "new.galley"]
