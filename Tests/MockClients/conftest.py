"""Starts apigen-mock for the tests: the real clients (gdapi-python, cattle) and raw HTTP drive it."""
import os
import re
import signal
import subprocess
import time
import uuid

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MOCK = os.environ.get("APIGEN_MOCK", os.path.join(REPO, "Mock", ".build", "debug", "apigen-mock"))
CORPUS = os.environ.get("APIGEN_CORPUS") or os.path.join(os.path.dirname(REPO), "shared", "corpus")
DOCS = os.environ.get("APIGEN_MOCK_DOCS", os.path.join(CORPUS, "rancher", "v1.6", "en", "api", "v2-beta"))
ACCESS_KEY, SECRET_KEY = "test-access", "test-secret"


class MockProcess:
    """One apigen-mock process; `start` waits for its 'serving' line and reads the URL from it."""

    def __init__(self, state_file=None, delay="0.05"):
        self.state_file = state_file
        self.delay = delay
        self.process = None
        self.url = None

    def start(self):
        arguments = [MOCK, DOCS, "--port", "0", "--transition-delay", self.delay,
                     "--access-key", ACCESS_KEY, "--secret-key", SECRET_KEY]
        if self.state_file:
            arguments += ["--state", self.state_file]
        self.process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.process.stdout.readline()
            match = re.search(r"serving (http://\S+)", line or "")
            if match:
                self.url = match.group(1)
                return self
            if self.process.poll() is not None:
                break
        raise RuntimeError("apigen-mock did not start")

    def kill(self):
        """SIGKILL: no chance to flush or clean up, as a crash."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def mock():
    process = MockProcess().start()
    yield process
    process.stop()


@pytest.fixture
def unique():
    return "t" + uuid.uuid4().hex[:8]
