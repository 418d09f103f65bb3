"""The GitHub workflows: every action pinned to a commit, and nothing published untested."""

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHA = re.compile(r"[0-9a-f]{40}")


def _steps(path: Path) -> list[dict[str, str]]:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_there_are_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"deploy.yml", "pull-request.yml"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path: Path) -> None:
    """A tag can be moved to other code; a commit cannot (the deploy job may write Pages)."""
    uses = [step["uses"] for step in _steps(path) if "uses" in step]
    assert uses, f"{path.name} uses no action"
    for use in uses:
        action, _, ref = use.partition("@")
        assert SHA.fullmatch(ref), f"{path.name}: {action} is pinned to {ref!r}, not a commit"


def test_deploy_checks_and_tests_before_it_builds_and_publishes() -> None:
    steps = _steps(ROOT / ".github" / "workflows" / "deploy.yml")
    runs = [step.get("run", "") for step in steps]
    order = [
        i
        for cmd in ("make check", "make test", "make build")
        for i, r in enumerate(runs)
        if r.strip() == cmd
    ]
    assert len(order) == 3, f"deploy.yml runs {runs}"
    assert order == sorted(order), "deploy.yml must check and test before it builds"
    upload = next(
        i for i, step in enumerate(steps) if "upload-pages-artifact" in step.get("uses", "")
    )
    assert upload > max(order)
