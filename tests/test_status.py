"""Where things stand: dated answers to the key questions, never silently stale (fixtures)."""

from __future__ import annotations

from html import unescape

import pytest

from briefing.errors import BriefingError, Problem
from briefing.expand import expand
from briefing.project import load_project
from briefing.status import STALE_ANSWER
from conftest import LANGS, text_lines

ACTS = {
    "en": "Washington acts [@example-source, ¶1].",
    "ja": "米政府が動く[@example-source, ¶1]。",
    "fr": "Washington agit [@example-source, ¶1].",
    "de": "Washington handelt [@example-source, ¶1].",
    "zh": "美国政府采取行动[@example-source, ¶1]。",
}
NONE_GRANTED = {
    "en": "{word} granted so far [@example-source, ¶2].",
    "ja": "{word}：これまでに許可なし[@example-source, ¶2]。",
    "fr": "{word} : aucune licence à ce jour [@example-source, ¶2].",
    "de": "{word}: bislang keine Lizenz [@example-source, ¶2].",
    "zh": "{word}：迄今未获许可[@example-source, ¶2]。",
}
SEARCHED = {
    "en": "Searched month by month in five languages.",
    "ja": "5言語で月ごとに検索した。",
    "fr": "Recherche mois par mois dans cinq langues.",
    "de": "Monat für Monat in fünf Sprachen gesucht.",
    "zh": "以五种语言逐月检索。",
}
QUESTION = {
    "en": "Does Washington license sales?",
    "ja": "米政府は販売を許可しているか",
    "fr": "Washington autorise-t-il les ventes ?",
    "de": "Genehmigt Washington die Verkäufe?",
    "zh": "美国政府是否许可销售？",
}


def event(ident: str, date: str, questions: str = "[licences]") -> str:
    return f"""\
  - id: {ident}
    date: "{date}"
    precision: day
    actors: [us-government]
    questions: {questions}
    text:
""" + text_lines(ACTS, "      ")


def answer(as_of: str, changed_by: str | None = None, word: str = "None") -> str:
    by = f"\n            changed_by: {changed_by}" if changed_by else ""
    return f"""\
          - as_of: {as_of}{by}
            text:
""" + text_lines(
        {lang: text.format(word=word) for lang, text in NONE_GRANTED.items()}, "              "
    )


def status(*answers: str) -> str:
    return (
        """\
horizon:
  complete_to: 2026-06-05
  consulted_to: 2026-06-10
  searched:
"""
        + text_lines(SEARCHED, "    ")
        + """\
questions:
  - id: licences
    actors: [us-government]
    question:
"""
        + text_lines(QUESTION, "      ")
        + """\
    answers:
"""
        + "".join(answers)
    )


def project(make_project, events: str, status_file: str, page: str = "<!-- briefing:status -->"):
    return make_project(
        data={"timeline.yml": "events:\n" + events, "status.yml": status_file},
        pages={f"{lang}/index.md": f"# Home\n\n{page}\n" for lang in LANGS},
    )


def problems_of(root) -> list[str]:
    return [p.format() for p in caught(root)]


def caught(root) -> list[Problem]:
    with pytest.raises(BriefingError) as stopped:
        load_project(root)
    return stopped.value.problems


def test_an_answer_older_than_a_newer_event_on_its_question_is_reported_until_reviewed(
    make_project,
):
    events = event("first-rule", "2026-01-13") + event("new-rule", "2026-05-02")
    board = status(answer("2026-02-01", "first-rule"))
    root = project(make_project, events, board)
    (found,) = [p.format() for p in caught(root) if p.code == STALE_ANSWER]
    line = board.splitlines().index("          - as_of: 2026-02-01") + 1
    event_line = ("events:\n" + events).splitlines().index("  - id: new-rule") + 1
    assert found.startswith(
        f"data/status.yml:{line}: question 'licences': its answer is as of 2026-02-01"
    )
    assert f"'new-rule' (2026-05-02, data/timeline.yml:{event_line})" in found
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
    ("events", "answers", "code", "expected"),
    [
        (
            event("a", "2026-01-13"),
            answer("2026-02-01", "nope"),
            "data.unknown-ref",
            "no timeline event has id 'nope'",
        ),
        (
            event("a", "2026-01-13", "[elsewhere]"),
            answer("2026-02-01"),
            "status.unknown-ref",
            "data/timeline.yml:2: event 'a': questions: no key question has id 'elsewhere'",
        ),
        (
            event("a", "2026-01-13"),
            answer("2026-01-01") + answer("2026-02-01"),
            "data.out-of-order",
            "the answers are not newest first",
        ),
        (
            event("a", "2026-01-13"),
            answer("2026-02-30"),
            "data.bad-date",
            "'2026-02-30' is not a date",
        ),
    ],
)
def test_status_mistakes_are_reported_with_file_and_line(
    make_project, events, answers, code, expected
):
    problems = caught(project(make_project, events, status(answers)))
    found = [p.format() for p in problems if p.code == code]
    assert len(found) == 1 and expected in found[0] and ". Fix: " in found[0], problems


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


