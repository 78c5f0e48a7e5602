"""A production-like server with the seed data, shared by the read-only browser checks.

Loading the seed once per session and serving it from a separate process keeps the checks
fast (no per-test database reload) and tests what ships: DEBUG off, whitenoise serving the
collected, compressed and hashed static files, and the production security headers.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 30


@contextmanager
def seeded_server() -> Iterator[str]:
    """Yield the base URL of a freshly seeded server; stop it and delete its files after."""
    with tempfile.TemporaryDirectory(prefix="gate-") as gate_dir:
        env = server_environment(gate_dir=gate_dir)
        for command in (["migrate"], ["load_fixtures"], ["collectstatic"]):
            manage(*command, "--verbosity=0", *no_input(command), env=env)
        subprocess.run(
            [sys.executable, "-m", "tests.browser.gate_data"], cwd=ROOT, env=env, check=True
        )
        port = free_port()
        log_path = Path(gate_dir) / "server.log"
        with log_path.open("w") as log:
            server = subprocess.Popen(
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                base_url = f"http://127.0.0.1:{port}"
                wait_until_serving(base_url, log_path=log_path)
                yield base_url
            finally:
                server.terminate()
                server.wait(timeout=10)


def server_environment(*, gate_dir: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.server_settings",
        "GATE_DIR": gate_dir,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": "quality-gate-only-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": "http://127.0.0.1:8000",
        # Plain http on loopback: production would redirect to https.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
    }


def no_input(command: list[str]) -> list[str]:
    return ["--no-input"] if command[0] in {"migrate", "collectstatic"} else []


def manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base_url: str, *, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base_url + "/", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"The gate's server did not start:\n{log_path.read_text()}")
