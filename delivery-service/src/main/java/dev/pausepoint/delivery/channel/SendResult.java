package dev.pausepoint.delivery.channel;

/**
 * What a provider did with one attempt. ACCEPTED carries the provider's id and whether acceptance is
 * already delivery (Slack has no later status); RETRY is a server error, 429 or transport failure;
 * FAIL is final (a 4xx such as an invalid number, an unsafe destination, no configuration).
 */
public record SendResult(Outcome outcome, String providerMessageId, boolean delivered, Integer statusCode, String error) {

    public enum Outcome { ACCEPTED, RETRY, FAIL }

    public static SendResult accepted(String messageId, boolean delivered, int status) {
        return new SendResult(Outcome.ACCEPTED, messageId, delivered, status, null);
    }

    public static SendResult retry(Integer status, String error) {
        return new SendResult(Outcome.RETRY, null, false, status, error);
    }

    public static SendResult fail(Integer status, String error) {
        return new SendResult(Outcome.FAIL, null, false, status, error);
    }

    /** The usual reading of an HTTP status from a provider. */
    public static SendResult ofStatus(int status, String messageId, boolean deliveredOnSuccess, String error) {
        if (status >= 200 && status < 300) {
            return accepted(messageId, deliveredOnSuccess, status);
        }
        return status == 429 || status >= 500 ? retry(status, error) : fail(status, error);
    }
}
