package dev.pausepoint.mcp.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;

/** A request body already in memory, read again as the servlet API reads one (blocking only). */
final class BodyStream extends ServletInputStream {

    private final ByteArrayInputStream bytes;

    BodyStream(byte[] body) {
        this.bytes = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
        return bytes.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        return bytes.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
        return bytes.available() == 0;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("the body is already read");
    }
}
