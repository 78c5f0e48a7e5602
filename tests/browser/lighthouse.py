"""Lighthouse scores for a few pages; `make audit` prints them as a table.

Run as `python -m tests.browser.lighthouse`: it starts the gate's seeded production-like
server, audits the pages in tests/pages.py's LIGHTHOUSE_PAGES, and prints their scores.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.browser.server import ROOT, seeded_server
from tests.pages import LIGHTHOUSE_PAGES

LIGHTHOUSE = ROOT / ".tools/node_modules/.bin/lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
ATTEMPTS = 3
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


def lighthouse_report(url: str) -> dict:
    """Audit one URL with Debian's Chromium; Lighthouse's JSON report.

    On a busy machine Lighthouse now and then loses its trace of the page load (NO_NAVSTART)
    and exits with an error; the page has not failed, so the audit is run again.
    """
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError("Lighthouse is missing: run `make tools`.")
    failures = []
    for _ in range(ATTEMPTS):
        with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
            report_path = Path(folder) / "report.json"
            run = run_lighthouse(url, report_path=report_path)
            if run.returncode == 0:
                return json.loads(report_path.read_text())
            failures.append(run.stderr.strip())
    raise RuntimeError(f"Lighthouse failed {ATTEMPTS} times on {url}:\n" + "\n".join(failures))


def run_lighthouse(url: str, *, report_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report_path}",
            "--quiet",
        ],
        env={**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"},
        capture_output=True,
        text=True,
    )


def category_scores(report: dict) -> dict[str, int]:
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def failed_audits(report: dict, *, category: str) -> list[str]:
    """The audits that cost `category` points, with what Lighthouse says about each."""
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']} {audits[ref['id']].get('displayValue', '')}"
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and (audits[ref["id"]]["score"] or 0) < 1
    ]


def score_table(rows: dict[str, dict[str, int]]) -> str:
    header = f"| {'page':<34} | " + " | ".join(f"{name:>14}" for name in CATEGORIES) + " |"
    rule = "|" + "-" * 36 + "|" + "|".join("-" * 15 + ":" for _ in CATEGORIES) + "|"
    lines = [header, rule]
    for path, scores in rows.items():
        cells = " | ".join(f"{scores[name]:>14}" for name in CATEGORIES)
        lines.append(f"| {path:<34} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    with seeded_server() as base_url:
        rows = {
            page.path: category_scores(lighthouse_report(base_url + page.path))
            for page in LIGHTHOUSE_PAGES
        }
    print(score_table(rows))


if __name__ == "__main__":
    main()
