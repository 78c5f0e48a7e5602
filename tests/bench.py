"""`make bench`: each page type under load, on gunicorn with the production settings, on loopback.

Run as `python -m tests.bench [--seconds 2] [--rounds 3]`. Needs wrk (Debian's `wrk`). Uses
PostgreSQL and Redis when they answer at their usual loopback addresses, SQLite and a per-process
cache otherwise. Every throughput is measured against /healthz, the cheapest view of the same
stack, in the same run: wrk and the server share the machine, so only ratios travel between
machines.

For the seed data, then again with generated roles up to 1,000, it prints two tables: wrk with
the page cache on, then wrk with it off beside what a fresh process measures with Django's test
client (cache off): the SQL queries of the first request and of a warm one (the second), the
median time of many warm renders, and the bytes each page sends. At 1,000 roles it also reports
the memory of the read model (tracemalloc) and, after every load run, the gunicorn workers' RSS.
It ends with the targets (issues 15, 20 and 21), each met or not.
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
import time
import tracemalloc
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
        "/next-episode/?years=4&background=devops&have=git,linux&likes=security&priority=pay"
    ),
    "plan, bare": "/plan/infrastructure-engineer/",
    "plan, with state": (
        "/plan/infrastructure-engineer/?years=10&background=sysadmin&have=linux,networking"
        "&learning=bash"
    ),
}
# Plans send Cache-Control: private (one person's plan), and addresses with a query their view
# reads are never stored (careers/page_cache.py): their page-cache-on rows measure a render too,
# and the cached target leaves them out.
PRIVATE_PAGES = {"plan, bare", "plan, with state"}
NEVER_STORED = PRIVATE_PAGES | {name for name, path in PAGES.items() if "?" in path}
# At 1,000 roles: the listing, and the pages that read the whole catalogue for one answer.
THOUSAND_ROLES_CACHED = ("listing",)
THOUSAND_ROLES_UNCACHED = ("listing", "role page", "questionnaire result", "plan, with state")
CEILING = "/healthz"
PAGE_CACHE_OFF = {"DJANGO_PAGE_CACHE_SECONDS": "0"}

# Issue 15's targets. Throughput as a share of the minimal view's in the same run, page cache off,
# by data size; pages not named here are measured but have no target.
UNCACHED_TARGETS = {
    "seed data": {
        "role page": 0.20,
        "listing": 0.15,
        "compare": 0.15,
        "skill page": 0.15,
        "questionnaire step": 0.15,
        "questionnaire result": 0.15,
    },
    # Issue 20: the advice scales with the catalogue.
    "1,000 roles": {"listing": 0.10, "questionnaire result": 0.15, "plan, with state": 0.15},
}
CACHED_TARGET = 0.75
MAX_WARM_QUERIES = 1
THOUSAND_ROLES_LISTING_HTML_LIMIT = 100 * 1024
FIRST_VISIT_LIMIT = 60 * 1024  # the home page's HTML and assets, compressed

# In-process renders per page: at least MIN_RENDERS, then more until RENDER_SECONDS or MAX_RENDERS.
MIN_RENDERS, MAX_RENDERS, RENDER_SECONDS = 5, 50, 2.0
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
MB = 1_000_000


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


def page_cache_on() -> tuple[dict, str]:
    """The settings of a server with the page cache on; the cache's name."""
    if servers.redis_reachable():
        return {"REDIS_URL": servers.REDIS_URL, "DJANGO_PAGE_CACHE_SECONDS": "600"}, "Redis"
    return {"DJANGO_PAGE_CACHE_SECONDS": "600"}, "per-process memory"


def load_run(environment: dict, paths: dict, options) -> tuple[dict, list[int]]:
    """wrk against each page on a fresh server; results by name, and each worker's RSS after."""
    with servers.gunicorn_process(environment, workers=options.workers) as (url, master):
        results = {}
        for name, path in paths.items():
            fetch(url + path)  # fill the page cache before the clock starts
            results[name] = interleaved(url, path, options)
        return results, worker_rss(master)


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


def worker_rss(master: int) -> list[int]:
    """Resident memory in bytes of each child of the gunicorn master; none where there is no
    /proc (not Linux)."""
    sizes = []
    for status_file in Path("/proc").glob("[0-9]*/status"):
        try:
            status = status_file.read_text()
        except OSError:
            continue  # the process ended meanwhile
        fields = dict(line.partition(":")[::2] for line in status.splitlines())
        if int(fields["PPid"]) == master and "VmRSS" in fields:
            sizes.append(int(fields["VmRSS"].split()[0]) * 1024)  # given in kB
    return sorted(sizes)


def rss_line(sizes: list[int]) -> str:
    if not sizes:
        return "gunicorn workers' RSS: not available"
    return "gunicorn workers' RSS after the run: " + ", ".join(
        f"{size / MB:.0f} MB" for size in sizes
    )


