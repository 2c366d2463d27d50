"""`galley rules [PREFIX | ID]`: what each rule looks for, so a user can decide what to `--disable`.

A prefix lists the matching rules (id, category, severity, languages, auto or not, description); an exact id shows
that rule's explanation and examples too.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from editor.commands import EXIT_INPUT_ERROR, EXIT_OK
from editor.core.i18n import N_, _
from editor.core.rules import all_rules
from editor.core.rules._docs import RuleDoc, doc_for


def _matches(rule_id: str, prefix: str) -> bool:
    return not prefix or rule_id == prefix or rule_id.startswith(prefix.rstrip(".") + ".")


_SEVERITY = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}


def _severity(d: RuleDoc) -> str:
    return _(_SEVERITY.get(d.severity, d.severity))


def _line(d: RuleDoc, width: int, severity_width: int) -> str:
    langs = ",".join(d.languages) or _("all")
    auto = _("auto") if d.auto else _("review")
    auto_width = max(6, len(_("auto")), len(_("review")))
    return f"{d.id:<{width}}  {_severity(d):<{severity_width}}  {langs:<8}  {auto:<{auto_width}}  {d.description}"


def _detail(d: RuleDoc) -> str:
    langs = ", ".join(d.languages) or _("every language")
    fix = _("applied automatically by `galley clean`") if d.auto else _("proposed for review")
    head = _("category: {category}   severity: {severity}   languages: {languages}   fix: {fix}")
    out = [d.id, "  " + head.format(category=d.category, severity=_severity(d), languages=langs, fix=fix), ""]
    out += textwrap.wrap(d.description, 116, initial_indent="  ", subsequent_indent="  ")
    if d.explanation:
        out += ["", *textwrap.wrap(" ".join(d.explanation.split()), 116, initial_indent="  ", subsequent_indent="  ")]
    for n, e in enumerate(d.examples, 1):
        out += ["", "  " + _("example {n} ({lang}):").format(n=n, lang=e.lang)]
        out += ["    " + _("wrong: {text}").format(text=e.wrong), "    " + _("right: {text}").format(text=e.right)]
        if e.suggestion is not None:
            out.append("    " + _("suggestion: {text}").format(text=repr(e.suggestion)))
    return "\n".join(out) + "\n"


def run(args: argparse.Namespace) -> int:
    prefix = args.rule or ""
    docs = [doc_for(r) for r in all_rules() if _matches(r.id, prefix)]
    if not docs:
        message = _("no rule has the id or prefix {prefix} (galley rules lists them all)").format(prefix=repr(prefix))
        print(f"galley: {message}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    exact = [d for d in docs if d.id == prefix]
    if args.format == "json":
        chosen = exact or docs
        sys.stdout.write("".join(json.dumps(d.to_json(), ensure_ascii=False) + "\n" for d in chosen))
        return EXIT_OK
    if exact:
        sys.stdout.write(_detail(exact[0]))
        return EXIT_OK
    width = max(len(d.id) for d in docs)
    severity_width = max(7, *(len(_severity(d)) for d in docs))
    sys.stdout.write("".join(_line(d, width, severity_width) + "\n" for d in docs))
    return EXIT_OK
