package dev.pausepoint.gateway.edge;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/** What the edge's handlers need to know about the answers written on a connection. */
final class Answers {

    private Answers() {
    }

    /**
     * Whether {@code written} ends an answer to a request: the last part of a response that is not an
     * interim one ({@code 100 Continue} is written as one whole message, yet answers nothing).
     */
    static boolean isEndOfFinalAnswer(Object written) {
        boolean interim = written instanceof HttpResponse response
                && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        return written instanceof LastHttpContent && !interim;
    }
}
