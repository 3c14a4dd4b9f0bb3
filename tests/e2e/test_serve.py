"""``planner serve``: the app in a browser, served by textual-serve on loopback unless told otherwise.

The server runs as a real subprocess on a free port; the page is fetched with urllib, and the page's
websocket is driven the way the browser's terminal drives it, to see the app itself come up and work.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.e2e.sshd import free_port

TODAY = "2026-03-02"
ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>])")


def env_for(data: Path) -> dict[str, str]:
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_TODAY": TODAY}
    env.pop("PLANNER_LIBRARY", None)
    return env


@contextmanager
def serving(tmp_path: Path, *args: str, host: str = "127.0.0.1") -> Iterator[tuple[int, subprocess.Popen]]:
    """Start ``planner serve ARGS --port N``, wait until ``host:N`` accepts connections, stop it after."""
    port = free_port()
    log = (tmp_path / "serve.log").open("w+")
    process = subprocess.Popen([sys.executable, "-m", "planner", "serve", *args, "--port", str(port)],
                               env=env_for(tmp_path / "data"), cwd=tmp_path, stdin=subprocess.DEVNULL,
                               stdout=log, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            with socket.socket() as probe:
                if probe.connect_ex((host, port)) == 0:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise AssertionError(f"planner serve never listened on {host}:{port}:\n{log.read()}")
            time.sleep(0.05)
        yield port, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.seek(0)
        process.output = log.read()  # type: ignore[attr-defined]
        log.close()


def printed_url(process: subprocess.Popen, log: Path, timeout: float = 30) -> str:
    """The address ``serve`` printed on a line of its own (the first ``http://`` line, with its token)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in log.read_text().splitlines():
            if line.startswith("http://"):
                return line.strip()
        if process.poll() is not None:
            break
        time.sleep(0.05)
    raise AssertionError(f"planner serve printed no http:// line:\n{log.read_text()}")


def listening_addresses(port: int) -> set[str]:
    """The local addresses of TCP sockets listening on ``port``, from /proc/net (Linux)."""
    found = set()
    for table, size in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        if not Path(table).exists():
            continue
        for row in Path(table).read_text().splitlines()[1:]:
            fields = row.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                if size == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:  # four little-endian 32-bit words
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


def test_help_says_loopback_is_the_default(run_planner) -> None:
    result = run_planner("serve", "--help")
    assert result.returncode == 0, result.stderr
    assert "--host HOST" in result.stdout and "default 127.0.0.1" in result.stdout


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc/net")
def test_serve_gives_the_page_on_loopback_only_and_stops_cleanly(tmp_path: Path) -> None:
    with serving(tmp_path) as (port, process):
        assert listening_addresses(port) <= {"127.0.0.1", "::1"}, "no --host: loopback only"
        assert listening_addresses(port), "the socket is listening"
        url = printed_url(process, tmp_path / "serve.log")
        assert url.startswith(f"http://127.0.0.1:{port}/?token=")
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
            assert response.headers.get_content_type() == "text/html"
            page = response.read().decode()
        assert page.lstrip().lower().startswith("<!doctype html>")
        assert "textual-terminal" in page and "js/textual.js" in page
        assert f"ws://127.0.0.1:{port}/ws/{url.partition('token=')[2]}" in page, \
            "the browser's terminal connects back to this server, with the token"
        assert "planner" in page, "the page names the app"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/js/textual.js", timeout=10) as script:
            assert script.status == 200 and len(script.read()) > 1000
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    assert "Traceback" not in process.output, process.output
    assert "anyone who can reach" not in process.output, "no warning on loopback"
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "nothing listens after it stopped"


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc/net")
def test_another_host_is_used_only_when_asked_and_warns(tmp_path: Path) -> None:
    with serving(tmp_path, "--host", "127.0.0.2", host="127.0.0.2") as (port, process):
        assert listening_addresses(port) == {"127.0.0.2"}
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0
    assert "anyone who can reach this address can see and change your history" in process.output


URL_IN_PAGE = re.compile(r"""(?:src|href|url)\s*[=(]\s*["']?([^"')\s>]+)""", re.IGNORECASE)


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc/net")
def test_the_page_fits_a_phone_and_loads_nothing_from_outside(tmp_path: Path) -> None:
    """planner's own template: a viewport for phones, the font from this server, no CDN, no Google Fonts."""
    with serving(tmp_path) as (port, process):
        origin = f"http://127.0.0.1:{port}/"
        with urllib.request.urlopen(printed_url(process, tmp_path / "serve.log"), timeout=10) as response:
            page = response.read().decode()
        fonts = [u for u in URL_IN_PAGE.findall(page) if u.endswith(".ttf")]
        assert fonts, "the page names its font"
        for font in fonts:
            with urllib.request.urlopen(urllib.parse.urljoin(origin, font), timeout=10) as served:
                assert served.status == 200 and len(served.read()) > 10_000, font
    assert '<meta name="viewport" content="width=device-width, initial-scale=1"' in page
    assert "googleapis" not in page and "gstatic" not in page
    urls = URL_IN_PAGE.findall(page)
    assert urls, "the pattern finds the page's resources"
    ours = (origin, origin.replace("http://", "ws://"))  # the page, its files, and the app's websocket
    assert [u for u in urls if "://" in u and not u.startswith(ours)] == [], "everything from this server"


async def first_run_in_the_browser(port: int, data: Path, token: str) -> str:
    """Open the app's websocket as the page does, see the plan builder, press ctrl+s, see Today."""
    import aiohttp

    seen = ""

    async def read_until(ws: aiohttp.ClientWebSocketResponse, text: str) -> None:
        nonlocal seen
        while text not in ESCAPES.sub("", seen).replace("\n", " "):
            message = await ws.receive(timeout=20)
            assert message.type == aiohttp.WSMsgType.BINARY, f"{message.type}: {seen[-2000:]}"
            seen += message.data.decode("utf-8", "replace")

    async with aiohttp.ClientSession() as session, \
            session.ws_connect(f"ws://127.0.0.1:{port}/ws/{token}?width=80&height=24",
                               origin=f"http://127.0.0.1:{port}") as ws:
        await read_until(ws, "Build your plan")
        await ws.send_json(["stdin", "\x13"])  # ctrl+s: create the plan
        await read_until(ws, "Before your first plan")  # the safety questions come first
        await ws.send_json(["stdin", "\x13"])  # ctrl+s: none of them apply
        await read_until(ws, "Monday 02 March 2026")
    return seen


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from /proc/net")
def test_the_browser_terminal_runs_the_app_on_the_same_data(tmp_path: Path, run_planner) -> None:
    with serving(tmp_path) as (port, process):
        token = printed_url(process, tmp_path / "serve.log").partition("token=")[2]
        asyncio.run(asyncio.wait_for(first_run_in_the_browser(port, tmp_path / "data", token), 60))
    today = run_planner("today", "--json")
    assert today.returncode == 0, today.stderr
    assert json.loads(today.stdout)["status"] == "planned", "the plan made in the browser is the terminal's plan"
