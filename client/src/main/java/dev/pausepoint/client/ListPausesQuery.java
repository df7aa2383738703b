package dev.pausepoint.client;

/**
 * The filters of {@code GET /v1/pause}; null leaves a parameter out (the server's default applies:
 * every status and channel, limit 20, offset 0).
 */
public record ListPausesQuery(PauseStatus status, Channel channel, Integer limit, Integer offset) {

    /** Every pause, first page. */
    public static ListPausesQuery all() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    QueryString toQueryString() {
        return new QueryString().add("status", status == null ? null : status.wireName())
                .add("channel", channel == null ? null : channel.wireName()).add("limit", limit).add("offset", offset);
    }

    /** Builds a {@link ListPausesQuery}. */
    public static final class Builder {
        private PauseStatus status;
        private Channel channel;
        private Integer limit;
        private Integer offset;

        private Builder() {
        }

        public Builder status(PauseStatus status) {
            this.status = status;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** 1–100. */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        public ListPausesQuery build() {
            return new ListPausesQuery(status, channel, limit, offset);
        }
    }
}
