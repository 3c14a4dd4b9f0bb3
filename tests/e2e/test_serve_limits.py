"""``planner serve`` bounds what a tab can cost: a cap on tabs, a cap on a message, an app that ends with its tab.

The server runs in process on a real socket, driven by a real websocket client; the "app" each tab
starts is a stand-in process, so the test says exactly what happens to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp import web

from planner.app.serve import TEMPLATES
from planner.app.web_guard import MAX_MESSAGE_BYTES, GuardedServer, end_app

# Stands in for 'planner app': writes its pid, ignores SIGTERM (as a busy app did), never answers.
STUBBORN = (f"exec {sys.executable} -c \"import os, signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "open(sys.argv[1], 'a').write(str(os.getpid()) + chr(10)); time.sleep(600)\"")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.asynccontextmanager
async def running(tmp_path: Path, max_tabs: int = 2) -> AsyncIterator[tuple[GuardedServer, str, str]]:
    port = free_port()
    pids = tmp_path / "pids"
    server = GuardedServer(f"{STUBBORN} {pids}", host="127.0.0.1", port=port, title="planner",
                           templates_path=TEMPLATES, max_tabs=max_tabs)
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield server, f"ws://127.0.0.1:{port}/ws/{server.token}", f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie has ended; only its parent has not looked yet
        if Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z":
            return False
    return True


async def started_pids(path: Path, count: int) -> list[int]:
    for _ in range(600):
        if path.exists() and len(lines := path.read_text().split()) >= count:
            return [int(p) for p in lines]
        await asyncio.sleep(0.05)
    raise AssertionError("the tab's app never started")


def test_one_tab_more_than_the_cap_is_refused_with_a_sentence(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with running(tmp_path, max_tabs=2) as (server, ws, own), aiohttp.ClientSession() as session:
            first = await session.ws_connect(ws, origin=own)
            second = await session.ws_connect(ws, origin=own)
            await started_pids(tmp_path / "pids", 2)
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(ws, origin=own)
            assert refused.value.status == 503
            async with session.get(ws.replace("ws://", "http://"), headers={"Origin": own, "Connection": "Upgrade",
                                   "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
                                   "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}) as response:
                assert "2 tabs already have the app open; close one and reload this page" in await response.text()
            await first.close()
            await second.close()

    asyncio.run(scenario())


def test_a_huge_message_closes_the_tab_and_its_app_ends_even_if_it_ignores_sigterm(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with running(tmp_path) as (server, ws, own), aiohttp.ClientSession() as session:
            socket_ = await session.ws_connect(ws, origin=own)
            [pid] = await started_pids(tmp_path / "pids", 1)
            await socket_.send_json(["stdin", "x" * 1_000_000])
            message = await socket_.receive()
            assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)
            for _ in range(400):  # quit, then SIGTERM (ignored), then SIGKILL: about 6 s at most
                if not alive(pid) and server.tabs == 0:
                    break
                await asyncio.sleep(0.05)
            assert not alive(pid), "the app outlived its tab"
            assert server.tabs == 0
        assert MAX_MESSAGE_BYTES < 1_000_000

    asyncio.run(scenario())


def test_end_app_escalates_from_quit_to_sigterm_to_sigkill() -> None:
    """In process, with a short grace: a process that ignores SIGTERM is killed, and the call returns."""
    class Service:
        def __init__(self, process: asyncio.subprocess.Process) -> None:
            self._process = process

        async def stop(self) -> None:
            await asyncio.sleep(600)  # the quit message is never answered

    async def scenario() -> int:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-c", "import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
            "print('ready', flush=True); time.sleep(600)", stdout=asyncio.subprocess.PIPE)
        assert process.stdout is not None
        await process.stdout.readline()
        await end_app(Service(process), grace=0.2)  # type: ignore[arg-type]
        assert process.returncode is not None
        return process.returncode

    assert asyncio.run(scenario()) == -signal.SIGKILL
