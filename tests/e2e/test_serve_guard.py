"""``planner serve`` lets in only its own page: the printed token, its own Host, its own Origin.

A real server in a subprocess, probed with a real HTTP and WebSocket client (aiohttp), the way a
hostile page in the person's browser would try it: another Origin, no token, a rebound DNS name.
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from tests.e2e.test_serve import env_for, printed_url, serving

pytestmark = pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets")


async def status_of(url: str, **headers: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as response:
        return response.status


async def websocket_refused(url: str, origin: str | None) -> int:
    """The HTTP status the websocket handshake was refused with (0 if it was accepted)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, origin=origin) as ws:
                await ws.send_json(["stdin", "d"])
                return 0
        except aiohttp.WSServerHandshakeError as err:
            return err.status


def test_the_page_needs_the_printed_token(tmp_path: Path) -> None:
    with serving(tmp_path) as (port, process):
        url = printed_url(process, tmp_path / "serve.log")
        token = url.partition("?token=")[2]
        assert len(token) >= 32, "unguessable"
        base = f"http://127.0.0.1:{port}"

        async def probe() -> list[int]:
            return [await status_of(f"{base}/"), await status_of(f"{base}/?token=guess"),
                    await status_of(f"{base}/?token={token[:-1]}"), await status_of(url),
                    await status_of(f"http://localhost:{port}/?token={token}")]

        assert asyncio.run(probe()) == [403, 403, 403, 200, 200]


def test_each_run_prints_a_new_token_on_a_line_of_its_own(tmp_path: Path) -> None:
    tokens = []
    for run in range(2):
        folder = tmp_path / str(run)
        folder.mkdir()
        with serving(folder) as (port, process):
            url = printed_url(process, folder / "serve.log")
            assert url.startswith(f"http://127.0.0.1:{port}/?token=") and " " not in url
            tokens.append(url.partition("?token=")[2])
    assert tokens[0] != tokens[1]


def test_a_foreign_or_missing_host_is_refused(tmp_path: Path) -> None:
    """DNS rebinding: an attacker's name pointed at 127.0.0.1 arrives with the attacker's Host."""
    with serving(tmp_path) as (port, process):
        url = printed_url(process, tmp_path / "serve.log")
        token = url.partition("?token=")[2]

        async def probe() -> list[int]:
            return [await status_of(url, Host=f"evil.example:{port}"),
                    await status_of(url, Host="127.0.0.1:1"),
                    await status_of(f"http://127.0.0.1:{port}/static/js/textual.js", Host=f"evil.example:{port}"),
                    await status_of(url, Host=f"localhost:{port}"),
                    await websocket_refused(f"ws://127.0.0.1:{port}/ws/{token}", f"http://evil.example:{port}")]

        assert asyncio.run(probe()) == [403, 403, 403, 200, 403]
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(f"GET /?token={token} HTTP/1.0\r\n\r\n".encode())
            reply = raw.recv(200).decode("latin-1")
        assert reply.split()[1] == "403", reply


def test_the_websocket_opens_only_for_this_servers_page_with_the_token(tmp_path: Path, run_planner) -> None:
    """A page elsewhere (another Origin), no Origin, or no token: refused, and nothing is checked off."""
    run_planner("plan", "new", "--program", "core-flexibility", "--days", "mon,wed,fri")
    with serving(tmp_path) as (port, process):
        token = printed_url(process, tmp_path / "serve.log").partition("?token=")[2]
        ws, own = f"ws://127.0.0.1:{port}/ws", f"http://127.0.0.1:{port}"

        async def probe() -> list[int]:
            return [await websocket_refused(f"{ws}/{token}", "http://evil.example"),
                    await websocket_refused(f"{ws}/{token}", f"http://127.0.0.1:{port + 1}"),
                    await websocket_refused(f"{ws}/{token}", "null"),
                    await websocket_refused(f"{ws}/{token}", None),
                    await websocket_refused(f"{ws}/wrong-token", own),
                    await websocket_refused(ws, own)]

        assert asyncio.run(probe()) == [403, 403, 403, 403, 403, 404]
    today = run_planner("today", "--json")
    assert json.loads(today.stdout)["status"] == "planned", "no foreign page checked anything off"


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "planner", "serve", "--port", str(port)],
                                capture_output=True, text=True, env=env_for(tmp_path / "data"), timeout=60,
                                stdin=subprocess.DEVNULL)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"planner: serve: cannot listen on 127.0.0.1:{port} (Address already in use); "
        "choose another --port, or stop what is using it"], result.stderr
    assert "http://" not in result.stdout, "no address is printed for a server that never listened"
