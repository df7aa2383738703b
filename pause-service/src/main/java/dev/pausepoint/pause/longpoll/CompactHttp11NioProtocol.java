package dev.pausepoint.pause.longpoll;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's NIO protocol with a smaller response buffer. Every response otherwise gets an 8 KB byte
 * buffer and an 8K-char (16 KB) char buffer, and a parked long-poll holds both for its whole wait; an
 * answer here is usually under 1 KB. A larger answer is still sent whole: once it passes the buffer,
 * Tomcat sends it in chunks instead of with a {@code Content-Length}. Tomcat asks the protocol for this
 * size ({@link #getDesiredBufferSize()}, meant for protocols with a packet size) when it creates the
 * response objects it reuses. Named by {@link LongPollConfiguration}; Tomcat instantiates it by name.
 */
public class CompactHttp11NioProtocol extends Http11NioProtocol {

    private volatile int responseBufferSize = -1;

    @Override
    public int getDesiredBufferSize() {
        return responseBufferSize;
    }

    public void setResponseBufferSize(int bytes) {
        this.responseBufferSize = bytes;
    }
}