def percent(ratio: float) -> str:
    """A share in whole percent, or to a tenth below 10% (where a slow page's runs sit)."""
    return f"{ratio:.0%}" if ratio >= 0.1 else f"{ratio:.1%}"


def print_cached_table(title: str, results: dict, rss: list[int]) -> None:
    print(f"\n{title}")
    columns = ("req/s", 8), ("p50 ms", 9), ("p99 ms", 9), ("errors", 7), ("minimal req/s", 15)
    print(f"{'page':<22}" + "".join(f"{name:>{width}}" for name, width in columns) + "  ratio")
    for name, row in results.items():
        label = f"{name} *" if name in NEVER_STORED else name
        print(
            f"{label:<22}{row['rps']:>8.0f}{row['p50']:>9.1f}{row['p99']:>9.1f}{row['errors']:>7}"
            f"{row['minimal rps']:>15.0f}{percent(row['ratio']):>7}"
        )
    if NEVER_STORED & results.keys():
        print("* private, or a query the view reads: never stored, a render each time, no target")
    print(rss_line(rss))


def print_uncached_table(title: str, results: dict, rss: list[int], minimal_ms: float) -> None:
    print(f"\n{title}")
    print(
        f"render ms: median warm render in a fresh process (minimal view {minimal_ms:.2f} ms);"
        " queries: SQL, warm/first request"
    )
    columns = (
        ("req/s", 8), ("p50 ms", 9), ("p99 ms", 9), ("errors", 7), ("ratio", 7),
        ("render ms", 11), ("queries", 9), ("HTML bytes", 12), ("gzip", 9), ("first visit", 13),
    )  # fmt: skip
    print(f"{'page':<22}" + "".join(f"{name:>{width}}" for name, width in columns))
    for name, row in results.items():
        queries = f"{row['warm queries']}/{row['first queries']}"
        first_visit = row["gzip"] + row["assets"]
        print(
            f"{name:<22}{row['rps']:>8.0f}{row['p50']:>9.1f}{row['p99']:>9.1f}{row['errors']:>7}"
            f"{percent(row['ratio']):>7}{row['render ms']:>11.2f}{queries:>9}{row['html']:>12,}"
            f"{row['gzip']:>9,}{first_visit:>13,}"
        )
    print(rss_line(rss))


