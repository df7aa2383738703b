from __future__ import annotations

import httpx
import pytest

from pausepoint import PausePointConnectionError, RateLimitedError

from .fakes import Server, envelope

CSV_HEADERS = {"Content-Type": "text/csv;charset=utf-8",
               "Content-Disposition": 'attachment; filename="pausepoint-audit-live-2026-11-01-2026-11-30.csv"'}


def test_the_export_streams_the_file_and_names_it(client_for):
    server = Server(httpx.Response(200, content=b"id,developer_id\r\naud_1,dev_1\r\n", headers=CSV_HEADERS))

    client = client_for(server)
    with client.export_audit("2026-11-01", "2026-11-30", format="csv", event_type="pause.created") as export:
        body = b"".join(export.iter_bytes())

    assert body == b"id,developer_id\r\naud_1,dev_1\r\n"
    assert export.filename == "pausepoint-audit-live-2026-11-01-2026-11-30.csv"
    assert export.content_type == "text/csv;charset=utf-8"
    assert dict(server.requests[0].url.params) == {"from_date": "2026-11-01", "to_date": "2026-11-30",
                                                   "format": "csv", "event_type": "pause.created"}


@pytest.mark.parametrize("read", ["iter_bytes", "iter_lines"])
def test_an_export_that_breaks_off_raises_instead_of_ending_like_a_whole_file(client_for, read):
    def broken():
        yield b'{"id":"aud_1"}\n'
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")

    server = Server(httpx.Response(200, content=broken(), headers={"Content-Type": "application/x-ndjson"}))

    parts = []
    with pytest.raises(PausePointConnectionError, match="broke off"):
        with client_for(server).export_audit("2026-11-01", "2026-11-30") as export:
            for part in getattr(export, read)():
                parts.append(part)
    assert parts in ([b'{"id":"aud_1"}\n'], ['{"id":"aud_1"}'])


def test_the_developers_export_still_running_is_retried_after_its_retry_after(client_for, sleeps):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "5"}),
                    httpx.Response(200, content=b"", headers={"Content-Type": "application/x-ndjson"}))

    with client_for(server).export_audit("2026-11-01", "2026-11-30") as export:
        assert list(export.iter_bytes()) == []

    assert sleeps == [5.0] and len(server.requests) == 2


def test_a_refusal_outlasting_the_retries_is_raised_at_the_with(client_for):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "5"}))

    with pytest.raises(RateLimitedError):
        with client_for(server, max_retries=0).export_audit("2026-11-01", "2026-11-30"):
            pytest.fail("the body of the with must not run")


def test_lines_are_whole_without_their_endings_however_the_chunks_fall(client_for):
    chunks = [b"id,developer_id\r", b"\naud_1,", b"dev_1\r\naud_2,dev_\xc3", b"\xbc\r\n"]
    server = Server(httpx.Response(200, content=iter(chunks), headers=CSV_HEADERS))

    with client_for(server).export_audit("2026-11-01", "2026-11-30", format="csv") as export:
        lines = list(export.iter_lines())

    assert lines == ["id,developer_id", "aud_1,dev_1", "aud_2,dev_\u00fc"]
