"""Typography rules written as data prove themselves, and conventions an article keeps are not reported as damage."""

from __future__ import annotations

import pytest

from editor.core.engine import analyse_text
from editor.core.findings import Finding, Severity
from editor.core.rules import all_rules
from editor.core.rules._typography_base import RegexRule
from editor.core.rules.base import CheckConfig, PatternRule

DATA_RULES = [r for r in all_rules() if isinstance(r, PatternRule)]


def findings(text: str, rule: str) -> list[Finding]:
    return [f for f in analyse_text(text, "fr", CheckConfig(lang="fr", enabled=(rule,))) if f.rule == rule]


def test_there_are_rules_written_as_data() -> None:
    assert len(DATA_RULES) >= 14
    assert {r.category for r in DATA_RULES} >= {"typography", "encoding", "whitespace"}
    assert sum(isinstance(r, RegexRule) for r in DATA_RULES) >= 10


@pytest.mark.parametrize("rule", DATA_RULES, ids=lambda r: r.id)
def test_each_data_rule_fixes_its_examples_and_leaves_its_counter_examples(rule: PatternRule) -> None:
    assert rule.fires, f"{rule.id} has no example"
    for wrong, right in rule.fires:
        found = findings(wrong, rule.id)
        assert found, f"{rule.id} misses {wrong!r}"
        f = found[0]
        assert wrong[: f.start] + f.suggestions[0] + wrong[f.end :] == right
        assert findings(right, rule.id) == [], f"{rule.id} fires on its own fix {right!r}"
    for text in rule.quiet:
        assert findings(text, rule.id) == [], f"{rule.id} fires on {text!r}"


def severities(text: str, rule: str) -> list[tuple[str, Severity]]:
    return [(f.text, f.severity) for f in findings(text, rule)]


def test_two_glued_guillemets_alone_are_info_each_since_two_marks_do_not_make_a_house_style() -> None:
    text = "Il a dit «non»."
    assert severities(text, "typography.nbsp-guillemets") == [("«", Severity.INFO), ("»", Severity.INFO)]


def test_a_guillemet_without_space_in_an_article_that_spaces_them_is_a_warning() -> None:
    text = "Il a dit « non ».\n\nElle a répondu « oui » puis « peut-être ».\n\nEnfin «jamais »."
    found = severities(text, "typography.nbsp-guillemets")
    assert ("«", Severity.WARNING) in found
    assert all(s == Severity.INFO for t, s in found if t != "«")


def test_a_glued_colon_is_info_where_the_article_glues_them_and_a_warning_where_it_spaces_them() -> None:
    glued = "Il a dit: non.\n\nElle a répondu: oui."
    assert {s for _, s in severities(glued, "typography.nbsp-before-mark")} == {Severity.INFO}
    spaced = "Il a dit : non.\n\nElle a répondu : oui.\n\nEnfin: jamais."
    found = severities(spaced, "typography.nbsp-before-mark")
    assert (":", Severity.WARNING) in found


def test_ordinals_in_the_articles_own_style_are_info_and_deviations_warnings() -> None:
    assert {s for _, s in severities("Le 8ème album, au XIXème siècle.", "typography.ordinal")} == {Severity.INFO}
    mixed = severities("Le 8ème album du XIXe siècle, le 2e et le 3e.", "typography.ordinal")
    assert ("8ème", Severity.WARNING) in mixed


def test_temperatures_and_units_glued_consistently_are_info_and_a_wrong_case_stays_a_warning() -> None:
    assert severities("Il fait 40°C, puis 35°C.", "typography.unit-space") == [
        ("40°C", Severity.INFO),
        ("35°C", Severity.INFO),
    ]
    assert ("18kg", Severity.WARNING) in severities("Il pèse 18kg, 20 kg et 25 kg.", "typography.unit-space")
    assert ("3 Kg", Severity.WARNING) in severities("Il pèse 3 Kg.", "typography.unit-space")


# --- a consistent house style is reported once, its deviations are warnings --------------------------------------

GLUED_ARTICLE = (
    "Le ministre a qualifié la grève de «prise d'otages». Les syndicats dénoncent une «provocation».\n\n"
    "Pour la CGT, la réforme reste «inacceptable» et la mobilisation continuera jeudi."
)


def test_an_article_that_never_spaces_its_guillemets_gets_one_info_with_the_count_and_no_warning() -> None:
    (f,) = findings(GLUED_ARTICLE, "typography.nbsp-guillemets")
    assert f.severity is Severity.INFO
    assert (f.start, f.end, f.text) == (GLUED_ARTICLE.index("«"), GLUED_ARTICLE.index("«") + 1, "«")
    assert "«mot»" in f.message and "6" in f.message
    assert f.suggestions == ()