def in_fresh_process(environment: dict, flag: str, *arguments: str):
    """Run this module with a hidden `flag` in a new process, page cache off; its JSON answer."""
    command = [sys.executable, "-m", "tests.bench", flag, *arguments]
    environment = {**environment, **PAGE_CACHE_OFF}
    result = subprocess.run(
        command, cwd=servers.BASE_DIR, env=environment, capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(f"tests.bench {flag} failed:\n{result.stderr}")
    return json.loads(result.stdout.splitlines()[-1])  # the answer is the last line


def profile_renders(paths: dict) -> None:
    """Print, as JSON by page name (and "minimal view" for /healthz): the SQL queries of the
    first request and of the second (warm) one, and the median time of the warm renders after,
    all through Django's test client in this process."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers={"Host": "127.0.0.1", "Accept-Encoding": "gzip"})

    def get(path: str) -> None:
        status = client.get(path).status_code
        if status != 200:
            sys.exit(f"{path} answered {status} in process")

    profile = {}
    for name, path in {**paths, "minimal view": CEILING}.items():
        queries = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                get(path)
            queries.append(len(captured))
        times, deadline = [], time.perf_counter() + RENDER_SECONDS
        while len(times) < MIN_RENDERS or (
            len(times) < MAX_RENDERS and time.perf_counter() < deadline
        ):
            start = time.perf_counter()
            get(path)
            times.append(time.perf_counter() - start)
        profile[name] = {
            "first queries": queries[0],
            "warm queries": queries[1],
            "render ms": statistics.median(times) * 1000,
        }
    print(json.dumps(profile))


def measure_read_model() -> None:
    """Print, as JSON, the memory `careers.read_model.build()` holds and peaks at (tracemalloc).

    Values the read model derives on first use (rendered charts, open data) come on top."""
    import django

    django.setup()
    from django.db import connection

    from careers import read_model

    connection.ensure_connection()  # the connection's own memory is not the read model's
    tracemalloc.start()
    built = read_model.build()  # held until its memory is read
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del built
    print(json.dumps({"current": current, "peak": peak}))


def asset_urls(html: str) -> list[str]:
    return re.findall(r'<(?:link[^>]+href|script[^>]+src)="(/static/[^"]+)"', html)


def page_sizes(environment: dict, paths: dict) -> dict:
    """Bytes of each page's HTML, plain and compressed, and of its assets (compressed)."""
    sizes = {}
    with servers.gunicorn(environment, workers=1) as url:
        for name, path in paths.items():
            _, html = fetch(url + path, compressed=False)
            _, compressed = fetch(url + path)
            assets = asset_urls(html.decode())
            assets_bytes = sum(len(fetch(url + asset)[1]) for asset in assets)
            sizes[name] = {"html": len(html), "gzip": len(compressed), "assets": assets_bytes}
    return sizes


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


def measure(environment: dict, cached: dict, uncached: dict, options, title: str) -> dict:
    """wrk with the page cache on (`cached` pages) and off (`uncached` pages), the latter beside
    the in-process profile and bytes of each page; both tables printed, the rows returned."""
    runs = f"{options.rounds} x {options.seconds} s a page, {options.connections} connections"
    cache_settings, cache_name = page_cache_on()
    cached_rows, rss = load_run({**environment, **cache_settings}, cached, options)
    print_cached_table(f"{title}, page cache on ({cache_name}), {runs}:", cached_rows, rss)

    uncached_rows, rss = load_run({**environment, **PAGE_CACHE_OFF}, uncached, options)
    profile = in_fresh_process(environment, "--profile-renders", json.dumps(uncached))
    sizes = page_sizes(environment, uncached)
    for name, row in uncached_rows.items():
        row.update(profile[name], **sizes[name])
    print_uncached_table(
        f"{title}, page cache off, {runs}:",
        uncached_rows,
        rss,
        minimal_ms=profile["minimal view"]["render ms"],
    )
    return {"cached": cached_rows, "uncached": uncached_rows}


def print_read_model_memory(environment: dict, title: str) -> None:
    memory = in_fresh_process(environment, "--measure-read-model")
    current, peak = memory["current"] / MB, memory["peak"] / MB
    print(f"read model, {title}: {current:.1f} MB (peak {peak:.1f} MB while built)")


def benchmark(options) -> dict:
    """Every measurement, by data size."""
    with prepared_site() as (environment, database):
        with servers.gunicorn(environment, workers=1) as url:
            paths = available_pages(url)
        measured = {
            "seed data": measure(environment, paths, paths, options, f"Seed data on {database}")
        }
        add_generated_roles(environment, total=1000)
        # An uncached render takes up to seconds here: longer runs, one connection per worker.
        slow = argparse.Namespace(
            **{**vars(options), "seconds": options.seconds * 5, "connections": options.workers}
        )
        cached = {name: paths[name] for name in THOUSAND_ROLES_CACHED if name in paths}
        uncached = {name: paths[name] for name in THOUSAND_ROLES_UNCACHED if name in paths}
        measured["1,000 roles"] = measure(
            environment, cached, uncached, slow, f"1,000 roles on {database}"
        )
        print_read_model_memory(environment, "1,000 roles")
    return measured


def missed_targets(measured: dict) -> list[str]:
    misses = []
    for size, runs in measured.items():
        for mode, rows in runs.items():
            misses += [
                f"{size}, {name}, page cache {mode}: {row['errors']} errors"
                for name, row in rows.items()
                if row["errors"]
            ]
        misses += [
            f"{size}, {name}, page cache on: {percent(row['ratio'])} of the minimal view"
            f" (target {CACHED_TARGET:.0%})"
            for name, row in runs["cached"].items()
            if name not in NEVER_STORED and row["ratio"] < CACHED_TARGET
        ]
        for name, target in UNCACHED_TARGETS[size].items():
            row = runs["uncached"].get(name)
            if row is None:
                misses.append(f"{size}, {name}: not measured (target {target:.0%})")
            elif row["ratio"] < target:
                misses.append(
                    f"{size}, {name}, page cache off: {percent(row['ratio'])} of the minimal view"
                    f" (target {target:.0%})"
                )
        misses += [
            f"{size}, {name}: {row['warm queries']} SQL queries on a warm request"
            f" (target {MAX_WARM_QUERIES})"
            for name, row in runs["uncached"].items()
            if row["warm queries"] > MAX_WARM_QUERIES
        ]
    listing = measured["1,000 roles"]["uncached"].get("listing")
    if listing and listing["html"] >= THOUSAND_ROLES_LISTING_HTML_LIMIT:
        misses.append(
            f"1,000 roles, listing: {listing['html'] / 1024:,.0f} KB of HTML"
            f" (target under {THOUSAND_ROLES_LISTING_HTML_LIMIT // 1024} KB)"
        )
    home = measured["seed data"]["uncached"].get("listing")
    if home and home["gzip"] + home["assets"] >= FIRST_VISIT_LIMIT:
        misses.append(
            f"seed data, listing: first visit {(home['gzip'] + home['assets']) / 1024:.0f} KB"
            f" (target under {FIRST_VISIT_LIMIT // 1024} KB)"
        )
    return misses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=2, help="length of one run (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--connections", type=int, default=8, help="open connections (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--profile-renders", metavar="PATHS", help=argparse.SUPPRESS)
    parser.add_argument("--measure-read-model", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.profile_renders:
        profile_renders(json.loads(options.profile_renders))
        return 0
    if options.measure_read_model:
        measure_read_model()
        return 0
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk (make bench installs it)")
    misses = missed_targets(benchmark(options))
    print("\nTargets: " + ("all met" if not misses else "not met:"))
    for miss in misses:
        print(f"- {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
