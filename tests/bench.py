"""`make bench`: each page type under load, on gunicorn with the production settings, on loopback.

Run as `python -m tests.bench [--seconds 5]`. Needs wrk (Debian's `wrk`). Uses PostgreSQL and
Redis when they answer at their usual loopback addresses, SQLite and a per-process cache
otherwise. Every figure is measured against /healthz, the cheapest view of the same stack, in
the same run: wrk and the server share the machine, so only ratios travel between machines.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests import servers

PAGES = {
    "listing": "/",
    "role page": "/roles/principal-devops-engineer/",
    "compare": "/compare/?roles=principal-devops-engineer,staff-backend-engineer",
    "skill page": "/skills/kubernetes/",
    "questionnaire step": "/next-episode/?step=2&years=4&background=devops",
    "questionnaire result": (
        "/next-episode/?years=4&background=devops&knows=git,linux&likes=security&priority=pay"
    ),
    # Plans are never in the page cache, so their "cached" rows measure the render too.
    "plan, bare": "/plan/infrastructure-engineer/",
    "plan, with state": (
        "/plan/infrastructure-engineer/?years=10&background=sysadmin&have=linux,networking"
        "&learning=bash"
    ),
}
CEILING = "/healthz"
TARGETS = {"cached": 0.70, "uncached": 0.30}
FIRST_VISIT_LIMIT = 60 * 1024
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def fetch(url: str, *, compressed: bool = True) -> tuple[int, bytes]:
    headers = {"Accept-Encoding": "gzip"} if compressed else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def run_wrk(url: str, *, seconds: int, connections: int) -> dict:
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    command += ["-H", "Accept-Encoding: gzip", url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    latency = {}
    for percent, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M):
        latency[percent] = float(value) * UNITS[unit]
    socket_errors = re.search(r"Socket errors: (.*)", output)
    errors = sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1))) if socket_errors else 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": latency.get("50", float("nan")),  # no latencies when nothing completed
        "p99": latency.get("99", float("nan")),
        "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0),
    }


@contextmanager
def bench_database(workdir: Path):
    if servers.postgres_reachable():
        with servers.postgres_database(f"careers_bench_{os.getpid()}") as url:
            yield url, "PostgreSQL"
    else:
        yield f"sqlite:///{workdir / 'bench.sqlite3'}", "SQLite"


def cache_settings(mode: str) -> tuple[dict, str]:
    if mode == "uncached":
        return {"DJANGO_PAGE_CACHE_SECONDS": "0"}, "page cache off"
    if servers.redis_reachable():
        return {"REDIS_URL": servers.REDIS_URL, "DJANGO_PAGE_CACHE_SECONDS": "600"}, "Redis"
    return {"DJANGO_PAGE_CACHE_SECONDS": "600"}, "per-process memory"


def load_run(environment: dict, paths: dict, options) -> dict:
    """wrk against each page on a fresh server; results by name."""
    with servers.gunicorn(environment, workers=options.workers) as url:
        results = {}
        for name, path in paths.items():
            fetch(url + path)  # fill the page cache before the clock starts
            results[name] = interleaved(url, path, options)
        return results


def interleaved(url: str, path: str, options) -> dict:
    """Short runs of the minimal view and the page in turn, so that other work on the machine
    weighs on both alike; the ratio is of their summed throughput."""
    load = {"seconds": options.seconds, "connections": options.connections}
    rounds = [
        (run_wrk(url + CEILING, **load), run_wrk(url + path, **load)) for _ in range(options.rounds)
    ]
    ceilings, pages = zip(*rounds, strict=True)
    ceiling_rps, page_rps = sum(run["rps"] for run in ceilings), sum(run["rps"] for run in pages)
    return {
        "rps": page_rps / len(pages),
        "p50": statistics.median(run["p50"] for run in pages),
        "p99": max(run["p99"] for run in pages),
        "errors": sum(run["errors"] for run in pages),
        "minimal rps": ceiling_rps / len(ceilings),
        "ratio": page_rps / ceiling_rps,
    }


def print_load_table(title: str, results: dict) -> None:
    print(f"\n{title}")
    columns = ("req/s", 8), ("p50 ms", 9), ("p99 ms", 9), ("errors", 7), ("minimal req/s", 15)
    print(f"{'page':<22}" + "".join(f"{name:>{width}}" for name, width in columns) + "  ratio")
    for name, row in results.items():
        print(
            f"{name:<22}{row['rps']:>8.0f}{row['p50']:>9.1f}{row['p99']:>9.1f}{row['errors']:>7}"
            f"{row['minimal rps']:>15.0f}{row['ratio']:>7.0%}"
        )


def count_queries(environment: dict, paths: dict) -> dict:
    """SQL queries each page runs when rendered (page cache off), in a fresh process."""
    command = [sys.executable, "-m", "tests.bench", "--count-queries", json.dumps(paths)]
    uncached = {**environment, "DJANGO_PAGE_CACHE_SECONDS": "0"}
    result = subprocess.run(
        command, cwd=servers.BASE_DIR, env=uncached, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def count_queries_here(paths: dict) -> None:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(headers={"Host": "127.0.0.1"}), {}
    for name, path in paths.items():
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[name] = len(queries)
    print(json.dumps(counts))


def asset_urls(html: str) -> list[str]:
    return re.findall(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"', html)


def page_sizes(url: str, paths: dict, environment: dict) -> list[tuple]:
    queries = count_queries(environment, paths)
    rows = []
    for name, path in paths.items():
        _, html = fetch(url + path, compressed=False)
        _, compressed = fetch(url + path)
        assets = asset_urls(html.decode())
        assets_bytes = sum(len(fetch(url + asset)[1]) for asset in assets)
        rows.append((name, queries[name], len(html), len(compressed), assets_bytes))
    return rows


def print_size_table(rows: list[tuple]) -> None:
    print(
        "\nSQL queries (uncached render) and bytes per page; assets gzip-compressed by whitenoise"
    )
    print(
        f"{'page':<22}{'queries':>8}{'HTML':>10}{'gzip':>9}{'CSS+JS+icon':>13}{'first visit':>13}"
    )
    for name, queries, html, gzipped, assets in rows:
        print(f"{name:<22}{queries:>8}{html:>10,}{gzipped:>9,}{assets:>13,}{gzipped + assets:>13,}")


def available_pages(url: str) -> dict:
    found = {name: path for name, path in PAGES.items() if fetch(url + path)[0] == 200}
    for name in PAGES.keys() - found.keys():
        print(f"not available (no 200 at {PAGES[name]}): {name}")
    return found


def add_generated_roles(environment: dict, *, total: int) -> None:
    script = (
        "import django; django.setup()\n"
        "from careers.models import Role\nfrom tests.factories import build_catalogue\n"
        f"build_catalogue(roles={total} - Role.objects.count())\n"
    )
    subprocess.run(
        [sys.executable, "-c", script], cwd=servers.BASE_DIR, env=environment, check=True
    )


def check_targets(runs: dict, sizes: list[tuple]) -> list[str]:
    failures = []
    for mode, results in runs.items():
        for name, row in results.items():
            if row["errors"]:
                failures.append(f"{mode} {name}: {row['errors']} errors")
            is_target = mode == "cached" or name == "role page"
            if is_target and row["ratio"] < TARGETS[mode]:
                failures.append(f"{mode} {name}: below {TARGETS[mode]:.0%} of the minimal view")
    home = next(row for row in sizes if row[0] == "listing")
    if home[3] + home[4] >= FIRST_VISIT_LIMIT:
        failures.append("home page first visit is 60 KB or more")
    return failures


@contextmanager
def prepared_site() -> Iterator[tuple[dict, str]]:
    """A fresh database with the seed data, and collected static files; their environment."""
    with tempfile.TemporaryDirectory() as workdir, bench_database(Path(workdir)) as found:
        database_url, database = found
        environment = servers.production_environment(
            DATABASE_URL=database_url, DJANGO_STATIC_ROOT=f"{workdir}/static"
        )
        servers.manage(environment, "migrate", "--no-input")
        servers.manage(environment, "load_fixtures")
        servers.manage(environment, "collectstatic", "--no-input")
        yield environment, database


def measure_load(environment: dict, paths: dict, options, title: str) -> dict:
    runs = {}
    for mode in ("cached", "uncached"):
        extra, cache_name = cache_settings(mode)
        runs[mode] = load_run({**environment, **extra}, paths, options)
        print_load_table(
            f"{title}, {mode} ({cache_name}), {options.rounds} x {options.seconds} s a page:",
            runs[mode],
        )
    return runs


def measure_sizes(environment: dict, paths: dict) -> list[tuple]:
    with servers.gunicorn(environment, workers=1) as url:
        rows = page_sizes(url, paths, environment)
    print_size_table(rows)
    return rows


def benchmark(options) -> None:
    with prepared_site() as (environment, database):
        with servers.gunicorn(environment, workers=1) as url:
            paths = available_pages(url)
        runs = measure_load(environment, paths, options, f"Seed data on {database}")
        sizes = measure_sizes(environment, paths)
        add_generated_roles(environment, total=1000)
        thousand = {"listing, 1,000 roles": "/"}
        # An uncached render takes seconds here: longer runs, one connection per worker.
        slow = argparse.Namespace(
            **{**vars(options), "seconds": 10, "connections": options.workers}
        )
        measure_load(environment, thousand, slow, f"1,000 roles on {database}")
        measure_sizes(environment, thousand)
    failures = check_targets(runs, sizes)
    print("\nTargets: " + ("all met" if not failures else "not met: " + "; ".join(failures)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=2, help="length of one run (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--connections", type=int, default=8, help="open connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--count-queries", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.count_queries:
        count_queries_here(json.loads(options.count_queries))
        return 0
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk (make bench installs it)")
    benchmark(options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
