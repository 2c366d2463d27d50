"""Ignoring a rule in one article (undoable, saved with the review) and the user's glossary file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from editor.core import glossary, user_glossary
from editor.core.article import Article
from editor.core.glossary import GlossaryError
from editor.core.review import Review


def test_ignore_rule_is_one_undo_step_and_survives_restore_and_rechecks(sample_text: str) -> None:
    review = Review.open(Article(sample_text))
    rule = "terminology.glossary"
    before = [it.id for it in review.pending() if it.rule == rule]
    assert len(before) > 3
    assert review.ignore_rule(rule) == sorted(before)
    assert not [it for it in review.pending() if it.rule == rule]
    review.undo()
    assert [it.id for it in review.pending() if it.rule == rule] == before
    assert rule not in review.ignored_rules
    review.redo()
    assert rule in review.ignored_rules
    restored = Review.restore(Article(sample_text), None, review.to_state())
    assert rule in restored.ignored_rules
    pos = restored.cleaned.index("Selenskyj")
    restored.edit(pos, pos, " ")
    restored.recheck_dirty()
    assert not [it for it in restored.pending() if it.rule == rule]
    assert [it for it in restored.items if it.rule == rule and it.text == "Selenskyj"]  # found again, ignored


def test_user_glossary_add_keeps_comments_and_is_read_by_the_rule(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('# my notes\n[fr.usage]\n"Kiev" = "Kyiv"\n', encoding="utf-8")
    user_glossary.add(path, user_glossary.UserEntry("Fazit", "conclusion"))
    user_glossary.add(path, user_glossary.UserEntry('le "truc"', "la chose"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n")
    tomllib.loads(text)
    assert [(e.wrong, e.prefer) for e in user_glossary.entries(path)] == [
        ("Kiev", "Kyiv"),
        ("Fazit", "conclusion"),
        ('le "truc"', "la chose"),
    ]
    assert "fazit" in glossary.load("fr", str(path)).index
    # adding an existing form changes it instead of writing a duplicate key (invalid TOML)
    user_glossary.add(path, user_glossary.UserEntry("Kiev", "Kyiv (Ukraine)"))
    assert ("Kiev", "Kyiv (Ukraine)") in [(e.wrong, e.prefer) for e in user_glossary.entries(path)]
    user_glossary.save(path, [e for e in user_glossary.entries(path) if e.wrong != "Fazit"])
    assert "Fazit" not in [e.wrong for e in user_glossary.entries(path)]


def test_rewriting_the_glossary_keeps_what_else_an_entry_says(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text(
        '[fr.transliteration]\n"Kiew" = ["Kyiv", "Kiev"]\n'
        '"Selenskyj" = { prefer = "Zelensky", note = "usage", severity = "error", auto = true }\n',
        encoding="utf-8",
    )
    before = glossary.read(path)
    user_glossary.save(path, user_glossary.entries(path))
    assert glossary.read(path) == before  # alternatives, note, severity, auto: all kept


def test_user_glossary_refuses_bad_entries_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "new" / "g.toml"
    with pytest.raises(GlossaryError):
        user_glossary.add(path, user_glossary.UserEntry("", "x"))
    with pytest.raises(GlossaryError):
        user_glossary.add(path, user_glossary.UserEntry("a\nb", "x"))
    assert not path.exists()
    user_glossary.add(path, user_glossary.UserEntry("Fazit", "conclusion"))  # the folder is created
    assert path.exists()
    broken = tmp_path / "broken.toml"
    broken.write_text("[fr\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not valid TOML"):
        user_glossary.add(broken, user_glossary.UserEntry("Fazit", "conclusion"))
