"""A French user reads every finding in French: no rule message may bypass the catalogue.

Each rule's own examples (and damaged texts that reach the message paths the examples miss) are checked twice,
in English then in French: every French message must differ from the English one, unless the catalogue lists
that message as translated identically (a message that is only a name or a sign). A message built with an
f-string, or a new message nobody translated, reads the same in both languages and fails here. The command line
is checked the way a user sees it: `LANG=fr_FR.UTF-8 galley check` prints no known English message.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from editor.core import analysis, online
from editor.core.article import Article
from editor.core.engine import analyse_text
from editor.core.findings import Finding
from editor.core.i18n import set_language
from editor.core.language import detect_language
from editor.core.rules import all_rules
from editor.core.rules._docs import doc_for
from editor.core.rules.base import CheckConfig, Rule

REPO = Path(__file__).resolve().parents[1]
PO = REPO / "resources" / "locale" / "fr" / "LC_MESSAGES" / "galley.po"
sys.path.insert(0, str(REPO / "scripts"))
import build_translations  # noqa: E402
import messages  # noqa: E402

RULES = all_rules()
# `{name}` (str.format) and `\1`, `\g<name>` (the pattern rules' group references) stand for text of the article
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}|\\[0-9]|\\g<[a-z_0-9]+>")

# Damaged texts for the messages no rule example reaches (other branches of a rule, other counts, other details).
DAMAGE: tuple[tuple[str, str], ...] = (
    ("fr", "Le prix &amp;amp;amp; la taxe, et &amp;eacute;t&amp;eacute; aussi."),
    ("fr", "Un mot\x0bun autre mot ici, puis la suite du texte."),
    ("fr", "Le mot \u200f שלום est en hébreu dans la phrase."),
    ("fr", "Le caf\ufffd\ufffd était froid ce matin-là."),
    ("fr", "Un texte \x1b[1men gras\x1b[0m dans le terminal, et un bip\x07 ici."),
    ("fr", "Les mots\u200b collés\ufeff par des caractères invisibles."),
    ("fr", "Lire <!-- commentaire --> la suite</b> et <p>la fin."),
    ("fr", "## Titre\n\nUn [[Lien|lien wiki]] et du '''gras''' ici.\n\n== Section ==\n\nLa suite."),
    ("fr", "Voir http:// et https://123/politique/article.html et file:///etc/passwd et data:text/html,abc ici."),
    ("fr", "Voir http : // www. lemonde. fr / politique et www. lemonde. fr /x ici."),
    ("fr", "Le 2ème jour du XIXème siècle, 18 Kg et 1.000.000 habitants, 3000 euros et 1234567 personnes."),
    ("fr", "Il est venu ce Lundi, le 3 Mars, avec des français en mer méditerranée et sur l'océan pacifique."),
    ("fr", "Le ministre de l'intérieur parle de l'hémisphère Nord, du moyen âge, de homo sapiens, d'un coup d'état."),
    ("fr", "Le sommet de l'union européenne et de l'Afrique du sud. Le pays parle. il est venu."),
    ("fr", "Il parle Anglais et Russe avec des Parisiens."),
    ("fr", "L'homme dit qu il vient et dautres gens aussi, avec un gouvernemnt et un xqzwvtk."),
    ("fr", '« Bonjour » , dit-il „ici“ et "là" ( voir ) [ note ] puis l\'homme et l’État.'),
    ("de", "Er sagte “Hallo” und ging. Das ist ein Test , ja ! Und dann ?"),
    ("en", "He said „hello“ and left ; then : nothing !"),
    ("auto", "Этот текст написан по-русски, и Galley не умеет проверять русский язык, только три других языка."),
)


def _regex(template: str) -> re.Pattern[str]:
    parts = _PLACEHOLDER.split(template)
    return re.compile(".*?".join(re.escape(p) for p in parts), re.DOTALL)


def _catalogue() -> list[tuple[str, str]]:
    """(source, translation) of every translated entry; a plural entry gives its singular and its plural form."""
    out: list[tuple[str, str]] = []
    with PO.open("rb") as f:
        for m in read_po(f):
            if isinstance(m.id, str) and m.id and m.string:
                out.append((m.id, str(m.string)))
            elif isinstance(m.id, tuple | list) and isinstance(m.string, tuple | list) and all(m.string):
                out += [(m.id[0], str(m.string[0])), (m.id[1], str(m.string[-1]))]
    return out


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    build_translations.build_catalogues()


@pytest.fixture(autouse=True)
def _environment_language() -> Iterator[None]:
    yield
    set_language(None)  # the next test speaks the environment's language again


@pytest.fixture(scope="module")
def same_in_both() -> list[re.Pattern[str]]:
    """Messages the catalogue translates by themselves (`le Moyen Âge` may stay as it is in French)."""
    return [_regex(msgid) for msgid, msgstr in _catalogue() if msgid == msgstr]


def _checked(lang: str, text: str, title: str | None = None, only: tuple[str, ...] = ()) -> list[Finding]:
    lang = detect_language(text) if lang == "auto" else lang
    return list(analyse_text(text, lang, CheckConfig(lang=lang, enabled=only), title=title))


def _both(lang: str, text: str, title: str | None = None, only: tuple[str, ...] = ()) -> list[tuple[Finding, Finding]]:
    set_language("en")
    english = _checked(lang, text, title, only)
    set_language("fr")
    french = _checked(lang, text, title, only)
    assert [(f.rule, f.start, f.end) for f in english] == [(f.rule, f.start, f.end) for f in french]
    return list(zip(english, french, strict=True))


def _untranslated(pairs: list[tuple[Finding, Finding]], same: list[re.Pattern[str]]) -> list[str]:
    return [
        f"{en.rule}: {en.message!r}"
        for en, fr in pairs
        if fr.message == en.message and not any(t.fullmatch(en.message) for t in same)
    ]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_message_on_a_rules_examples_is_french(rule: Rule, same_in_both: list[re.Pattern[str]]) -> None:
    doc = doc_for(rule)
    for example in doc.examples:
        alone = _both(example.lang, example.wrong, example.title, only=(rule.id,))
        assert alone, f"{rule.id} does not fire on {example.wrong!r}"
        every = _both(example.lang, example.wrong, example.title)  # and what the other rules say on it
        assert _untranslated(alone + every, same_in_both) == [], f"English in French output on {example.wrong!r}"


@pytest.mark.parametrize("lang,text", DAMAGE, ids=[f"damage{i}" for i in range(len(DAMAGE))])
def test_every_message_on_damaged_text_is_french(lang: str, text: str, same_in_both: list[re.Pattern[str]]) -> None:
    pairs = _both(lang, text)
    assert pairs, f"nothing found in {text!r}"
    assert _untranslated(pairs, same_in_both) == []


def test_a_message_built_outside_the_catalogue_is_caught(same_in_both: list[re.Pattern[str]]) -> None:
    """The check itself: an English message that reads the same in French fails it, a translated one passes."""
    set_language("en")
    english = _checked("fr", "Le ministre , qui")
    set_language("fr")
    french = _checked("fr", "Le ministre , qui")
    assert _untranslated(list(zip(english, french, strict=True)), same_in_both) == []
    assert _untranslated(list(zip(english, english, strict=True)), same_in_both) != []


def test_a_fix_that_cannot_be_made_to_agree_says_so_in_french(
    tmp_path: Path, same_in_both: list[re.Pattern[str]]
) -> None:
    glossary = tmp_path / "glossaire.toml"
    glossary.write_text('[fr.untranslated]\n"blitzwort" = "zorglubage"\n', encoding="utf-8")
    text = "Il a parlé de la blitzwort hier soir."
    pairs = []
    for language in ("en", "fr"):
        set_language(language)
        pairs.append(analyse_text(text, "fr", CheckConfig(lang="fr", glossary_path=str(glossary))))
    found = list(zip(*pairs, strict=True))
    assert _untranslated(found, same_in_both) == []
    assert any("accordez à la main" in fr.message for _en, fr in found)


def test_the_windows_separate_analysis_process_speaks_the_windows_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window analyses long articles in a child process; French chosen in the window, English in the
    environment: the findings still come back in French."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(analysis, "PROCESS_ABOVE", 10)
    article = Article(text="Le ministre , qui parle. Le prix &amp;eacute; du café.", lang="fr")
    set_language("fr")
    review, _links = analysis.analyse_maybe_in_process(article, CheckConfig(lang="fr"), None, threading.Event())
    messages = {it.finding.rule: it.finding.message for it in review.items}
    assert messages["typography.space-before-comma"] == "pas d’espace avant une virgule"
    assert messages["encoding.html-entity"].startswith("entité HTML")


def test_cluster_workers_write_in_the_clients_language(tmp_path: Path) -> None:
    """`galley check --scheduler`: a Dask worker started in English writes the French client's findings in French
    (the task itself is run here; tests/test_cluster.py runs real workers)."""
    from editor.commands.check import Report
    from editor.commands.cluster import CheckWork, Shard

    article = tmp_path / "article.txt"
    article.write_text("Le ministre , qui parle.\n", encoding="utf-8")
    set_language("fr")
    work = CheckWork(CheckConfig(lang="fr"), "text", None)
    set_language("en")  # the worker's own environment
    (report,) = work(Shard((str(article),)), 1, 0).items
    assert isinstance(report, Report)
    assert "pas d’espace avant une virgule" in report.output


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port: int = s.getsockname()[1]
    s.close()
    return port


def test_online_link_findings_are_french(same_in_both: list[re.Pattern[str]]) -> None:
    """`galley check --online`: the answers of a server (a refused connection is asked for real, on 127.0.0.1)."""
    url = f"http://127.0.0.1:{_closed_port()}/x"
    article = Article(text=f"Voir {url} ici.", lang="fr")
    start, end = 5, 5 + len(url)
    answers = [
        online.Probe(url, 404),
        online.Probe(url, 410, f"{url}/"),
        online.Probe(url, 503),
        online.Probe(url, 200, f"{url}/"),
        online.Probe(url, error="timeout", detail="5 s"),
    ]
    pairs = []
    for language in ("en", "fr"):
        set_language(language)
        online.clear_cache()
        probes = [*answers, online.probe(url, timeout=2.0)]
        pairs.append([online._finding(article, start, end, p) for p in probes])
    found = [(en, fr) for en, fr in zip(*pairs, strict=True) if en is not None and fr is not None]
    assert len(found) == 6
    assert _untranslated(found, same_in_both) == []
    assert "refusé la connexion" in found[-1][1].message


_CODE = re.compile(r"(`[^`]*`)")
# French sets a no-break space before : ; ! ? and » and after «; code (between backticks) is quoted as it is
_PLAIN_SPACE = re.compile(r"(?<=\S) [:;!?»]|« ")


def test_every_french_message_uses_no_break_spaces() -> None:
    """Findings, rule documentation, the command line's lines and errors, and argparse's own strings alike.

    argparse's strings take U+00A0 too ("usage\u00a0: ", "options\u00a0" before the colon argparse adds): it is one
    column wide like a space, argparse measures with len() and its line wrapping never breaks at it, so the help's
    columns stay aligned. Entries the code no longer uses (the catalogue keeps them) are shown to nobody."""
    used: set[str] = set()
    for entry in messages.strings():
        used.update((entry,) if isinstance(entry, str) else entry)
    plain = []
    for msgid, msgstr in _catalogue():
        prose = "".join(_CODE.split(msgstr)[::2])
        if msgid in used and _PLAIN_SPACE.search(prose):
            plain.append(msgstr)
    assert plain == [], "use U+00A0 before : ; ! ? » and after « in galley.po"


def test_translations_keep_every_group_reference_of_the_pattern_rules() -> None:
    """A pattern rule's message names the match's groups (`« \\1 » takes no period`); a French text without them
    would lose the quoted word, and a reference to a group that does not exist would raise."""
    refs = re.compile(r"\\[0-9]|\\g<[a-z_0-9]+>")
    for msgid, msgstr in _catalogue():
        assert sorted(refs.findall(msgid)) == sorted(refs.findall(msgstr)), msgid


# --- the command line, as a user runs it ---------------------------------------------------------------------------

_LINE_RE = re.compile(r"^.+?:\d+:\d+: (?P<rule>[\w.\-/]+): (?P<message>.*?)(?: -> .*)?$")


def _english_messages() -> list[re.Pattern[str]]:
    """Catalogue sources with another French text, long enough not to be words French shares with English, and
    not quoted by their own translation (`le Moyen Âge` → `on écrit « le Moyen Âge »`)."""
    out = []
    for msgid, msgstr in _catalogue():
        literal = _PLACEHOLDER.sub(" ", msgid)
        source = _regex(msgid)
        if msgid != msgstr and len(literal.split()) >= 3 and not source.search(msgstr):
            out.append(source)
    return out


def _french_check(*paths: Path) -> list[tuple[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = "fr_FR.UTF-8"
    r = subprocess.run(
        [sys.executable, "-m", "editor", "check", *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert r.returncode == 1, r.stderr
    found = [m for m in map(_LINE_RE.match, r.stdout.splitlines()) if m]
    assert found, r.stdout
    return [(m["rule"], m["message"]) for m in found]


def test_galley_check_in_a_french_locale_prints_no_english_message(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    body = "\n\n".join(text for lang, text in DAMAGE if lang == "fr")
    # one line that is not UTF-8 (read as cp1252, and reported as such)
    damaged.write_bytes(body.encode("utf-8") + "\n\nUne ligne en cp1252 : l'été à Noël.\n".encode("cp1252"))
    shown = _french_check(REPO / "tests" / "data" / "sample_000.txt", damaged)
    english = _english_messages()
    leaks = [f"{rule}: {message}" for rule, message in shown if any(t.search(message) for t in english)]
    assert leaks == []
    rules = {rule for rule, _message in shown}
    assert {"encoding/fallback-line", "encoding/html-entity", "link/malformed", "casing/proper-name"} <= rules
