"""What the integration tests need of the real stack: its URL, fresh developers, a webhook receiver."""

from __future__ import annotations

import os
import queue
import random
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, Optional, Tuple, TypeVar

from pausepoint import PausePoint, Registration

T = TypeVar("T")

HOW_TO_RUN = (
    "PAUSEPOINT_URL is not set. These integration tests run against a real PausePoint stack: start one "
    "(./run-local in the repository root) and run, in clients/python, "
    "PAUSEPOINT_URL=http://localhost:8080 PYTHONPATH=src /usr/bin/python3 -m pytest tests/integration "
    "(the stack must trust 127.0.0.1 as a proxy, TRUSTED_PROXIES, and allow plain http to 127.0.0.2, "
    "DELIVERY_INSECURE_HOSTS, as the system tests' stack does). Unit tests alone: pytest tests/unit."
)

RECEIVER_HOST = "127.0.0.2"
PASSWORD = "correct horse battery staple"


def base_url() -> str:
    url = os.environ.get("PAUSEPOINT_URL")
    if not url:
        raise RuntimeError(HOW_TO_RUN)
    return url


def random_address() -> str:
    """An address of 198.18.0.0/15 (benchmarking, never a real client), so each developer has its own
    per-address windows: registration allows 20 a minute per address."""
    return f"198.{random.randint(18, 19)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


@dataclass
class Developer:
    email: str
    registration: Registration
    address: str

    def client(self, api_key: Optional[str] = None, **options) -> PausePoint:
        """A client acting as this developer from its own address, with its test key by default."""
        headers = {"X-Forwarded-For": self.address, **options.pop("headers", {})}
        return PausePoint(api_key=api_key or self.registration.test_api_key, base_url=base_url(),
                          headers=headers, **options)


def register() -> Developer:
    address = random_address()
    email = f"py-sdk-{uuid.uuid4().hex[:16]}@example.com"
    with PausePoint(base_url=base_url(), headers={"X-Forwarded-For": address}) as anonymous:
        registration = anonymous.register(email=email, name="Python SDK test", password=PASSWORD)
    return Developer(email, registration, address)


def eventually(read: Callable[[], T], done: Callable[[T], bool], timeout: float = 30.0,
               what: str = "the condition") -> T:
    """Reads until ``done`` holds, for what the stack does asynchronously (events, deliveries)."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if done(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not hold within {timeout:g} s; last read: {value!r}")
        time.sleep(0.2)


Received = Tuple[Dict[str, str], bytes]


class WebhookReceiver:
    """A developer's endpoint: records each post's headers and raw body and answers 200."""

    def __init__(self) -> None:
        self.posts: "queue.Queue[Received]" = queue.Queue()
        posts = self.posts

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                posts.put(({name: value for name, value in self.headers.items()}, body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer((RECEIVER_HOST, 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{RECEIVER_HOST}:{self._server.server_address[1]}/hook"

    def next_post(self, timeout: float = 30.0) -> Received:
        try:
            return self.posts.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"no webhook post reached {self.url} within {timeout:g} s") from None

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
