"""Where things stand: dated answers to the key questions, never silently stale (fixtures)."""

from __future__ import annotations

from html import unescape

import pytest

from briefing.errors import BriefingError
from briefing.expand import expand
from briefing.project import load_project
from conftest import LANGS


def event(ident: str, date: str, questions: str = "[licences]") -> str:
    return f"""\
  - id: {ident}
    date: "{date}"
    precision: day
    actors: [us-government]
    questions: {questions}
    text:
      en: "Washington acts [@example-source, ¶1]."
      ja: "米政府が動く[@example-source, ¶1]。"
      fr: "Washington agit [@example-source, ¶1]."
      de: "Washington handelt [@example-source, ¶1]."
"""


def answer(as_of: str, changed_by: str | None = None, word: str = "None") -> str:
    by = f"\n            changed_by: {changed_by}" if changed_by else ""
    return f"""\
          - as_of: {as_of}{by}
            text:
              en: "{word} granted so far [@example-source, ¶2]."
              ja: "{word}：これまでに許可なし[@example-source, ¶2]。"
              fr: "{word} : aucune licence à ce jour [@example-source, ¶2]."
              de: "{word}: bislang keine Lizenz [@example-source, ¶2]."
"""


def status(*answers: str) -> str:
    return """\
horizon:
  complete_to: 2026-06-05
  consulted_to: 2026-06-10
  searched:
    en: "Searched month by month in five languages."
    ja: "5言語で月ごとに検索した。"
    fr: "Recherche mois par mois dans cinq langues."
    de: "Monat für Monat in fünf Sprachen gesucht."
questions:
  - id: licences
    actors: [us-government]
    question:
      en: "Does Washington license sales?"
      ja: "米政府は販売を許可しているか"
      fr: "Washington autorise-t-il les ventes ?"
      de: "Genehmigt Washington die Verkäufe?"
    answers:
""" + "".join(answers)


def project(make_project, events: str, status_file: str, page: str = "<!-- briefing:status -->"):
    return make_project(
        data={"timeline.yml": "events:\n" + events, "status.yml": status_file},
        pages={f"{lang}/index.md": f"# Home\n\n{page}\n" for lang in LANGS},
    )


def problems_of(root) -> list[str]:
    with pytest.raises(BriefingError) as caught:
        load_project(root)
    return [p.format() for p in caught.value.problems]


def test_an_answer_older_than_a_newer_event_on_its_question_is_reported_until_reviewed(
    make_project,
):
    events = event("first-rule", "2026-01-13") + event("new-rule", "2026-05-02")
    root = project(make_project, events, status(answer("2026-02-01", "first-rule")))
    (found,) = [p for p in problems_of(root) if "question 'licences'" in p]
    assert found.startswith(
        "data/status.yml:18: question 'licences': its answer is as of 2026-02-01"
    )
    assert "'new-rule' (2026-05-02, data/timeline.yml:12)" in found
    assert "Fix: review the answer" in found and "changed_by: new-rule" in found
    # Reviewed: the answer still holds, restamped ...
    (root / "data" / "status.yml").write_text(status(answer("2026-05-10", "first-rule")), "utf-8")
    assert load_project(root).data.questions[0].current.as_of.isoformat() == "2026-05-10"
    # ... or changed, the change recorded as a newer answer with its event.
    (root / "data" / "status.yml").write_text(
        status(answer("2026-05-02", "new-rule", "Some"), answer("2026-02-01", "first-rule")),
        "utf-8",
    )
    question = load_project(root).data.questions[0]
    assert [a.changed_by for a in question.answers] == ["new-rule", "first-rule"]


@pytest.mark.parametrize(
    ("events", "answers", "expected"),
    [
        (event("a", "2026-01-13"), answer("2026-02-01", "nope"), "no timeline event has id 'nope'"),
        (
            event("a", "2026-01-13", "[elsewhere]"),
            answer("2026-02-01"),
            "data/timeline.yml:2: event 'a': questions: no key question has id 'elsewhere'",
        ),
        (
            event("a", "2026-01-13"),
            answer("2026-01-01") + answer("2026-02-01"),
            "the answers are not newest first",
        ),
        (event("a", "2026-01-13"), answer("2026-02-30"), "'2026-02-30' is not a date"),
    ],
)
def test_status_mistakes_are_reported_with_file_and_line(make_project, events, answers, expected):
    found = problems_of(project(make_project, events, status(answers)))
    assert any(expected in p and ". Fix: " in p for p in found), found


def test_the_board_gives_each_current_answer_with_its_date_and_the_page_its_history(make_project):
    events = event("first-rule", "2026-01-13") + event("new-rule", "2026-05-02")
    root = project(
        make_project,
        events,
        status(answer("2026-05-02", "new-rule", "Some"), answer("2026-02-01", "first-rule")),
    )
    data = load_project(root).data
    board = unescape(expand("<!-- briefing:status -->", "fr", data))
    assert "<caption" in board and "dossier complet jusqu'au 5 juin 2026" in board
    assert "au 2 mai 2026" in board and "Some : aucune licence" in board
    assert "None : aucune" not in board  # the board gives only the current answer
    full = expand("<!-- briefing:status view=full -->", "de", data)
    assert "Stand 2. Mai 2026" in full and "Stand 1. Februar 2026" in full
    assert "(timeline.md#ev-new-rule)" in full and "(timeline.md#ev-first-rule)" in full
    horizon = expand("<!-- briefing:horizon -->", "ja", data)
    assert "2026年6月5日までの主要な動き" in horizon and "5言語で月ごとに検索した。" in horizon


def test_a_page_with_the_board_cites_what_the_board_shows(make_project):
    events = event("first-rule", "2026-01-13")
    root = project(make_project, events, status(answer("2026-02-01", "first-rule")))
    project_ = load_project(root)
    assert {c.paragraphs for c in project_.uses["en"]["example-source"]} == {frozenset({2})}
