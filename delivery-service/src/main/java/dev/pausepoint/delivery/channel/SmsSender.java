package dev.pausepoint.delivery.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;

/**
 * SMS through the Twilio SDK, asking Twilio to report delivery to our status-callback endpoint. A number
 * outside the allowed country calling codes fails at once, without calling Twilio.
 */
public class SmsSender implements ChannelSender {

    private final TwilioRestClient client;
    private final String from;
    private final URI statusCallback;
    private final SmsPolicy policy;

    public SmsSender(String accountSid, String authToken, String from, String baseUrl, String publicBaseUrl,
            SmsPolicy policy) {
        boolean configured = !accountSid.isBlank() && !authToken.isBlank() && !from.isBlank();
        this.client = configured ? new TwilioRestClient.Builder(accountSid, authToken)
                .httpClient(baseUrl.isBlank() ? TwilioTransport.direct() : TwilioTransport.via(URI.create(baseUrl)))
                .build() : null;
        this.from = from;
        this.statusCallback = URI.create(publicBaseUrl.replaceAll("/+$", "") + "/v1/providers/twilio/status");
        this.policy = policy;
    }

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (!policy.countries().allows(message.recipient())) {
            return SendResult.fail(null, "refused, not sent: " + policy.countries().refusal(message.recipient()));
        }
        if (client == null) {
            return SendResult.fail(null, "SMS is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER)");
        }
        try {
            Message sent = Message.creator(new PhoneNumber(message.recipient()), new PhoneNumber(from),
                            policy.render(message.message(), message.respondUrl(), message.reminder()))
                    .setStatusCallback(statusCallback)
                    .create(client);
            return SendResult.accepted(sent.getSid(), false, 201);
        } catch (ApiException e) {
            if (e.getStatusCode() == null) {
                // The SDK could not read Twilio's error (not its JSON): a server-side fault, worth another try.
                return SendResult.retry(null, "Twilio answered unreadably: " + e.getMessage());
            }
            int status = e.getStatusCode();
            return SendResult.ofStatus(status, null, false, "Twilio answered " + status + ": " + e.getMessage());
        } catch (ApiConnectionException e) {
            return SendResult.retry(null, e.getMessage());
        } catch (RuntimeException e) {
            return SendResult.retry(null, "Twilio call failed: " + e.getMessage());
        }
    }
}