def test_the_one_quotation_that_breaks_the_house_style_is_the_warning_and_its_fix_is_the_house_form() -> None:
    text = GLUED_ARTICLE + "\n\nLe patronat juge la grève « politique »."
    found = findings(text, "typography.nbsp-guillemets")
    warnings = [f for f in found if f.severity is Severity.WARNING]
    assert [(f.text, f.start) for f in warnings] == [("« ", text.index("« politique")), (" »", text.index(" »."))]
    assert [f.suggestions[0] for f in warnings] == ["«", "»"]
    assert [f.severity for f in found].count(Severity.INFO) == 1
    fixed = text
    for f in sorted(warnings, key=lambda f: -f.start):
        fixed = fixed[: f.start] + f.suggestions[0] + fixed[f.end :]
    assert findings(fixed, "typography.nbsp-guillemets")[0].severity is Severity.INFO
    assert len(findings(fixed, "typography.nbsp-guillemets")) == 1


def test_one_ordinal_out_of_the_article_style_is_one_warning_suggesting_the_article_form() -> None:
    text = (
        "Le 8ème album du groupe sort le 2ème jeudi de mars. Il est classé 3ème des ventes au XXIème siècle.\n\n"
        "C'est le 4e disque de l'année."
    )
    found = findings(text, "typography.ordinal")
    assert [(f.text, f.severity) for f in found] == [("8ème", Severity.INFO), ("4e", Severity.WARNING)]
    assert found[1].suggestions[0] == "4ème"
    assert "4 times" in found[0].message


def test_half_and_half_the_french_standard_wins() -> None:
    text = "Le chômage recule de 2 % en mai et de 3 % en juin, après 4% en avril et 5% en mars."
    found = findings(text, "typography.unit-space")
    assert not any("house style" in f.message for f in found)
    glued = [f for f in found if "%" in f.text and " " not in f.text and "\u00a0" not in f.text]
    assert [(f.text, f.severity, f.suggestions[0]) for f in glued] == [
        ("4%", Severity.WARNING, "4\u00a0%"),
        ("5%", Severity.WARNING, "5\u00a0%"),
    ]


def test_a_profile_that_keeps_house_styles_reports_the_consistent_article_not_at_all() -> None:
    keep = CheckConfig(lang="fr", enabled=("typography",), house_style=True)
    assert [f for f in analyse_text(GLUED_ARTICLE, "fr", keep) if f.rule == "typography.nbsp-guillemets"] == []
    text = GLUED_ARTICLE + "\n\nLe patronat juge la grève « politique »."
    kept = [f for f in analyse_text(text, "fr", keep) if f.rule == "typography.nbsp-guillemets"]
    assert {f.severity for f in kept} == {Severity.WARNING} and len(kept) == 2


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("typography.nbsp-before-mark", "Bilan: rien. Question: pourquoi? Réponse: personne ne sait."),
        ("typography.number-spacing", "Il a gagné 20 000 euros, puis 15 000 euros, enfin 300 000 euros."),
        ("typography.dash", "Le budget - voté hier - atteint un record - soit le double de 2019."),
        ("typography.straight-quotes", 'Il parle de "réforme", de "provocation" et de "trahison".'),
        ("typography.ordinal", "Le 1er mai, pour la 2e fois au XXIe siècle."),
    ],
)
def test_each_convention_kept_throughout_is_one_info(rule: str, text: str) -> None:
    (f,) = findings(text, rule)
    assert f.severity is Severity.INFO and "house style" in f.message and f.suggestions == ()


def test_straight_quotes_among_guillemets_are_info_and_guillemets_are_never_turned_into_straight_quotes() -> None:
    mixed = 'Il parle de « réforme », de « provocation » et de "trahison".'
    assert [s for _, s in severities(mixed, "typography.straight-quotes")] == [Severity.INFO] * 2
    nested = 'Il a lancé : « Ils m\'ont dit "jamais" hier », puis « non ».'
    assert findings(nested, "typography.straight-quotes") == []
    straight = 'Il parle de "réforme", de "provocation", de "trahison" et de « chaos ».'
    assert [f.severity for f in findings(straight, "typography.straight-quotes")] == [Severity.INFO]


def test_the_house_style_finding_has_nothing_to_accept_and_bulk_accept_leaves_it() -> None:
    from editor.core.article import Article
    from editor.core.review import Review, Status

    review = Review.open(Article(GLUED_ARTICLE, source="t.txt"), CheckConfig(lang="fr", enabled=("typography",)))
    (item,) = [i for i in review.items if i.rule == "typography.nbsp-guillemets"]
    assert review.accept_all("typography.nbsp-guillemets") == []
    with pytest.raises(ValueError, match="no suggestion"):
        review.accept(item.id)
    assert review.cleaned == GLUED_ARTICLE
    review.reject(item.id)
    assert next(i for i in review.items if i.id == item.id).status is Status.REJECTED


def test_straight_quotes_nested_in_guillemets_are_a_quotation_within_a_quotation_not_a_mismatch() -> None:
    text = 'Qui a écrit que les « rescapés étaient des revenants, au sens du mot "spectres" » ?'
    assert findings(text, "typography.mismatched-quotes") == []
    assert findings("Il a dit “oui» hier.", "typography.mismatched-quotes")


def test_a_four_digit_quantity_left_whole_is_never_a_warning_even_among_grouped_numbers() -> None:
    text = "Le groupe emploie 12 000 salariés en France et plus de 6000 personnes en Espagne."
    assert [f.severity for f in findings(text, "typography.number-spacing") if f.text == "6000"] == [Severity.INFO]
