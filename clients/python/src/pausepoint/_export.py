"""A streamed audit export (``GET /v1/audit/export``), read as it arrives."""

from __future__ import annotations

import codecs
import re
from typing import AsyncIterator, Iterator, List, Optional

import httpx

from .errors import PausePointConnectionError

_FILENAME = re.compile(r'filename="([^"]*)"')

_BROKEN = (
    "the audit export broke off before its end (the server closes an export that fails or runs past "
    "10 minutes; narrow the dates)"
)


class _Lines:
    """Splits the export's bytes into lines without their ``\n`` or ``\r\n``. Both formats are UTF-8 by
    contract, so it decodes UTF-8 itself instead of leaving the guess to the httpx version at hand."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self._pending = ""

    def feed(self, chunk: bytes) -> List[str]:
        *complete, self._pending = (self._pending + self._decoder.decode(chunk)).split("\n")
        return [line[:-1] if line.endswith("\r") else line for line in complete]

    def end(self) -> List[str]:
        rest, self._pending = self._pending + self._decoder.decode(b"", final=True), ""
        return [rest] if rest else []


class _Export:
    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    @property
    def content_type(self) -> str:
        """``application/x-ndjson`` or ``text/csv;charset=utf-8``."""
        return str(self.response.headers.get("Content-Type", ""))

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
        lines = _Lines()
        for chunk in self.iter_bytes():
            yield from lines.feed(chunk)
        yield from lines.end()


class AsyncAuditExport(_Export):
    """The async form of :class:`AuditExport`."""

    async def aiter_bytes(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.response.aiter_bytes():
                yield chunk
        except httpx.TransportError as failure:
            raise PausePointConnectionError(_BROKEN) from failure

    async def aiter_lines(self) -> AsyncIterator[str]:
        lines = _Lines()
        async for chunk in self.aiter_bytes():
            for line in lines.feed(chunk):
                yield line
        for line in lines.end():
            yield line
