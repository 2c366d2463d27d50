"""Every line the command line shows a person follows their language: French under a French locale, and under an
English or C locale exactly the English it always printed.

Each case runs the real `galley` in a child process with LANG set and LANGUAGE / LC_* removed, as a shell would.
"""

from __future__ import annotations

import json
import os
import pty
import re
import select
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from editor.cli import ARGPARSE_MESSAGES
from editor.commands.progress import Progress
from editor.core import i18n
from editor.core.session import Session, SessionLocked
from editor.formats.loaders import iter_paths

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import build_translations  # noqa: E402

FR = "fr_FR.UTF-8"
EN = "C.UTF-8"


@pytest.fixture(scope="module", autouse=True)
def compiled() -> None:
    build_translations.build_catalogues()


PERCENT = re.compile(r"%(?:\([a-z_]+\))?[srd]")


def test_argparse_s_messages_keep_their_placeholders_in_french() -> None:
    """argparse fills its messages with %: a French one missing or adding a placeholder would crash the error path."""
    with (REPO / "resources" / "locale" / "fr" / "LC_MESSAGES" / "galley.po").open("rb") as f:
        catalog = read_po(f)
    for msgid in ARGPARSE_MESSAGES:
        french = str(catalog[msgid].string)
        assert french and sorted(PERCENT.findall(french)) == sorted(PERCENT.findall(msgid)), msgid


