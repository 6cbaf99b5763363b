"""Ingest tests use the shared 127.0.0.1 route server (tests/httpserver.py)."""

from httpserver import http_server  # noqa: F401 - re-exported as a fixture for this folder
