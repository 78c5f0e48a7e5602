"""Real app servers on loopback, for the multi-server test and `make bench`.

Each server is gunicorn running the production settings (debug off, manifest static files),
started as its own process so it shares nothing with the caller but the database and the cache.
Also runnable as `python -m tests.servers postgres|redis`: exit status 0 when reachable.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import psycopg
import redis
from psycopg import sql

BASE_DIR = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("CAREERS_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("CAREERS_REDIS_URL", "redis://127.0.0.1:6379/0")
# Settings the caller's environment must not leak into a server started here.
OWN_VARIABLES = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "SITE_URL")


def postgres_reachable() -> bool:
    try:
        psycopg.connect(f"{POSTGRES_URL}/postgres", connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True


def redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping())
    except redis.RedisError:
        return False


@contextmanager
def postgres_database(name: str) -> Iterator[str]:
    """A new, empty PostgreSQL database for the duration of the block; its URL."""
    with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield f"{POSTGRES_URL}/{name}"
    finally:
        with psycopg.connect(f"{POSTGRES_URL}/postgres", autocommit=True) as connection:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            connection.execute(drop.format(sql.Identifier(name)))


def production_environment(**settings: str) -> dict[str, str]:
    """The environment of a production server on plain-http loopback, plus `settings`."""
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith(OWN_VARIABLES)
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="careers.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1:8000",
        DJANGO_SECURE_SSL_REDIRECT="false",
    )
    environment.update(settings)
    return environment


def manage(environment: dict[str, str], *arguments: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(environment: dict[str, str], *, workers: int = 2) -> Iterator[str]:
    """A gunicorn server on a free loopback port until the block ends; its base URL."""
    with gunicorn_process(environment, workers=workers) as (url, _):
        yield url


@contextmanager
def gunicorn_process(
    environment: dict[str, str], *, workers: int = 2, log: IO | None = None, healthy: bool = True
) -> Iterator[tuple[str, int]]:
    """As `gunicorn`, also giving the master's process id (its workers are its children).

    `log` takes the server's standard error; `healthy=False` starts it without waiting for a
    healthy answer (a server whose database is down answers 503).
    """
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "careers.wsgi", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--log-level", "warning"]
    server = subprocess.Popen(command, cwd=BASE_DIR, env=environment, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(server, url, healthy=healthy)
        yield url, server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_until_up(
    server: subprocess.Popen, url: str, *, seconds: float = 30, healthy: bool = True
) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except urllib.error.HTTPError:
            if not healthy:
                return  # it answers, if only to say it cannot serve yet
            time.sleep(0.2)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url} within {seconds} s")


if __name__ == "__main__":
    checks = {"postgres": postgres_reachable, "redis": redis_reachable}
    sys.exit(0 if checks[sys.argv[1]]() else 1)
