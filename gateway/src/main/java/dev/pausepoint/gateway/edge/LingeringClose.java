package dev.pausepoint.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection gently when its client is still sending a request body: the answer goes out,
 * then the gateway's side of the connection ends (FIN), and whatever the client still sends is read and
 * dropped until it closes too, or for at most the linger time. Closed at once instead, the bytes still
 * arriving make the kernel reset the connection, and a client that writes its whole body before reading
 * (most do) sees "connection reset" and never the 413, 408 or 422 it was sent.
 *
 * <p>Sits right after the HTTP decoder, so it sees where each request's body ends and every close asked
 * for by the handlers after it (Reactor Netty's, after an answer that ends the connection). One instance
 * per connection; Netty calls it on the connection's event loop only.
 */
final class LingeringClose extends ChannelDuplexHandler {

    static final String NAME = "pausepoint.lingeringClose";

    private final long lingerMillis;
    /** The client may still send bytes of the current request's body. */
    private boolean bodyArriving;
    private ScheduledFuture<?> lingering;
    private ChannelPromise closed;

    LingeringClose(Duration linger) {
        this.lingerMillis = Math.max(1, linger.toMillis());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lingering != null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest) {
            bodyArriving = true;
        }
        // After a decoding failure nothing more is decoded, but the client may still be sending.
        if (msg instanceof LastHttpContent last && last.decoderResult().isSuccess()) {
            bodyArriving = false;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (lingering != null) {
            // Already closing: this close is done when that one is.
            ctx.channel().closeFuture().addListener(done -> promise.trySuccess());
            return;
        }
        if (!bodyArriving || !(ctx.channel() instanceof DuplexChannel channel) || !channel.isActive()
                || channel.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        closed = promise.unvoid();
        lingering = ctx.executor().schedule(() -> ctx.close(closed), lingerMillis, TimeUnit.MILLISECONDS);
        channel.config().setAutoRead(true);
        // The empty write completes once everything written before it (the answer) is on the wire.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> channel.shutdownOutput());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (lingering != null) {
            // The client closed its side (or reset): there is nothing left to wait for.
            lingering.cancel(false);
            closed.trySuccess();
        }
        ctx.fireChannelInactive();
    }
}