RESEARCH = """\
developments:
  - date: "2026-01-13"
    development: "A rule"
    sources: ["https://example.org/a"]
    decision: "recorded as event first-rule"
  - date: "2026-02"
    development: "A rumour"
    sources: ["ftp://example.org/b"]
    decision: "left out: one anonymous blog"
  - date: "2026-03-01"
    development: "Another rule"
    sources: []
    decision: "already in the record as event no-such-event"
"""


def test_the_research_log_names_real_events_and_web_addresses(make_project):
    root = make_project(
        data={
            "timeline.yml": "events:\n" + event("first-rule", "2026-01-13"),
            "status.yml": status(answer("2026-02-01", "first-rule")),
            "research.yml": RESEARCH,
        },
        pages={f"{lang}/index.md": "# Home\n" for lang in LANGS},
    )
    found = problems_of(root)
    assert [p.split(". Fix:")[0] for p in found] == [
        "data/research.yml:8: development no. 2, sources: expected a list of http(s) addresses",
        "data/research.yml:13: development no. 3, decision: names no event of data/timeline.yml "
        "(no-such-event)",
    ]


def test_a_changed_answer_is_in_whats_new_and_every_answer_in_the_download(make_project):
    import json

    from briefing.exports import status_json
    from briefing.history import History
    from briefing.news import entries

    events = event("first-rule", "2026-01-13") + event("new-rule", "2026-05-02")
    root = make_project(
        data={
            "timeline.yml": "events:\n" + events,
            "status.yml": status(
                answer("2026-05-02", "new-rule", "Some"), answer("2026-02-01", "first-rule")
            ),
        },
        pages={
            **{f"{lang}/index.md": "# Home\n" for lang in LANGS},
            **{
                f"{lang}/status.md": "# Status\n\n<!-- briefing:status view=full -->\n"
                for lang in LANGS
            },
        },
    )
    project_ = load_project(root)
    changes = [e for e in entries(project_, History(False, ()), "de") if e.kind == "status"]
    assert [(e.day.isoformat(), e.title, e.url) for e in changes] == [
        ("2026-05-02", "Genehmigt Washington die Verkäufe?", "de/status/#q-licences"),
        ("2026-02-01", "Genehmigt Washington die Verkäufe?", "de/status/#q-licences"),
    ]
    # Each says what changed, in a sentence, without citation markers: entries are distinct.
    assert [e.summary for e in changes] == [
        "Some: bislang keine Lizenz.",
        "None: bislang keine Lizenz.",
    ]
    data = json.loads(status_json(project_, "fr", "https://example.org/"))
    (question,) = data["questions"]
    assert data["complete_to"] == "2026-06-05" and question["current"]["as_of"] == "2026-05-02"
    assert question["current"]["text"] == "Some : aucune licence à ce jour."
    assert question["current"]["citations"] == [
        {
            "source": "example-source",
            "url": "https://example.org/fr/sources/example-source/#p2",
            "paragraphs": [2],
        }
    ]
    assert [a["changed_by"] for a in question["history"]] == ["first-rule"]


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("en", "Nvidia currently sells no H200 in China [@example-source, ¶1].", "currently"),
        ("en", "The licences are still not granted [@example-source, ¶1].", "are still"),
        ("en", "No licence had been granted when the review began in 2025.", None),
        ("en", "The review is still open.", "is still"),
        ("en", "As of June 2026, the review is still open.", None),
        ("en", "By 5 June 2026 no delivery had been reported, so far as the record shows.", None),
        ("ja", "現在、H200の納入は報じられていない。", "現在"),
        ("ja", "2026年6月時点で、H200の納入は報じられていない。", None),
        ("fr", "Aucune H200 n'a été livrée à ce jour.", "à ce jour"),
        ("fr", "Au 5 juin 2026, aucune H200 n'avait été livrée à ce jour.", None),
        ("de", "Bislang wurde kein H200 geliefert.", "Bislang"),
        ("de", "Stand Juni 2026 wurde bislang kein H200 geliefert.", None),
        ("de", "Er sagte: „Bislang keiner“.", None),  # a quotation is not the site's statement
        ("zh", "目前尚无H200交付的报道。", "目前"),
        ("zh", "截至2026年6月，尚无H200交付的报道。", None),
    ],
)
def test_a_present_state_without_its_date_is_found(lang, text, word):
    from briefing.language import undated_present

    assert undated_present(text, lang) == word


def test_a_page_that_states_the_present_without_a_date_is_reported(make_project):
    pages = {f"{lang}/index.md": "# Home\n" for lang in LANGS}
    pages["fr/index.md"] = "# Accueil\n\nAucune licence n'est accordée pour l'instant.\n"
    problems = caught(make_project(pages=pages))
    found = [p.format() for p in problems if p.code == "page.undated-present"]
    assert len(found) == 1, problems
    assert found[0].startswith(
        "docs/fr/index.md:6: 'pour l'instant' states the present state without a date"
    )
