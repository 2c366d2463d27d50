"""Typing made before the review exists is carried over to the review's text exactly (`editor.gui.drafts`)."""

from __future__ import annotations

import random

from editor.gui.drafts import apply_edits, base_of, from_json, rebase, to_json


def test_edits_rebased_onto_a_shifted_text_give_the_same_typing() -> None:
    rng = random.Random(7)
    for _ in range(500):
        raw = "".join(rng.choice("ab \n") for _ in range(40))
        edits = []
        text = raw
        for _ in range(rng.randint(1, 8)):
            s = rng.randint(0, len(text))
            e = rng.randint(s, min(len(text), s + 4))
            t = "".join(rng.choice("XYé") for _ in range(rng.randint(0, 4)))
            edits.append((s, e, t))
            text = apply_edits(text, [(s, e, t)])
        # the review's text: the loaded one with a fix of three characters added at its start
        assert apply_edits("«» " + raw, rebase(edits, lambda p: p + 3)) == "«» " + text


def test_a_saved_draft_round_trips_and_a_bad_one_is_ignored() -> None:
    value = to_json([(0, 0, "Titre ")], base_of({"cleaned": "abc"}))
    assert from_json(value) == ([(0, 0, "Titre ")], base_of({"cleaned": "abc"}))
    assert base_of(None) == "" != base_of({"cleaned": "abc"})
    assert from_json(None) is None
    assert from_json({"edits": [["x", 1, "a"]]}) is None
