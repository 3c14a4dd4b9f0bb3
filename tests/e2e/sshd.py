"""A throwaway OpenSSH server on 127.0.0.1 for the "check off over SSH" tests.

Fresh host and client keys per test run, key login only, loopback only.
"""

from __future__ import annotations

import contextlib
import getpass
import shutil
import socket
import subprocess
import time
from pathlib import Path

SSHD = shutil.which("sshd") or "/usr/sbin/sshd"


def have_sshd() -> bool:
    return Path(SSHD).exists() and shutil.which("ssh") is not None and shutil.which("ssh-keygen") is not None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SshServer:
    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
        self.port = free_port()
        self.user = getpass.getuser()
        self.host_key = folder / "host_ed25519"
        self.client_key = folder / "client_ed25519"
        for key in (self.host_key, self.client_key):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)], check=True)
        authorized = folder / "authorized_keys"
        authorized.write_text(self.client_key.with_suffix(".pub").read_text())
        authorized.chmod(0o600)
        config = folder / "sshd_config"
        config.write_text(
            f"ListenAddress 127.0.0.1\nPort {self.port}\nHostKey {self.host_key}\n"
            f"AuthorizedKeysFile {authorized}\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
            "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n"
            f"PidFile {folder / 'sshd.pid'}\nAcceptEnv LANG LC_*\nPrintMotd no\n"
        )
        # The privilege-separation directory (.ci/run makes it too); when not root, sshd's log says if it is missing.
        with contextlib.suppress(PermissionError):
            Path("/run/sshd").mkdir(exist_ok=True)
        # The log goes to a file, not a pipe nobody reads, which would fill up and stall sshd.
        self.log = folder / "sshd.log"
        with self.log.open("wb") as log:
            self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=log)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self.process.poll() is None:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        self.close()
        raise RuntimeError(f"sshd did not start on 127.0.0.1:{self.port}:\n{self.log.read_text(errors='replace')}")

    def ssh_command(self, *, tty: bool = False) -> list[str]:
        return ["ssh", *(["-tt"] if tty else []), "-p", str(self.port), "-i", str(self.client_key),
                "-o", "StrictHostKeyChecking=no", "-o", f"UserKnownHostsFile={self.folder / 'known_hosts'}",
                "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", f"{self.user}@127.0.0.1"]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
