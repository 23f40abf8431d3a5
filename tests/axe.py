"""axe-core accessibility checks, injected with page.evaluate (the CSP blocks injected tags)."""

from functools import cache
from pathlib import Path

import axe_playwright_python

BLOCKING_IMPACTS = {"serious", "critical"}


@cache
def axe_source() -> str:
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Serious and critical WCAG 2.x A/AA violations on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: [
                'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'
            ]}
        })"""
    )
    return [v for v in result["violations"] if v["impact"] in BLOCKING_IMPACTS]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(f"{n['target']}: {n['failureSummary']}" for n in v["nodes"][:3])
        for v in violations
    ]
    assert not violations, f"axe found problems on {page.url}:\n" + "\n".join(summary)
