package dev.pausepoint.gateway.edge;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.gateway.routing.PercentEncoding;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.springframework.util.unit.DataSize;

/** Why the edge refused a request, and the rejection WebFlux renders for it. */
enum EdgeRefusal {

    /** Netty stopped reading a request line over {@code server.netty.max-initial-line-length}. */
    REQUEST_LINE_TOO_LONG(true),
    /** Netty stopped reading headers over {@code server.max-http-request-header-size}. */
    HEADERS_TOO_LARGE(true),
    /** Anything else Netty could not decode (a malformed header line), or a version other than 1.0 and 1.1. */
    NOT_HTTP(true),
    /** The path has a character or escape no URI parser accepts (or the target is not a path at all). */
    UNREADABLE_PATH(false),
    /** The same in the query. */
    UNREADABLE_QUERY(false);

    private final boolean endsConnection;

    EdgeRefusal(boolean endsConnection) {
        this.endsConnection = endsConnection;
    }

    /**
     * After a decoding failure Netty discards the rest of the connection's bytes, and a request that is
     * not HTTP/1.x says nothing reliable about what follows, so the connection ends with the answer. A
     * refused target leaves the connection readable once its body has been dropped.
     */
    boolean endsConnection() {
        return endsConnection;
    }

    static EdgeRefusal ofDecoding(DecoderResult result) {
        if (result.cause() instanceof TooLongHttpLineException) {
            return REQUEST_LINE_TOO_LONG;
        }
        if (result.cause() instanceof TooLongHttpHeaderException) {
            return HEADERS_TOO_LARGE;
        }
        return NOT_HTTP;
    }

    /** Null when Netty decoded {@code request} and its target is an origin-form URI every later reader parses. */
    static EdgeRefusal ofRequest(HttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0)) {
            return NOT_HTTP;
        }
        String uri = request.uri();
        if (!uri.startsWith("/")) {
            return UNREADABLE_PATH;
        }
        int query = uri.indexOf('?');
        if (!PercentEncoding.isWellFormedPath(query < 0 ? uri : uri.substring(0, query))) {
            return UNREADABLE_PATH;
        }
        if (query >= 0 && !PercentEncoding.isWellFormedQuery(uri.substring(query + 1))) {
            return UNREADABLE_QUERY;
        }
        return null;
    }

    ApiException rejection(String method, DataSize maxRequestLine, DataSize maxHeaders) {
        return switch (this) {
            case REQUEST_LINE_TOO_LONG -> new ApiException(ErrorCode.URI_TOO_LONG, "The request line is longer than "
                    + "the limit of " + kilobytes(maxRequestLine) + ".");
            case HEADERS_TOO_LARGE -> new ApiException(ErrorCode.REQUEST_HEADERS_TOO_LARGE, "The request headers "
                    + "are larger than the limit of " + kilobytes(maxHeaders) + ".");
            case NOT_HTTP -> new ValidationException("request", "is not a well-formed HTTP/1.1 request");
            case UNREADABLE_PATH -> new ApiException(ErrorCode.NOT_FOUND, "No endpoint " + method + " at this "
                    + "path: it has a character or percent-escape no URL may hold.");
            case UNREADABLE_QUERY -> new ValidationException("query",
                    "must be percent-encoded UTF-8 without control characters");
        };
    }

    private static String kilobytes(DataSize size) {
        return size.toBytes() % 1024 == 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
    }
}
