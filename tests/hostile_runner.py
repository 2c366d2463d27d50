"""Runs `galley` in a child process under guard: limited memory, no network, and a record of files opened.

Used by the hostile-input tests: `python tests/hostile_runner.py OPENED_LOG -- check ...`. The audit hook
records every path the process opens, so a test can prove that a page's `<img src="/dev/zero">` or a
`file:///etc/passwd` link was never read; any attempt to open a network connection aborts the run.
"""

from __future__ import annotations

import os
import resource
import socket
import sys

MEMORY_LIMIT = 3 * 1024**3


def _no_network(*_args: object, **_kw: object) -> None:
    raise SystemExit("hostile_runner: network access attempted")


def main() -> int:
    log_path = sys.argv[1]
    argv = sys.argv[3:]
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    opened: list[str] = []

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "open" and args and isinstance(args[0], (str, bytes, os.PathLike)):
            opened.append(os.fsdecode(args[0]))
        elif event == "socket.connect":
            _no_network()

    sys.addaudithook(hook)
    socket.create_connection = _no_network  # type: ignore[assignment]
    from editor.cli import main as galley_main

    try:
        status = galley_main(argv)
    finally:
        with open(log_path, "w", encoding="utf-8") as f:
            f.write("\n".join(opened))
    return status


if __name__ == "__main__":
    sys.exit(main())
