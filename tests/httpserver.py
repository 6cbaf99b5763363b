"""A real HTTP server on 127.0.0.1 whose routes tests change between requests.

Import it from any test (ingest, watcher, web); tests/ is on sys.path because
tests/conftest.py lives there:

    from httpserver import Route, http_server, serve  # http_server is a fixture

    def test_x(http_server):
        http_server.route(...)

    with serve() as server:
        server.route("/a", Route(body=b"<html>...</html>", headers={"Content-Type": "text/html"}))
        fetch_url(server.url("/a"), settings=...)
        server.requests  # [(method, path, headers)] seen so far

A route may also be a callable taking the request headers and returning a Route,
which is how a test answers conditional GETs (If-None-Match -> 304).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass(frozen=True)
class Route:
    """What the server answers on one path."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds to wait before answering (a stalled server)
    body_delay: float = 0.0  # seconds to wait between 1 KiB chunks of the body (a trickling server)
    send_length: bool = True  # False: no Content-Length, the body is streamed until close


Responder = Route | Callable[[Mapping[str, str]], Route]


class RouteServer:
    def __init__(self) -> None:
        self.routes: dict[str, Responder] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, responder: Responder) -> None:
        with self._lock:
            self.routes[path] = responder

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass  # keep pytest output clean

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with server._lock:
                    server.requests.append(("GET", self.path, headers))
                    responder = server.routes.get(self.path) or server.routes.get(self.path.split("?")[0])
                if responder is None:
                    route = Route(404, b"not found", {"Content-Type": "text/plain"})
                elif callable(responder):
                    route = responder(headers)
                else:
                    route = responder
                if route.delay:
                    time.sleep(route.delay)
                try:
                    self.send_response(route.status)
                    for name, value in route.headers.items():
                        self.send_header(name, value)
                    if route.send_length:
                        self.send_header("Content-Length", str(len(route.body)))
                    else:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    if route.body_delay:
                        for start in range(0, len(route.body), 1024):
                            self.wfile.write(route.body[start : start + 1024])
                            self.wfile.flush()
                            time.sleep(route.body_delay)
                    else:
                        self.wfile.write(route.body)
                    if not route.send_length:
                        self.close_connection = True
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (size cap, timeout): that is what the test wanted

        return Handler


@contextmanager
def serve() -> Iterator[RouteServer]:
    server = RouteServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def http_server() -> Iterator[RouteServer]:
    """A fresh RouteServer per test (import this name into a test module to use it)."""
    with serve() as server:
        yield server
