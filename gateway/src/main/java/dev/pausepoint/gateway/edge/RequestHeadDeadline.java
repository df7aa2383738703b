package dev.pausepoint.gateway.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import reactor.netty.NettyPipeline;

/**
 * Closes a connection whose request head (request line and headers) is not complete in time: counted
 * from the moment the connection opens, and on a kept-alive connection from the first byte of the
 * next request. A client that opens connections and sends half a request line, or one byte a second,
 * therefore holds each for at most the timeout. Reactor Netty's own idle timeout does not bound that,
 * because every byte read restarts it.
 *
 * <p>Two handlers share one deadline: one before the HTTP decoder sees the first raw bytes of a
 * request, one after it sees the decoded head (which ends the deadline) and the end of each response
 * (after which the connection waits for its next request, idle, under Reactor Netty's idle timeout).
 * One instance per connection; Netty calls both handlers on the connection's event loop only.
 */
final class RequestHeadDeadline {

    static final String BYTES = "pausepoint.requestHeadBytes";
    static final String HEADS = "pausepoint.requestHeads";

    private final long timeoutMillis;
    private ScheduledFuture<?> deadline;
    /** Requests whose response has not been written to its end. */
    private int unanswered;
    /** No byte of the next request has arrived since the last response ended. */
    private boolean idle;

    private RequestHeadDeadline(Duration timeout) {
        this.timeoutMillis = Math.max(1, timeout.toMillis());
    }

    /** Adds the two handlers around the HTTP/1.1 decoder of a new connection's pipeline. */
    static void install(ChannelPipeline pipeline, Duration timeout) {
        RequestHeadDeadline shared = new RequestHeadDeadline(timeout);
        pipeline.addBefore(NettyPipeline.HttpCodec, BYTES, shared.new RawBytes());
        pipeline.addAfter(NettyPipeline.HttpCodec, HEADS, shared.new Heads());
    }

    private void start(ChannelHandlerContext ctx) {
        cancel();
        idle = false;
        deadline = ctx.executor().schedule(() -> ctx.channel().close(), timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private final class RawBytes extends ChannelInboundHandlerAdapter {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            // A new connection is expected to send its first request at once.
            start(ctx);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (idle && unanswered == 0 && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                start(ctx);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }
    }

    private final class Heads extends ChannelDuplexHandler {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                cancel();
                idle = false;
                unanswered++;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (Answers.isEndOfFinalAnswer(msg) && unanswered > 0 && --unanswered == 0) {
                idle = true;
            }
            ctx.write(msg, promise);
        }
    }
}
