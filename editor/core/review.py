"""The Qt-free model of one article under review: what the editor drives and what a session persists.

Why it lives in the core: every decision (accept, reject, revert an automatic fix, ignore a word, a hand edit)
must behave the same in the editor, in tests and when a session replays it, and must be undoable. The model keeps

- the raw text and the current plan (raw → cleaned edits, see `editor.core.cleaning`), so the raw↔clean map and
  the change log always describe exactly how the cleaned text came from the raw one;
- the cleaned text itself;
- one `Item` per finding, with a stable id and its CURRENT span in the cleaned text: every change shifts the
  items after it, and pending items whose text a change touched are dropped (their text is gone; an undo brings
  them back, a paragraph re-check finds what is wrong with the new text);
- an undo/redo journal where one user action (even `accept_all` over a thousand findings) is one step.

Cost: one change costs one pass over the plan, one over the items and one string rebuild, however many findings it
applies, so `accept_all` of 1,000 findings on a 200k-word article stays well under a second.

Not thread-safe: the editor calls it from the GUI thread and re-checks paragraphs on snapshots of `cleaned` in a
worker; `revision` tells it whether a result was computed on the current text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from editor.core.article import Article
from editor.core.cleaning import (
    Edit,
    Plan,
    PositionMap,
    clean_article,
    compose,
    is_automatic,
    plan_from_findings,
    splice,
)
from editor.core.findings import Finding
from editor.core.i18n import current_language
from editor.core.reanchor import OWN_WORDS as _OWN_WORDS
from editor.core.reanchor import reanchor
from editor.core.review_items import (
    STATE_VERSION,
    Item,
    Listener,
    ReviewEvent,
    Status,
    _auto_items,
    _edit_from_json,
    _edit_to_json,
    _event_ops,
    _initial_status,
    _merge_spans,
    _paragraph_bounds,
    _paragraph_rule_ids,
    _sha,
    _shift_spans,
    _Step,
    difference,
    settings_key,
)
from editor.core.rules.base import CheckConfig
from editor.core.text import WORD_RE

__all__ = ["STATE_VERSION", "Item", "Listener", "Review", "ReviewEvent", "Status"]


class Review:
    """One article under review. Build with `Review.open` or `Review.restore`."""

    def __init__(
        self,
        article: Article,
        config: CheckConfig,
        lang: str,
        plan: Plan,
        items: Iterable[Item],
        next_id: int,
    ) -> None:
        self.article = article
        self.config = config
        self._lang = lang
        self._plan = plan
        self._text = plan.apply()
        self._items: dict[int, Item] = {it.id: it for it in items}
        self._next_id = next_id
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._ignored: set[str] = set(config.ignored_words)
        self._ignored_rules: set[str] = set()  # rules the person ignores in this article only
        self._proposed: set[str] = set()  # words Galley wrote into the text (accepted fixes): never "unknown"
        self._dirty: list[tuple[int, int]] = []
        self._revision = 0
        self._listeners: list[Listener] = []
        self._sorted: list[Item] | None = None
        self._pending_step: tuple[_Step, set[int]] | None = None
        # the language the findings' messages are written in (`editor.core.relocalise` rewrites them for another)
        self.messages_language: str | None = current_language()

    # ------------------------------------------------------------------------------------------ building

    @classmethod
    def open(cls, article: Article, config: CheckConfig | None = None, findings: list[Finding] | None = None) -> Review:
        """Clean the article and list what is left for review.

        With `findings` (raw coordinates, e.g. from an earlier `analyse`), only those are used: their automatic
        ones make the plan and the others become pending items where their text survived cleaning. Without, the
        article is analysed and cleaned to a fixed point (`clean_article`) and the pending items are the findings
        on the cleaned text.
        """
        config = config or CheckConfig()
        items: list[Item] = []
        if findings is None:
            c = clean_article(article, config)
            lang, plan = c.lang, c.plan
            plan, items = _auto_items(plan, {f.key: f for f in c.findings})
            pmap = plan.map
            for f in c.remaining:
                rs, re_ = pmap.raw_span(f.start, f.end)
                items.append(Item(len(items) + 1, f, _initial_status(f, config), None, f.start, f.end, rs, re_))
        else:
            from editor.core.engine import resolve_lang

            lang = resolve_lang(article, config)
            plan = plan_from_findings(article.text, findings)
            plan, items = _auto_items(plan, {f.key: f for f in findings})
            applied = {e.key for e in plan.edits}
            pmap = plan.map
            clean = plan.apply()
            for f in findings:
                if f.key in applied or (is_automatic(f) and f.suggestions[0] == f.text):
                    continue
                cs, ce = pmap.clean_span(f.start, f.end)
                if clean[cs:ce] != f.text:
                    continue  # an automatic fix changed its text
                items.append(Item(len(items) + 1, f, _initial_status(f, config), None, cs, ce, f.start, f.end))
        return cls(article, config, lang, plan, items, len(items) + 1)

    @classmethod
    def restore(cls, article: Article, config: CheckConfig | None, state: dict[str, Any]) -> Review:
        """The review exactly as `to_state()` left it. ValueError if the article's text is not the one reviewed
        (the session then asks the person what to do) or the state is of an unknown version."""
        config = config or CheckConfig()
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unknown review state version {state.get('version')!r}")
        if state.get("raw_sha") != _sha(article.text):
            raise ValueError("the article's text changed since this review was saved")
        plan = Plan(article.text, tuple(_edit_from_json(e) for e in state["plan"]))
        items = [Item.from_json(d) for d in state["items"]]
        r = cls(article, config, state["lang"], plan, items, int(state["next_id"]))
        r._undo = [_Step.from_json(s) for s in state.get("undo", ())]
        r._redo = [_Step.from_json(s) for s in state.get("redo", ())]
        r._ignored = set(state.get("ignored", ())) | set(config.ignored_words)
        r._proposed = set(state.get("proposed", ()))
        r._ignored_rules = set(state.get("ignored_rules", ()))
        r._dirty = [(int(a), int(b)) for a, b in state.get("dirty", ())]
        r._revision = int(state.get("revision", 0))
        r.messages_language = state.get("messages")  # unknown in states saved before it was recorded
        cleaned = state.get("cleaned")
        if cleaned is not None and cleaned != r._text:
            # the text was saved after the last decision (typing is saved in batches): replay it as one hand edit
            r.edit(*difference(r._text, cleaned))
        return r

    def to_state(self) -> dict[str, Any]:
        """Everything needed to restore this review exactly (JSON-serialisable)."""
        return {
            "version": STATE_VERSION,
            "raw_sha": _sha(self.raw),
            "lang": self._lang,
            "cleaned": self._text,
            "plan": [_edit_to_json(e) for e in self._plan.edits],
            "items": [it.to_json() for it in sorted(self._items.values(), key=lambda i: i.id)],
            "next_id": self._next_id,
            "undo": [s.to_json() for s in self._undo],
            "redo": [s.to_json() for s in self._redo],
            "ignored": sorted(self._ignored),
            "proposed": sorted(self._proposed),
            "ignored_rules": sorted(self._ignored_rules),
            "dirty": [list(d) for d in self._dirty],
            "revision": self._revision,
            "messages": self.messages_language,
            "settings": settings_key(self.config),
        }

    # ------------------------------------------------------------------------------------------ reading

    @property
    def raw(self) -> str:
        return self._plan.raw

    @property
    def cleaned(self) -> str:
        return self._text

    @property
    def lang(self) -> str:
        return self._lang

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def revision(self) -> int:
        """Incremented on every change of the cleaned text; re-check results carry the revision they saw."""
        return self._revision

    @property
    def items(self) -> list[Item]:
        """Every item, by current position (then id)."""
        if self._sorted is None:
            self._sorted = sorted(self._items.values(), key=lambda i: (i.start, i.end, i.id))
        return list(self._sorted)

    def item(self, item_id: int) -> Item:
        return self._items[item_id]

    def pending(self) -> list[Item]:
        return [i for i in self.items if i.status is Status.PENDING]

    def next_pending(self, pos: int, *, backwards: bool = False, wrap: bool = True) -> Item | None:
        """The first pending item starting after `pos` (or before it, backwards), wrapping around (F8)."""
        pend = self.pending()
        if not pend:
            return None
        starts = [i.start for i in pend]
        if backwards:
            j = bisect_left(starts, pos) - 1
            return pend[j] if j >= 0 else (pend[-1] if wrap else None)
        j = bisect_right(starts, pos)
        return pend[j] if j < len(pend) else (pend[0] if wrap else None)

    def items_in(self, start: int, end: int) -> list[Item]:
        """Items overlapping [start, end) of the cleaned text (an empty item at `start` counts)."""
        return [i for i in self.items if i.start < end and (i.end > start or i.start == i.end == start)]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {str(s): 0 for s in Status}
        for it in self._items.values():
            out[str(it.status)] += 1
        return out

    @property
    def map(self) -> PositionMap:
        return self._plan.map

    def raw_to_clean(self, pos: int) -> int:
        return self._plan.map.raw_to_clean(pos)

    def clean_to_raw(self, pos: int) -> int:
        return self._plan.map.clean_to_raw(pos)

    def changes(self) -> list[dict[str, Any]]:
        """The change log, raw → cleaned: one record per edit, in raw order."""
        return self._plan.changes()

    def decisions(self) -> list[dict[str, Any]]:
        """Every item that is not pending, with what was decided (for sessions and reports)."""
        return [
            {
                "id": it.id,
                "category": it.category,
                "rule": it.rule,
                "start": it.start,
                "end": it.end,
                "raw_start": it.raw_start,
                "raw_end": it.raw_end,
                "text": it.text,
                "action": str(it.status),
                "replacement": it.replacement,
            }
            for it in self.items
            if it.status is not Status.PENDING
        ]

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def ignored_words(self) -> frozenset[str]:
        return frozenset(self._ignored)

    @property
    def ignored_rules(self) -> frozenset[str]:
        """Rules ignored in this article: their findings come in ignored, also after re-checks."""
        return frozenset(self._ignored_rules)

    @property
    def proposed(self) -> frozenset[str]:
        """Words of the fixes accepted so far: no later check reports them as unknown."""
        return frozenset(self._proposed)

    def restore_item(self, it: Item) -> None:
        """Put a (re-anchored) item back among the items; for `editor.core.reanchor`."""
        self._items[it.id] = it
        self._sorted = None

    def add_listener(self, callback: Listener) -> None:
        self._listeners.append(callback)

    def remove_listener(self, callback: Listener) -> None:
        self._listeners.remove(callback)

    # ------------------------------------------------------------------------------------------ actions

    def accept(self, item_id: int, replacement: str | None = None, *, suggestion: int = 0) -> None:
        """Apply a pending finding with `replacement`, else its suggestion number `suggestion` (0 = first)."""
        it = self._pending_item(item_id)
        rep = replacement if replacement is not None else self._suggestion(it, suggestion)
        self._accept_items("accept", [(it, rep)])

    def accept_all(self, rule: str) -> list[int]:
        """Accept every pending finding of `rule` with a suggestion, as ONE undo step (see `accept_many`)."""
        from editor.core.bulk import Scope, Selector, choose

        return self.accept_many([(it.id, rep) for it, rep in choose(self.items, Selector(Scope.RULE, rule))])

    def accept_many(self, chosen: Sequence[tuple[int, str]]) -> list[int]:
        """Accept items with these replacements as ONE undo step; returns their ids. Items no longer pending (a
        re-check ran since the preview), or overlapping an earlier one, are skipped."""
        from editor.core.bulk import non_overlapping

        wanted = dict(chosen)
        items = non_overlapping(it for it in self.items if it.id in wanted and it.status is Status.PENDING)
        if items:
            self._accept_items("accept_all", [(it, wanted[it.id]) for it in items])
        return [it.id for it in items]

    def reject(self, item_id: int) -> None:
        """Keep the text as it is; the finding is closed."""
        it = self._pending_item(item_id)
        before: dict[int, Item | None] = {it.id: replace(it)}
        it.status = Status.REJECTED
        self._status_step("reject", before)

    def ignore_word(self, word: str) -> list[int]:
        """Ignore `word` everywhere in this review: every pending finding of exactly that text, now and after
        re-checks. Returns the ids ignored."""
        before: dict[int, Item | None] = {}
        for it in self._items.values():
            if it.status is Status.PENDING and it.text == word:
                before[it.id] = replace(it)
                it.status = Status.IGNORED
        added = () if word in self._ignored else (word,)
        if not before and not added:
            return []
        self._ignored.add(word)
        self._status_step("ignore", before, added)
        return sorted(before)

    def unignore_word(self, word: str) -> list[int]:
        """Take `word` off the ignore list: its findings ignored by the list are pending again (one undo step)."""
        if word not in self._ignored:
            return []
        before: dict[int, Item | None] = {}
        for it in self._items.values():
            if it.status is Status.IGNORED and it.text == word:
                before[it.id] = replace(it)
                it.status = Status.PENDING
        self._ignored.discard(word)
        self._status_step("unignore", before)
        return sorted(before)

    def ignore_rule(self, rule: str) -> list[int]:
        """Ignore `rule` in this article (one undo step): its pending findings, now and after re-checks, are
        ignored; the other articles still get it. Returns the ids ignored."""
        before: dict[int, Item | None] = {}
        for it in self._items.values():
            if it.status is Status.PENDING and it.rule == rule:
                before[it.id] = replace(it)
                it.status = Status.IGNORED
        if not before and rule in self._ignored_rules:
            return []
        added = () if rule in self._ignored_rules else (rule,)
        self._ignored_rules.add(rule)
        step = _Step("ignore_rule", [], 0, (), (), before, {}, (), list(self._dirty), rules_added=added)
        self._pending_step = (step, set(before))
        self._finish()
        return sorted(before)

    def mark_for_recheck(self, start: int, end: int) -> None:
        """Have the paragraph(s) of [start, end) checked again (what the rules know changed: a glossary entry, the
        source URL); `dirty_paragraphs` then lists them."""
        self._add_dirty(*_paragraph_bounds(self._text, start, end))

    def revert(self, item_id: int) -> None:
        """Undo one automatic fix (or an accepted one): its span gets the raw text back.

        ValueError if a later hand edit merged the fix with other text (undo that edit first).
        """
        it = self._items[item_id]
        if it.status not in (Status.AUTO, Status.ACCEPTED):
            raise ValueError(f"item {item_id} is {it.status}, not an applied fix")
        if it.stale:
            raise ValueError("this fix was edited by hand since; undo that edit first")
        edits = self._plan.edits
        idx = next((i for i, e in enumerate(edits) if e.item == item_id), None)
        if idx is None:
            # no edit of its own: a fix that changed nothing, or one merged with a neighbouring insertion
            before_item: dict[int, Item | None] = {item_id: replace(it)}
            if it.replacement == it.text or self._text[it.start : it.end] != it.replacement:
                it.status = Status.REVERTED if it.status is Status.AUTO else Status.PENDING
                it.replacement = None
                self._status_step("revert", before_item)
                return
            f = it.finding
            tpl = Edit(it.start, it.end, it.text, f.category, f.rule, False, f.key, "", None, "reverted")
            self._change("revert", [(it.start, it.end, it.text, tpl)], {item_id: 0}, before_item)
            it.status = Status.REVERTED if it.status is Status.AUTO else Status.PENDING
            it.replacement = None
            self._finish()
            return
        e = edits[idx]
        cs, ce = self._plan.map.edit_span(idx)
        before: dict[int, Item | None] = {item_id: replace(it)}
        step = _Step("revert", [(cs, self._text[cs:ce], e.before)], idx, (e,), (), before, {}, (), list(self._dirty))
        touched = self._replace_text([(cs, ce, e.before)], {item_id: 0}, before)
        self._plan = splice(self._plan, idx, idx + 1, (), self._text)
        self._pending_step = (step, touched)
        it.status = Status.REVERTED if it.status is Status.AUTO else Status.PENDING
        it.replacement = None
        self._finish()

    def edit(self, start: int, end: int, text: str, *, merge: bool = False) -> None:
        """A hand edit: cleaned[start:end] becomes `text`. Items it touches go stale; the paragraph is dirty.

        With `merge=True`, an edit inside or right after the text the previous hand edit typed (typing on,
        backspacing, overwriting) joins that edit's undo step, as text editors group typing; otherwise, and
        always after another kind of action, it is its own step.
        """
        if not 0 <= start <= end <= len(self._text):
            raise ValueError(f"bad span {start}..{end}")
        if self._text[start:end] == text:
            return
        last = self._undo[-1] if merge and self._undo and not self._redo else None
        if last is not None and not (
            last.kind == "edit"
            and len(last.ops) == 1
            and last.ops[0][0] <= start
            and end <= last.ops[0][0] + len(last.ops[0][2])
        ):
            last = None
        self._change("edit", [(start, end, text, None)], {}, {})
        self._add_dirty(start, start + len(text))
        if last is None or not self._merge_into(last):
            self._finish()

    def edit_many(self, edits: Sequence[tuple[int, int, str]]) -> int:
        """Several hand edits (a replace-all) as ONE undo step; spans in the current text, any order, not
        overlapping (ValueError otherwise). Returns how many changed the text."""
        from editor.core.bulk import sorted_edits

        ops = sorted_edits(self._text, edits)
        if ops:
            self._change("edit", [(a, b, t, None) for a, b, t in ops], {}, {})
            shift = 0
            for a, b, t in ops:
                self._add_dirty(a + shift, a + shift + len(t))
                shift += len(t) - (b - a)
            self._finish()
        return len(ops)

    def _merge_into(self, last: _Step) -> bool:
        """Fold the pending edit step into `last` (see `edit(merge=True)`); False if their plan changes are apart."""
        assert self._pending_step is not None
        step, touched = self._pending_step
        i1, n1 = last.splice_at, len(last.new_edits)
        i2, j2 = step.splice_at, step.splice_at + len(step.old_edits)
        if i2 > i1 + n1 or j2 < i1 or last.first_new_id == 0:
            return False
        if any(k < last.first_new_id and k not in last.before for k in step.before):
            return False  # it touched an item the first edit did not: keep the steps apart to undo exactly
        self._pending_step = None
        # the plan before `step` is the one after `last`: rebuild it to express both splices as one
        edits = self._plan.edits  # after both
        u0, u1 = min(i1, i2), max(i1 + n1, j2)  # region in the plan between the two steps
        mid = (*edits[:i2], *step.old_edits, *edits[i2 + len(step.new_edits) :])
        merged_old = (*mid[u0:i1], *last.old_edits, *mid[i1 + n1 : u1])
        merged_new = edits[u0 : u1 - (j2 - i2) + len(step.new_edits)]
        (a, old, new), (b, mid_old, typed) = last.ops[0], step.ops[0]
        text = new[: b - a] + typed + new[b - a + len(mid_old) :]
        last.ops = [(a, old, text)]
        last.splice_at, last.old_edits, last.new_edits = u0, merged_old, tuple(merged_new)
        for k in step.before:
            last.before.setdefault(k, None)  # created by a re-check after the first edit
        last.after = {k: (replace(self._items[k]) if k in self._items else None) for k in last.before}
        last.dirty_after = list(self._dirty)
        self._sorted = None
        ids = tuple(sorted(touched | set(step.before)))
        self._emit(ReviewEvent("edit", _event_ops(step.ops), ids, self._revision))
        return True

    def undo(self) -> bool:
        if not self._undo:
            return False
        step = self._undo.pop()
        self._replay(step, backwards=True)
        self._redo.append(step)
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        step = self._redo.pop()
        self._replay(step, backwards=False)
        self._undo.append(step)
        return True

    # ------------------------------------------------------------------------------------------ re-checks

    def dirty_paragraphs(self) -> list[tuple[int, int]]:
        """Paragraphs (cleaned coordinates) edited by hand since their last re-check; merged, in order."""
        spans: list[tuple[int, int]] = []
        for a, b in self._dirty:
            s, e = _paragraph_bounds(self._text, a, b)
            if spans and s <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
            else:
                spans.append((s, e))
        return spans

    def apply_recheck(
        self, start: int, end: int, findings: Sequence[Finding], revision: int | None = None, *, whole: bool = False
    ) -> bool:
        """Replace the pending paragraph-rule findings inside [start, end) by `findings` (cleaned coordinates);
        `whole`: those of every rule (the whole text was checked again, document rules included).

        Returns False (and changes nothing) when `revision` is given and the text changed since: the result is
        stale. Findings equal to an existing item keep that item (and its id); findings equal to a rejected or
        ignored one stay closed; words on the ignore list come in ignored.
        """
        if revision is not None and revision != self._revision:
            return False
        para_rules = _paragraph_rule_ids() if not whole else None
        existing: dict[tuple[str, int, int, str], Item] = {}
        drop: set[int] = set()
        for it in self._items.values():
            if start <= it.start and it.end <= end:
                key = (it.rule, it.start, it.end, self._text[it.start : it.end])
                existing.setdefault(key, it)
                if it.status is Status.PENDING and (para_rules is None or it.rule in para_rules):
                    drop.add(it.id)
        changed: list[int] = []
        for f in findings:
            if f.category in _OWN_WORDS and f.text in self._proposed:
                continue  # a word of a fix Galley proposed and the person accepted
            key = (f.rule, f.start, f.end, f.text)
            prev = existing.get(key)
            if prev is not None:  # found again: the item (its id, its decision) stays
                drop.discard(prev.id)
                said = (prev.finding.message, prev.finding.suggestions)
                if prev.status is Status.PENDING and said != (f.message, f.suggestions):
                    # what it says changed with what the rules know (the article's source URL was set)
                    prev.finding = replace(prev.finding, message=f.message, suggestions=f.suggestions)
                    changed.append(prev.id)
                continue
            ignored = f.text in self._ignored or f.rule in self._ignored_rules
            status = Status.IGNORED if ignored else Status.PENDING
            rs, re_ = self._plan.map.raw_span(f.start, f.end)
            it = Item(self._next_id, f, status, None, f.start, f.end, rs, re_)
            self._next_id += 1
            self._items[it.id] = it
            existing[key] = it
            changed.append(it.id)
        for item_id in drop:
            del self._items[item_id]
            changed.append(item_id)
        self._dirty = [(a, b) for a, b in self._dirty if not (start <= a and b <= end)]
        self._sorted = None
        self._emit(ReviewEvent("recheck", (), tuple(changed), self._revision))
        return True

    def recheck_dirty(self) -> int:
        """Re-check every dirty paragraph now, in this thread (tests, batch); returns how many were re-checked."""
        from editor.core.engine import recheck_paragraph

        spans = self.dirty_paragraphs()
        for s, e in reversed(spans):
            found = recheck_paragraph(self._text, s, e, self._lang, self.config, source_url=self.article.url)
            self.apply_recheck(s, e, found, self._revision)
        return len(spans)

    # ------------------------------------------------------------------------------------------ internals

    def _pending_item(self, item_id: int) -> Item:
        it = self._items[item_id]
        if it.status is not Status.PENDING:
            raise ValueError(f"item {item_id} is {it.status}, not pending")
        return it

    @staticmethod
    def _suggestion(it: Item, n: int) -> str:
        if not 0 <= n < len(it.suggestions):
            raise ValueError(f"item {it.id} has no suggestion {n + 1}")
        return it.suggestions[n]

    def _accept_items(self, kind: str, chosen: Sequence[tuple[Item, str]]) -> None:
        ops: list[tuple[int, int, str, Edit | None]] = []
        own: dict[int, int] = {}
        before: dict[int, Item | None] = {}
        for it, rep in chosen:
            f = it.finding
            tpl = Edit(it.start, it.end, rep, f.category, f.rule, False, f.key, "", it.id, "accepted")
            own[it.id] = len(ops)
            before[it.id] = replace(it)
            ops.append((it.start, it.end, rep, tpl))
        self._change(kind, ops, own, before)
        for it_id, k in own.items():
            item = self._items[it_id]
            item.status = Status.ACCEPTED
            item.replacement = ops[k][2]
            self._proposed.update(WORD_RE.findall(item.replacement))
        self._finish()

    def _change(
        self,
        kind: str,
        ops: list[tuple[int, int, str, Edit | None]],
        own: dict[int, int],
        before: dict[int, Item | None],
    ) -> None:
        """Fold `ops` into the plan and the text; the step is pushed by `_finish` once statuses are set."""
        dirty_before = list(self._dirty)
        i, j, new = compose(self._plan, ops, self._text)
        old_edits = self._plan.edits[i:j]
        text_ops = [(a, self._text[a:b], t) for a, b, t, _ in ops]
        displaced: list[Item] = []
        touched = self._replace_text([(a, b, t) for a, b, t, _ in ops], own, before, displaced)
        self._plan = splice(self._plan, i, j, new, self._text)
        if kind in ("accept", "accept_all"):
            touched |= reanchor(self, displaced)
        step = _Step(kind, text_ops, i, old_edits, tuple(new), before, {}, (), dirty_before)
        self._pending_step = (step, touched)

    def _status_step(self, kind: str, before: dict[int, Item | None], ignored_added: tuple[str, ...] = ()) -> None:
        dirty = list(self._dirty)
        self._pending_step = (_Step(kind, [], 0, (), (), before, {}, ignored_added, dirty), set(before))
        self._finish()

    def _finish(self) -> None:
        """Record the step's after-states, push it on the undo stack, tell the listeners."""
        assert self._pending_step is not None
        step, touched = self._pending_step
        self._pending_step = None
        step.after = {k: (replace(self._items[k]) if k in self._items else None) for k in step.before}
        step.dirty_after = list(self._dirty)
        step.first_new_id = self._next_id
        self._undo.append(step)
        self._redo.clear()
        self._sorted = None
        ids = tuple(sorted(touched | set(step.before)))
        self._emit(ReviewEvent(step.kind, _event_ops(step.ops), ids, self._revision))

    def _replace_text(
        self,
        ops: Sequence[tuple[int, int, str]],
        own: dict[int, int],
        before: dict[int, Item | None],
        displaced: list[Item] | None = None,
    ) -> set[int]:
        """Rewrite the cleaned text with `ops` (sorted, pre-op coordinates) and move every item with it.

        An item an op touches (overlaps, or contains an insertion point strictly inside): the op's own item
        takes the new text's span; other pending items are dropped; decided ones become stale and stretch over
        the changed text. Touched items' previous states go into `before`; returns their ids.
        """
        if not ops:
            return set()
        text = self._text
        parts: list[str] = []
        pos = 0
        starts: list[int] = []
        ends: list[int] = []
        cum: list[int] = [0]  # total length change of ops[:i]
        for a, b, t in ops:
            parts.append(text[pos:a])
            parts.append(t)
            pos = b
            starts.append(a)
            ends.append(b)
            cum.append(cum[-1] + len(t) - (b - a))
        parts.append(text[pos:])
        self._text = "".join(parts)
        touched: set[int] = set()
        n = len(ops)
        candidates: list[Item]
        if n == 1 and len(own) <= 1:
            a0, b0, t0 = ops[0]
            d0 = len(t0) - (b0 - a0)
            candidates = []
            own_id = next(iter(own), None)
            for it in self._items.values():
                s0 = it.start
                if it.id == own_id:
                    candidates.append(it)
                elif s0 > b0 or (s0 == b0 and it.end > s0):
                    if d0:
                        it.start = s0 + d0
                        it.end += d0
                elif it.end > a0 or it.end == a0 == s0 or s0 == b0:
                    candidates.append(it)
        else:
            candidates = list(self._items.values())
        bounds = set(starts) | set(ends)
        for it in candidates:
            k = own.get(it.id)
            if k is not None:
                a, _, t = ops[k]
                it.start = a + cum[k]
                it.end = it.start + len(t)
                touched.add(it.id)
                continue
            s, e = it.start, it.end
            i = bisect_right(ends, s)  # ops wholly before the item (an insertion at its start included)
            if i >= n or starts[i] >= e:
                if s == e and s in bounds:
                    # an empty item on the edge of a change could go either side: record it so that undo and
                    # redo put it back exactly where it was
                    touched.add(it.id)
                    if it.id not in before:
                        before[it.id] = replace(it)
                if cum[i]:
                    it.start = s + cum[i]
                    it.end = e + cum[i]
                continue
            touched.add(it.id)
            if it.id not in before:
                before[it.id] = replace(it)
            if it.status is Status.PENDING:
                del self._items[it.id]
                if displaced is not None:  # where its words went (the changed text), for `reanchor`
                    m = max(bisect_left(starts, e) - 1, i)
                    am, bm, tm = ops[m]
                    it.start = s + cum[i] if s < starts[i] else starts[i] + cum[i]
                    it.end = max(it.start, e + cum[m + 1] if e > bm else am + cum[m] + len(tm))
                    displaced.append(it)
                continue
            m = max(bisect_left(starts, e) - 1, i)  # last op starting before the item's end
            ns = s + cum[i] if s < starts[i] else starts[i] + cum[i]
            am, bm, tm = ops[m]
            ne = e + cum[m + 1] if e > bm else am + cum[m] + len(tm)
            it.start, it.end = ns, max(ns, ne)
            it.stale = True
        self._dirty = _shift_spans(self._dirty, starts, ends, ops, cum)
        self._revision += 1
        self._sorted = None
        return touched

    def _add_dirty(self, a: int, b: int) -> None:
        self._dirty = _merge_spans([*self._dirty, (a, b)])

    def _replay(self, step: _Step, *, backwards: bool) -> None:
        """Undo (backwards) or redo a step: text, plan and the items' states it recorded."""
        if backwards:
            ops = []
            delta = 0
            for a, old, new in step.ops:
                ops.append((a + delta, a + delta + len(new), old))
                delta += len(new) - len(old)
            states = step.before
            plan_from, plan_to = step.new_edits, step.old_edits
            for w in step.ignored_added:
                self._ignored.discard(w)
            self._ignored_rules.difference_update(step.rules_added)
        else:
            ops = [(a, a + len(old), new) for a, old, new in step.ops]
            states = step.after
            plan_from, plan_to = step.old_edits, step.new_edits
            self._ignored.update(step.ignored_added)
            self._ignored_rules.update(step.rules_added)
        touched = self._replace_text(ops, {}, {}) if ops else set()
        if plan_from or plan_to:
            self._plan = splice(self._plan, step.splice_at, step.splice_at + len(plan_from), plan_to, self._text)
        for k in touched:
            if k not in states:  # came after the step (a re-check): its text is gone again
                self._items.pop(k, None)
        for k, st in states.items():
            if st is None:
                self._items.pop(k, None)
            else:
                self._items[k] = replace(st)
        self._sorted = None
        # the paragraphs it touched are re-checked: a re-check between the step and now may have dropped findings
        self._dirty = _merge_spans(
            [*(step.dirty_before if backwards else step.dirty_after), *((a, a + len(t)) for a, _, t in ops)]
        )
        kind = "undo" if backwards else "redo"
        self._emit(ReviewEvent(kind, tuple(reversed(ops)), tuple(sorted(touched | set(states))), self._revision))

    def _emit(self, event: ReviewEvent) -> None:
        for cb in list(self._listeners):
            cb(event)
