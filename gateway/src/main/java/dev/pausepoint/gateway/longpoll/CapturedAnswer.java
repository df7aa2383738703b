package dev.pausepoint.gateway.longpoll;

import java.util.Arrays;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response that the proxied read of a long-poll is written into instead of the client's, so the
 * gateway can look at it before deciding to answer or to wait. The body is copied out of the pooled
 * buffers at once: nothing pooled is held while a request waits. What is written to the client is a
 * {@link ReadAnswer}.
 */
final class CapturedAnswer extends AbstractServerHttpResponse {

    private byte[] body = new byte[0];

    CapturedAnswer(DataBufferFactory buffers) {
        super(buffers, new HttpHeaders());
    }

    @Override
    protected Mono<Void> writeWithInternal(Publisher<? extends DataBuffer> written) {
        return DataBufferUtils.join(written).doOnNext(joined -> {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            DataBufferUtils.release(joined);
            // Appended: a streamed answer (writeAndFlushWith) arrives as several writes.
            byte[] whole = Arrays.copyOf(body, body.length + bytes.length);
            System.arraycopy(bytes, 0, whole, body.length, bytes.length);
            body = whole;
        }).then();
    }

    @Override
    protected Mono<Void> writeAndFlushWithInternal(Publisher<? extends Publisher<? extends DataBuffer>> written) {
        return Flux.from(written).concatMap(this::writeWithInternal).then();
    }

    @Override
    protected void applyStatusCode() {
    }

    @Override
    protected void applyHeaders() {
    }

    @Override
    protected void applyCookies() {
    }

    @Override
    public <T> T getNativeResponse() {
        throw new UnsupportedOperationException("a captured answer has no native response");
    }

    byte[] body() {
        return body;
    }
}
