"""The declarative checks (briefing/fields.py): a form read against a mapping reports each
problem at its key's line, with a code that tests and filters match."""

from __future__ import annotations

import datetime as dt
import re

from briefing.fields import (
    INVALID,
    Choice,
    Day,
    Field,
    Fields,
    Ident,
    Languages,
    Refs,
    Url,
)
from briefing.load import parse_yaml_of

FORM = (
    Field("id", Ident(re.compile(r"^[a-z0-9-]+$"))),
    Field("status", Choice(("confirmed", "reported"), "a status")),
    Field("url", Url(), null=True),
    Field("day", Day()),
    Field("actors", Refs("actors", "actors", "list one or more of: {known}")),
    Field("note", Languages(), required=False),
)


def read(text: str, languages=("en", "fr")) -> tuple[dict, list[tuple[int, str, str]]]:
    value, lines, problems = parse_yaml_of(text, "x.yml", offset=1)
    assert not problems
    checker = Fields("x.yml", lines, languages)
    checker.family = "test"
    checker.refs = {"actors": ("nvidia", "huawei")}
    checker.tolerated = {"actors": ("broken",)}
    values = checker.read(FORM, (), value)
    return values, [(p.line, p.code, p.format()) for p in checker.problems]


def test_a_good_mapping_reads_into_values():
    values, problems = read(
        "id: ok\nstatus: reported\nurl: null\nday: 2026-01-02\nactors: [nvidia, broken]\n"
    )
    assert problems == []
    assert values == {
        "id": "ok",
        "status": "reported",
        "url": None,
        "day": dt.date(2026, 1, 2),
        "actors": ["nvidia", "broken"],
    }


def test_each_problem_is_at_its_keys_line_with_a_code():
    values, problems = read(
        "id: Not An Id\nstatus: [confirmed]\nurl: ftp://x\nday: 2999-01-01\n"
        "actors: [nvidia, intel]\nextra: 1\n"
    )
    assert [(line, code) for line, code, _ in problems] == [
        (6, "test.unknown-field"),
        (1, "test.bad-id"),
        (2, "test.not-allowed"),
        (3, "test.bad-url"),
        (4, "test.future"),
        (5, "test.unknown-ref"),
    ]
    assert all(values[name] is INVALID for name in ("id", "status", "url", "day", "actors"))
    assert problems[2][2] == (
        "x.yml:2: status: ['confirmed'] is not a status. Fix: use one of: confirmed, reported"
    )
    assert problems[5][2] == (
        "x.yml:5: actors: unknown or missing actors ['intel']. "
        "Fix: list one or more of: nvidia, huawei"
    )


def test_a_missing_field_is_reported_once_and_the_others_are_still_read():
    values, problems = read("id: ok\nstatus: reported\nurl: null\nactors: [huawei]\n")
    assert [code for _, code, _ in problems] == ["test.missing"]
    assert values["actors"] == ["huawei"]


def test_the_languages_required_are_the_callers():
    text = (
        "id: ok\nstatus: reported\nurl: null\nday: 2026-01-02\nactors: [nvidia]\n"
        "note: {en: A note, fr: Une note}\n"
    )
    assert read(text)[1] == []
    _, problems = read(text, languages=("en", "fr", "zh"))
    assert [(line, code) for line, code, _ in problems] == [(6, "test.missing-language")]
    assert "note: the 'zh' line is missing" in problems[0][2]