def _env(lang: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env["LANG"] = lang
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


def _galley(lang: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args],
        capture_output=True,
        text=True,
        env=_env(lang),
        cwd=cwd or REPO,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of good and bad inputs, and a session over two articles (one done, with decisions)."""
    d = tmp_path_factory.mktemp("i18n_cli")
    (d / "good.txt").write_text("Bonjour , le monde.\n\nUne deuxième phrase .\n", encoding="utf-8")
    (d / "corpus.jsonl").write_text(
        '{"text": "Bonjour , le monde"}\n{bad json\n[1]\n{"title": "sans texte"}\n', encoding="utf-8"
    )
    (d / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    (d / "bad.toml").write_text("[fr.translation\n", encoding="utf-8")
    (d / "two.jsonl").write_text('{"text": "Un ."}\n{"text": "Deux ."}\n', encoding="utf-8")
    src = d / "src"
    src.mkdir()
    for i in range(2):
        article = {"title": f"Article {i}", "text": f"Poutine , qui a parlé avec Selenskyj le {i} mai .\n"}
        (src / f"a{i}.json").write_text(json.dumps(article), encoding="utf-8")
    from editor.core.review import Review

    with Session.open(d / "s.galley", loader=iter_paths) as s:
        for aid in s.add_paths([src]):
            review = Review.open(s.article(aid), s.check_config())
            if aid == 1:
                review.accept_all("terminology.glossary")
            s.commit_review(aid, review)
        s.set_status(1, "done")
    (d / "text.galley").write_text("juste du texte", encoding="utf-8")
    conn = sqlite3.connect(d / "other.galley")
    conn.execute("CREATE TABLE notes(x)")
    conn.commit()
    conn.close()
    return d


# (arguments, exit status, what French shows, what English shows); "{d}" is the inputs folder.
CASES = [
    # argparse: usage errors and --help of every command
    (
        ["check"],
        2,
        ["usage : galley check", "galley: les arguments suivants sont requis : CHEMIN"],
        ["usage: galley check", "galley: the following arguments are required: PATH"],
    ),
    (
        ["check", "--bogus", "{d}/good.txt"],
        2,
        ["arguments non reconnus : --bogus"],
        ["unrecognized arguments: --bogus"],
    ),
    (
        ["check", "--lang", "xx", "{d}/good.txt"],
        2,
        ["argument --lang : choix invalide : 'xx' (valeurs possibles : 'auto', 'fr', 'de', 'en')"],
        ["argument --lang: invalid choice: 'xx' (choose from 'auto', 'fr', 'de', 'en')"],
    ),
    (["check", "--jobs", "x", "{d}/good.txt"], 2, ["valeur int invalide : 'x'"], ["invalid int value: 'x'"]),
    (["check", "{d}/good.txt", "--glossary"], 2, ["un argument attendu"], ["expected one argument"]),
    (
        ["clean", "-o", "a.txt", "--output-dir", "b", "{d}/good.txt"],
        2,
        ["argument --output-dir : incompatible avec l’argument -o/--output"],
        ["argument --output-dir: not allowed with argument -o/--output"],
    ),
    (
        ["check", "--help"],
        0,
        ["arguments positionnels :", "options :", "afficher ce message d’aide et quitter", "Signale les dégâts"],
        ["positional arguments:", "options:", "show this help message and exit", "Report damage in articles."],
    ),
    (
        ["clean", "--help"],
        0,
        ["[-o FICHIER | --output-dir DOSSIER]", "écraser les fichiers de sortie existants"],
        ["[-o FILE | --output-dir DIR]", "overwrite existing output files"],
    ),
    (
        ["export", "--help"],
        0,
        ["Exporte les articles corrigés d’une session.", "seulement les articles marqués comme terminés"],
        ["Export the corrected articles of a session.", "only articles marked done"],
    ),
    (
        ["session", "--help"],
        0,
        ["Montre les articles et les décisions d’une session."],
        ["Show a session's articles and decisions."],
    ),
    (["rules", "--help"], 0, ["PRÉFIXE|ID", "un identifiant de règle"], ["PREFIX|ID", "a rule id or an id prefix"]),
    (
        ["--help"],
        0,
        ["Ouvre des articles aspirés du Web", "commandes de traitement par lots : galley {check,clean"],
        ["Open scraped articles in the Galley editor.", "batch commands: galley {check,clean"],
    ),
    # input errors: missing file, bad JSONL records, binary file, bad glossary
    (
        ["check", "{d}/missing.txt"],
        2,
        ["missing.txt: fichier ou dossier introuvable"],
        ["missing.txt: no such file or folder"],
    ),
    (
        ["check", "{d}/corpus.jsonl"],
        2,
        [
            "corpus.jsonl:2: JSON mal formé (nom de propriété entre guillemets doubles attendu à la colonne 2)",
            "corpus.jsonl:3: objet JSON attendu, trouvé list",
            "corpus.jsonl:4: aucun champ de texte (cherchés : text, content",
            "corpus.jsonl:1:1:8: typography/space-before-comma: pas d’espace avant une virgule",
        ],
        [
            "corpus.jsonl:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
            "corpus.jsonl:3: expected a JSON object, found list",
            "corpus.jsonl:4: no text field (looked for: text, content",
            "corpus.jsonl:1:1:8: typography/space-before-comma: no space before a comma",
        ],
    ),
    (
        ["check", "{d}/image.txt"],
        2,
        ["image.txt: ceci est une image PNG, pas du texte"],
        ["image.txt: this is a PNG image, not text"],
    ),
    (
        ["check", "--encoding", "nosuch", "{d}/good.txt"],
        2,
        ["good.txt: encodage inconnu 'nosuch'"],
        ["good.txt: unknown encoding 'nosuch'"],
    ),
    (
        ["check", "--glossary", "{d}/bad.toml", "{d}/good.txt"],
        2,
        ["galley: le glossaire {d}/bad.toml n’est pas du TOML valide"],
        ["galley: the glossary {d}/bad.toml is not valid TOML"],
    ),
    (
        ["check", "--glossary", "{d}/none.toml", "{d}/good.txt"],
        2,
        ["galley: impossible de lire le glossaire {d}/none.toml"],
        ["galley: cannot read the glossary {d}/none.toml"],
    ),
    # galley clean's own lines
    (
        ["clean", "--resume", "{d}/good.txt"],
        2,
        ["--resume demande --output-dir"],
        ["--resume needs --output-dir"],
    ),
    (
        ["clean", "--apply", "nosuch", "{d}/good.txt"],
        2,
        ["--apply nosuch : aucun identifiant de règle ne commence ainsi"],
        ["--apply nosuch: no rule id starts with it"],
    ),
    (
        ["clean", "--output-dir", "{d}/good.txt/x", "{d}/good.txt"],
        2,
        ["good.txt/x : impossible de créer le dossier (n’est pas un dossier)"],
        ["good.txt/x: cannot create the folder (Not a directory)"],
    ),
    (
        ["clean", "--explain", "-o", "{out}/one.txt", "{d}/good.txt"],
        0,
        ["good.txt: 2 modification(s), dont 2 automatique(s)", "typography/space-before-comma (auto)"],
        ["good.txt: 2 change(s), 2 automatic", "typography/space-before-comma (auto)"],
    ),
    (
        ["clean", "-o", "{out}/two.txt", "{d}/two.jsonl"],
        2,
        ["-o prend un seul article, mais l’entrée en contient plusieurs ; utilisez --output-dir"],
        ["-o takes one article but the input holds several; use --output-dir"],
    ),
    (
        ["clean", "--scheduler", "local:x", "{d}/good.txt"],
        2,
        ["galley: --scheduler local:x : écrivez local:N, N étant le nombre de processus de travail"],
        ["galley: --scheduler local:x: write local:N with N the number of worker processes"],
    ),
    # sessions: a normal run, and what is not a session
    (
        ["session", "{d}/s.galley"],
        0,
        [
            "2 article(s) : 1 terminé(s), 0 en cours, 1 à faire ; 1 décision(s)",
            "terminé",
            "à faire",
            "1 accepté(s)",
            "(aucune décision)",
        ],
        ["2 article(s): 1 done, 0 in progress, 1 to do; 1 decision(s)", "done", "todo", "1 accepted", "(no decisions)"],
    ),
    (
        ["session", "{d}/missing.galley"],
        2,
        ["missing.galley : fichier de session introuvable"],
        ["missing.galley: no such session file"],
    ),
    (
        ["session", "{d}/text.galley"],
        2,
        ["text.galley : pas une session Galley (pas une base de données SQLite)"],
        ["text.galley: not a Galley session (not an SQLite database)"],
    ),
    (
        ["export", "{d}/other.galley", "--output-dir", "{out}/x"],
        2,
        ["other.galley : pas une session Galley (un fichier SQLite vide ou sans rapport)"],
        ["other.galley: not a Galley session (an empty or unrelated SQLite file)"],
    ),
    # export: unknown format, bad report name, a normal run, then files already there
    (
        ["export", "{d}/s.galley", "--format", "xyz"],
        2,
        ["argument --format : choix invalide : 'xyz'"],
        ["argument --format: invalid choice: 'xyz'"],
    ),
    (
        ["export", "{d}/s.galley", "--output-dir", "{out}/e", "--report", "{out}/r.txt"],
        2,
        ["r.txt : le bilan doit se terminer par .csv ou .html"],
        ["r.txt: the report must end in .csv or .html"],
    ),
    (
        ["export", "{d}/s.galley", "--output-dir", "{out}/e", "--report", "{out}/e/r.csv"],
        0,
        ["2 article(s) dans 2 fichier(s) écrit(s) dans {out}/e, bilan {out}/e/r.csv"],
        ["2 article(s) in 2 file(s) written to {out}/e, report {out}/e/r.csv"],
    ),
    (
        ["export", "{d}/s.galley", "--output-dir", "{out}/e", "--only-done", "--force"],
        0,
        ["1 article(s) dans 1 fichier(s) écrit(s) dans {out}/e, 1 non terminé laissé de côté"],
        ["1 article(s) in 1 file(s) written to {out}/e, 1 not done skipped"],
    ),
    (
        ["export", "{d}/s.galley", "--output-dir", "{out}/e"],
        2,
        ["2 fichiers existent déjà : ", "(utilisez --force pour écraser)"],
        ["2 files exist already: ", "(use --force to overwrite)"],
    ),
    # rules: the listing's columns and the detail of one rule
    (
        ["rules", "casing"],
        0,
        ["casing.month", "avertissement", "relecture"],
        ["casing.month", "warning", "review"],
    ),
    (["rules", "nosuch"], 2, ["aucune règle"], ["no rule has the id or prefix 'nosuch'"]),
]


def _ids() -> Iterator[str]:
    for args, *_rest in CASES:
        yield " ".join(a.replace("{d}/", "").replace("{out}/", "") for a in args) or "(none)"


def _fill(text: str, d: Path, out: Path) -> str:
    return text.replace("{d}", str(d)).replace("{out}", str(out))


def _run_case(lang: str, args: list[str], d: Path, out: Path) -> tuple[int, str]:
    argv = [_fill(a, d, out) for a in args]
    r = _galley(lang, *argv, cwd=out)
    return r.returncode, (r.stdout + r.stderr).replace("\u00a0", " ")  # French puts no-break spaces before ":"


@pytest.mark.parametrize(("args", "status", "french", "english"), CASES, ids=list(_ids()))
def test_every_command_speaks_french_under_a_french_locale_and_english_otherwise(
    inputs: Path, tmp_path: Path, args: list[str], status: int, french: list[str], english: list[str]
) -> None:
    for lang, wanted, unwanted in ((FR, french, english), (EN, english, french)):
        out = tmp_path / lang
        out.mkdir()
        if args[0] == "export" and args[-1] == "{out}/e":  # the case of files already there: write them first
            _galley(lang, "export", str(inputs / "s.galley"), "--output-dir", str(out / "e"))
        code, text = _run_case(lang, args, inputs, out)
        assert code == status, (lang, text)
        assert "Traceback" not in text
        for piece in wanted:
            assert _fill(piece, inputs, out) in text, (lang, piece, text)
        for piece in unwanted:
            if piece not in english or piece not in french:  # a piece both languages print proves nothing
                assert _fill(piece, inputs, out) not in text, (lang, piece, text)


def test_english_help_and_usage_errors_keep_argparse_s_own_words(inputs: Path) -> None:
    """The English help is argparse's, word for word: binding its strings to Galley's catalogue changes nothing."""
    r = _galley(EN, "rules", "--help")
    assert r.stdout.startswith("usage: galley rules [-h] [--format {text,json}] [PREFIX|ID]\n")
    assert "\npositional arguments:\n  PREFIX|ID " in r.stdout and "\noptions:\n  -h, --help " in r.stdout
    fr = _galley(FR, "rules", "--help")
    assert fr.stdout.startswith("usage\u00a0: galley rules [-h] [--format {text,json}] [PRÉFIXE|ID]\n")
    assert "\narguments positionnels\u00a0:\n  PRÉFIXE|ID " in fr.stdout


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        (FR, "galley: impossible de joindre l’ordonnanceur Dask à 127.0.0.1:{port} ("),
        (EN, "galley: cannot reach the Dask scheduler at 127.0.0.1:{port} ("),
    ],
)
def test_an_unreachable_scheduler_is_one_line_in_the_user_s_language(inputs: Path, lang: str, wanted: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])  # closed again when the block ends: nothing listens there
    r = subprocess.run(
        [sys.executable, "-m", "editor", "check", "--scheduler", f"127.0.0.1:{port}", str(inputs / "good.txt")],
        capture_output=True,
        text=True,
        env=_env(lang, GALLEY_CONNECT_TIMEOUT="3"),
        cwd=REPO,
        timeout=240,
        check=False,
    )
    assert r.returncode == 2
    assert r.stderr.startswith(wanted.format(port=port)) and r.stderr.count("\n") == 1, r.stderr


def _read_pty(fd: int, proc: subprocess.Popen[bytes]) -> bytes:
    data = b""
    while True:
        ready, _w, _x = select.select([fd], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            data += chunk
        elif proc.poll() is not None:
            break
    return data


@pytest.mark.parametrize(("lang", "unit"), [(FR, "fichiers"), (EN, "files")])
def test_the_progress_bar_on_a_terminal_speaks_the_user_s_language(inputs: Path, lang: str, unit: str) -> None:
    """The bar is drawn only on a terminal: give `galley check` a real pseudo-terminal as its standard error."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "editor", "check", "--jobs", "1", str(inputs / "good.txt"), str(inputs / "src")],
            stdout=subprocess.DEVNULL,
            stderr=slave,
            env=_env(lang, TERM="xterm"),
            cwd=REPO,
        )
        os.close(slave)
        drawn = _read_pty(master, proc).decode("utf-8", "replace")
        assert proc.wait(timeout=180) == 1
    finally:
        os.close(master)
    assert f"3/3 {unit}" in drawn, drawn
    assert "articles/s" in drawn


def test_the_cluster_s_progress_unit_and_a_locked_session_follow_the_chosen_language(inputs: Path) -> None:
    """What the window shares with the CLI reads in the language set for the process (here French, then English)."""
    try:
        i18n.set_language("fr")
        assert "0/4 tâches  0 article  0.0 articles/s" in Progress(4, "tasks").line()  # 0 is singular in French
        locked = pytest.raises(SessionLocked, match="cette session est ouverte dans une autre fenêtre de Galley")
        with Session.open(inputs / "s.galley", loader=iter_paths), locked:
            Session.open(inputs / "s.galley", loader=iter_paths)
        i18n.set_language("en")
        assert "0/4 tasks  0 articles  0.0 articles/s" in Progress(4, "tasks").line()
    finally:
        i18n.set_language(None)
