"""The re-check process of the editor's long articles: what it finds is what the window would find itself, under
the settings of each request (the person may change them after it started), and it never outlives its use."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor.core.engine import recheck_paragraph
from editor.core.recheck_server import RecheckServer, RecheckServerGone, recheck_snapshots
from editor.core.rules.base import CheckConfig

PARAGRAPHS = [
    "Le présidnet a parlé  au peuple , hier soir.",
    "Il a parlé du blitzwort devant l'assemblée nationale.",
    "Une phrase sans la moindre faute, pour voir.",
    'Il a dit "bonjour" a tout le monde...',
]


def _snapshots() -> list[tuple[int, int, str]]:
    out, at = [], 0
    for p in PARAGRAPHS:
        out.append((at, at + len(p), p))
        at += len(p) + 2
    return out


@pytest.fixture
def server() -> Iterator[RecheckServer]:
    s = RecheckServer("fr", CheckConfig())
    yield s
    s.close()


def test_the_server_finds_what_a_local_recheck_finds_under_each_requests_settings(
    server: RecheckServer, tmp_path: Path
) -> None:
    glossary = tmp_path / "glossaire.toml"
    glossary.write_text('[fr.x]\n"blitzwort" = { prefer = ["zorglubage"], gender = "fem" }\n', encoding="utf-8")
    configs = [
        CheckConfig(),
        CheckConfig(disabled=("spelling",)),  # a rule turned off after the server started
        CheckConfig(glossary_path=str(glossary)),  # the person's glossary chosen since
        CheckConfig(profile="fr-CH"),
    ]
    snaps = _snapshots()
    seen_rules = []
    for config in configs:
        remote = server.recheck(snaps, "fr", config, "https://example.org/a")
        local = [
            (
                s,
                e,
                [
                    f.shifted(s)
                    for f in recheck_paragraph(t, 0, len(t), "fr", config, source_url="https://example.org/a")
                ],
            )
            for s, e, t in snaps
        ]
        assert remote == local == recheck_snapshots(snaps, "fr", config, "https://example.org/a")
        seen_rules.append({f.rule for _, _, found in remote for f in found})
    assert "spelling.unknown-word" in seen_rules[0]
    assert not any(r.startswith("spelling") for r in seen_rules[1]), "a rule turned off is off in the server too"
    assert "terminology.glossary" in seen_rules[2] and "terminology.glossary" not in seen_rules[0]
    first = server.recheck(snaps, "fr", configs[0], None)[0][2][0]
    assert first.start == snaps[0][0] + PARAGRAPHS[0].index("présidnet")  # placed at the paragraph's offset


def test_the_end_of_its_input_ends_the_server_at_once(server: RecheckServer) -> None:
    server.recheck(_snapshots()[:1], "fr", CheckConfig(), None)  # warmed up and serving
    assert server.proc.stdin is not None
    server.proc.stdin.close()
    assert server.proc.wait(timeout=10) == 0


def test_a_killed_server_is_reported_so_the_caller_rechecks_itself(server: RecheckServer) -> None:
    snaps = _snapshots()
    assert server.recheck(snaps, "fr", CheckConfig(), None)
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait(timeout=10)
    assert not server.alive
    with pytest.raises(RecheckServerGone, match="ended"):
        server.recheck(snaps, "fr", CheckConfig(), None)
    server.close()
    with pytest.raises(RecheckServerGone, match="closed"):
        server.recheck(snaps, "fr", CheckConfig(), None)


PARENT = r"""
from editor.core.recheck_server import RecheckServer
from editor.core.rules.base import CheckConfig
s = RecheckServer("fr", CheckConfig())
print(s.proc.pid, flush=True)
s.recheck([(0, 10, "Un présidnet.")], "fr", CheckConfig(), None)
print("served", flush=True)
import time
time.sleep(600)
"""


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="finds the re-check process through /proc, which only Linux has"
)
def test_the_server_dies_with_the_window_even_after_kill_9() -> None:
    from tests.processes import alive

    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(repo))
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, cwd=repo, env=env)
    try:
        assert parent.stdout is not None
        pid = int(parent.stdout.readline())
        assert parent.stdout.readline().strip() == "served"
        assert alive(pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        end = time.monotonic() + 30
        while alive(pid) and time.monotonic() < end:
            time.sleep(0.1)
        assert not alive(pid), "the re-check process outlived its window"
    finally:
        parent.kill()
        parent.wait()
