"""A streamed audit export (``GET /v1/audit/export``), read as it arrives."""

from __future__ import annotations

import re
from typing import AsyncIterator, Iterator, Optional

import httpx

from .errors import PausePointConnectionError

_FILENAME = re.compile(r'filename="([^"]*)"')

_BROKEN = (
    "the audit export broke off before its end (the server closes an export that fails or runs past "
    "10 minutes; narrow the dates)"
)


class _Export:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def content_type(self) -> str:
        """``application/x-ndjson`` or ``text/csv;charset=utf-8``."""
        return self.response.headers.get("Content-Type", "")

    @property
    def filename(self) -> Optional[str]:
        """The file name the server suggests, e.g. ``pausepoint-audit-test-2026-11-01-2026-11-30.csv``."""
        match = _FILENAME.search(self.response.headers.get("Content-Disposition", ""))
        return match.group(1) if match else None


class AuditExport(_Export):
    """An export being read. An export that breaks off raises :class:`PausePointConnectionError`, never
    ends quietly, so a short file is never mistaken for a whole one."""

    def iter_bytes(self) -> Iterator[bytes]:
        try:
            yield from self.response.iter_bytes()
        except httpx.TransportError as failure:
            raise PausePointConnectionError(_BROKEN) from failure

    def iter_lines(self) -> Iterator[str]:
        """Lines without their ending (an ndjson entry, or a CSV record when no field holds a line break)."""
        try:
            yield from self.response.iter_lines()
        except httpx.TransportError as failure:
            raise PausePointConnectionError(_BROKEN) from failure


class AsyncAuditExport(_Export):
    """The async form of :class:`AuditExport`."""

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.response.aiter_bytes():
                yield chunk
        except httpx.TransportError as failure:
            raise PausePointConnectionError(_BROKEN) from failure

    async def aiter_lines(self) -> AsyncIterator[str]:
        try:
            async for line in self.response.aiter_lines():
                yield line
        except httpx.TransportError as failure:
            raise PausePointConnectionError(_BROKEN) from failure
