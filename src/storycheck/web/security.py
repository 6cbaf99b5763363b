"""Headers and limits every response and request goes through (a plain ASGI middleware).

- A strict Content-Security-Policy: scripts and styles only from this origin,
  nothing inline, no frames, no plugins; scraped text cannot run even if some
  escaping were missed.
- Request bodies over the upload limit are refused with 413 before any parsing.
- Host header check (DNS rebinding) and same-origin check on POST (CSRF), since
  the app usually runs on a developer's own machine.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
)
# multipart boundaries and the small form fields beside the pasted text or file
FORM_OVERHEAD = 64 * 1024


def human_size(n: int) -> str:
    for unit, size in (("MB", 1_000_000), ("kB", 1_000)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n} bytes"


def too_large_message(size: int | None, limit: int) -> str:
    got = f"{human_size(size)}; " if size is not None else ""
    return f"Too large: {got}the limit is {human_size(limit)} (setting max_upload_bytes)."


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, *, max_body: int, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.limit = max_body + FORM_OVERHEAD
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        if self.allowed_hosts is not None and _hostname(host) not in self.allowed_hosts:
            await _plain(send, 400, f"Host {host!r} is not served here (DNS rebinding guard).")
            return
        if scope["method"] in ("POST", "PUT", "PATCH", "DELETE"):
            origin = headers.get("origin")
            if origin and origin != "null" and origin.split("://", 1)[-1].lower() != host.lower():
                await _plain(send, 403, "Cross-origin form posts are refused.")
                return
            declared = headers.get("content-length")
            wants_html = "text/html" in headers.get("accept", "")
            if declared and declared.isdigit() and int(declared) > self.limit:
                message = too_large_message(int(declared) - FORM_OVERHEAD, self.max_body)
                await (_plain if wants_html else _json)(send, 413, message)
                return
            buffered = await self._buffered(receive, send, wants_html=wants_html)
            if buffered is None:
                return
            receive = buffered

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _buffered(self, receive: Receive, send: Send, *, wants_html: bool) -> Receive | None:
        """Read the whole body (chunked uploads carry no Content-Length) and stop at the limit."""
        chunks: list[bytes] = []
        total = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return None
            body = message.get("body", b"")
            total += len(body)
            if total > self.limit:
                await (_plain if wants_html else _json)(send, 413, too_large_message(None, self.max_body))
                return None
            chunks.append(body)
            if not message.get("more_body"):
                break
        replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def replay_receive() -> Message:
            return replay.pop() if replay else await receive()

        return replay_receive


def _hostname(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]")[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


async def _plain(send: Send, status: int, text: str) -> None:
    await _respond(send, status, text.encode(), b"text/plain; charset=utf-8")


async def _json(send: Send, status: int, detail: str) -> None:
    await _respond(send, status, json.dumps({"detail": detail}).encode(), b"application/json")


async def _respond(send: Send, status: int, body: bytes, content_type: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})
