"""Figures read as people write them, in every site language (parity.figures)."""

from __future__ import annotations

import pytest

from briefing.parity import figures
from conftest import text_lines

SAME = [
    # multiples: "1.9x", "×", "fold", "times", 倍, fois, -mal, -fach
    ("1.9x faster", "en", {"1.9×"}),
    ("1.9× faster", "en", {"1.9×"}),
    ("1.9倍", "ja", {"1.9×"}),
    ("性能提高1.9倍", "zh", {"1.9×"}),
    ("收入46亿美元", "zh", {"4600000000"}),
    ("39亿400万元", "zh", {"3904000000"}),
    ("占百分之15", "zh", {"15%"}),
    ("1,9 fois", "fr", {"1.9×"}),
    ("1,9-mal", "de", {"1.9×"}),
    ("a 1.5-fold rise", "en", {"1.5×"}),
    ("sixfold", "en", {"6×"}),
    ("six times the H20", "en", {"6×"}),
    ("die sechsfache Leistung", "de", {"6×"}),
    # doubling in words
    ("twice as fast", "en", {"2×"}),
    ("nearly doubles", "en", {"2×"}),
    ("roughly double its 2025 level", "en", {"2×"}),
    ("deux fois plus", "fr", {"2×"}),
    ("a doublé", "fr", {"2×"}),
    ("doppelt so hoch", "de", {"2×"}),
    ("hat sich verdoppelt", "de", {"2×"}),
    ("eine Verdopplung", "de", {"2×"}),
    ("演算性能を倍増させる", "ja", {"2×"}),
    ("2025年のほぼ倍", "ja", {"2×"}),
    ("公開価格の5倍近く", "ja", {"5×"}),
    # not multiples
    ("shown twice", "en", set()),
    ("a double-digit rise", "en", set()),
    ("technologies à double usage", "fr", set()),
    ("doppelt angezeigt", "de", set()),
    # ranges with the magnitude written once, and approximations
    ("$2–5 billion", "en", {"2000000000", "5000000000"}),
    ("20億〜50億ドル", "ja", {"2000000000", "5000000000"}),
    ("2 à 5 milliards de dollars", "fr", {"2000000000", "5000000000"}),
    ("2 bis 5 Milliarden Dollar", "de", {"2000000000", "5000000000"}),
    ("5 to 10%", "en", {"5%", "10%"}),
    ("5000〜1万台", "ja", {"5000", "10000"}),
    ("about 400,000", "en", {"400000"}),
    ("約40万個", "ja", {"400000"}),
    ("environ 400 000", "fr", {"400000"}),
    ("rund 400.000", "de", {"400000"}),
    # decimals and grouping by each language's marks
    ("3.904 billion yuan", "en", {"3904000000"}),
    ("39億400万元", "ja", {"3904000000"}),
    ("3,904 milliards de yuans", "fr", {"3904000000"}),
    ("3,904 Milliarden Yuan", "de", {"3904000000"}),
    ("1,979 TFLOPS", "en", {"1979TFLOPS"}),
    ("1.979 TFLOPS", "de", {"1979TFLOPS"}),
]


@pytest.mark.parametrize(("text", "lang", "expected"), SAME)
def test_a_figure_is_read_as_it_is_written(text, lang, expected):
    assert set(figures(text, lang)) == expected


EVENT = """\
events:
  - id: speed
    date: "2026-01-05"
    precision: day
    actors: [nvidia]
    text:
""" + text_lines(
    {
        "en": "The chip is 1.9 times faster, by one measure [@example-source, ¶1].",
        "ja": "ある指標では同チップは約2倍速い[@example-source, ¶1]。",
        "fr": "Selon une mesure, la puce est 1,9 fois plus rapide [@example-source, ¶1].",
        "de": "Nach einem Maß ist der Chip 1,9-mal schneller [@example-source, ¶1].",
        "zh": "按某项指标，该芯片快1.9倍[@example-source, ¶1]。",
    },
    "      ",
)
ANSWER = """\
accepted:
  - file: data/timeline.yml
    match: "only here: 2×"
    reason: "The Japanese source rounds the figure; the event keeps its wording."
"""


def test_a_flagged_figure_can_be_answered_with_a_reason_that_check_shows(make_project, capsys):
    from briefing.cli import main

    root = make_project(data={"timeline.yml": EVENT})
    assert main(["--root", str(root), "check"]) == 1
    assert "text.ja: states other figures than the English" in capsys.readouterr().out
    (root / "data" / "answered.yml").write_text(ANSWER, "utf-8")
    assert main(["--root", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert "data/timeline.yml:8: accepted: event 'speed' (no. 1), text.ja: states other" in out
    assert "The Japanese source rounds the figure" in out and "1 answered check(s)" in out
    # Once the text is fixed, the answer is stale and must go.
    (root / "data" / "timeline.yml").write_text(EVENT.replace("約2倍", "1.9倍"), "utf-8")
    assert main(["--root", str(root), "check"]) == 1
    assert "data/answered.yml:2: this answer matches no problem any more" in capsys.readouterr().out
