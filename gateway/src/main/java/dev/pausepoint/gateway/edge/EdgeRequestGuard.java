package dev.pausepoint.gateway.edge;

import dev.pausepoint.errors.RequestIds;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits between Netty's HTTP decoder and Reactor Netty. A request the decoder failed on, or whose target
 * no URI parser reads, would be answered by Reactor Netty or Spring with a bare 400, 414 or 431 and no
 * body. Instead it is replaced by a bodiless stand-in for {@code /} carrying the reason in
 * {@value #REFUSAL_HEADER}, which {@link EdgeRefusalFilter} turns into the envelope; the stand-in
 * takes the refused request's place in the connection, so pipelined answers stay in order. The header
 * is removed from every request a client sends, so only this handler can set it.
 *
 * <p>A body whose chunked framing breaks (a chunk-size line that is not hex, say) cannot be replaced, its
 * request is already on its way: the failure reaches whoever reads that body as {@link MalformedBodyException}
 * instead, which is answered in the envelope too. Netty decodes nothing more on such a connection, so it
 * is closed once every request on it is answered.
 *
 * <p>One instance per connection; Netty calls it on the connection's event loop only.
 */
final class EdgeRequestGuard extends ChannelDuplexHandler {

    static final String NAME = "pausepoint.edgeRequestGuard";
    static final String REFUSAL_HEADER = "X-PausePoint-Edge-Refusal";

    /** True while the body of a refused request is still arriving: it belongs to no request now. */
    private boolean droppingBody;
    /** Requests passed on (stand-ins too) whose answer has not been written to its end. */
    private int unanswered;
    /** A body's framing broke: the connection ends once every request on it is answered. */
    private boolean broken;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpContent content && !(msg instanceof HttpRequest)
                && content.decoderResult().isFailure()) {
            malformedBody(ctx, content);
            return;
        }
        if (msg instanceof HttpRequest request) {
            unanswered++;
            request.headers().remove(REFUSAL_HEADER);
            EdgeRefusal refusal = request.decoderResult().isFailure()
                    ? EdgeRefusal.ofDecoding(request.decoderResult()) : EdgeRefusal.ofRequest(request);
            if (refusal == null) {
                ctx.fireChannelRead(msg);
                return;
            }
            droppingBody = !(msg instanceof LastHttpContent);
            FullHttpRequest standIn = standIn(request, refusal);
            ReferenceCountUtil.release(msg);
            ctx.fireChannelRead(standIn);
            return;
        }
        if (droppingBody && msg instanceof HttpContent content) {
            droppingBody = !(content instanceof LastHttpContent);
            ReferenceCountUtil.release(msg);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void malformedBody(ChannelHandlerContext ctx, HttpContent failed) {
        ReferenceCountUtil.release(failed);
        broken = true;
        if (!droppingBody && unanswered > 0) {
            // Reactor Netty hands this to the body's subscriber, and keeps the connection no longer.
            ctx.fireExceptionCaught(new MalformedBodyException());
        }
        droppingBody = false;
        if (unanswered == 0) {
            ctx.close();
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (Answers.isEndOfFinalAnswer(msg) && unanswered > 0 && --unanswered == 0 && broken) {
            ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.write(msg, promise);
    }

    private static FullHttpRequest standIn(HttpRequest refused, EdgeRefusal refusal) {
        if (refusal.endsConnection()) {
            // The request line and headers may be partial or absent: nothing of them is kept.
            FullHttpRequest standIn = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/",
                    Unpooled.EMPTY_BUFFER);
            standIn.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return mark(standIn, refusal);
        }
        FullHttpRequest standIn = new DefaultFullHttpRequest(refused.protocolVersion(), refused.method(), "/",
                Unpooled.EMPTY_BUFFER);
        // Keep-alive as the client asked, and its request id for the answer; nothing else is needed.
        for (CharSequence kept : new CharSequence[] {HttpHeaderNames.CONNECTION, RequestIds.HEADER}) {
            String value = refused.headers().get(kept);
            if (value != null) {
                standIn.headers().set(kept, value);
            }
        }
        return mark(standIn, refusal);
    }

    private static FullHttpRequest mark(FullHttpRequest standIn, EdgeRefusal refusal) {
        standIn.headers().set(REFUSAL_HEADER, refusal.name()).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        return standIn;
    }
}
