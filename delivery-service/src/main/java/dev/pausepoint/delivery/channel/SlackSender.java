package dev.pausepoint.delivery.channel;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.webhook.WebhookResponse;
import dev.pausepoint.delivery.channel.MessageRenderer;
import dev.pausepoint.delivery.outbound.UnsafeDestinationException;
import java.io.IOException;
import okhttp3.OkHttpClient;

/**
 * Slack through the Slack SDK's incoming-webhook call, over the guarded client: the recipient URL is
 * the developer's, so it gets the same SSRF protection as a webhook. Slack reports nothing later, so
 * a 200 is delivery.
 */
public class SlackSender implements ChannelSender {

    private final Slack slack;

    public SlackSender(OkHttpClient guardedClient) {
        SlackConfig config = new SlackConfig();
        config.setPrettyResponseLoggingEnabled(false);
        this.slack = Slack.getInstance(config, new SlackHttpClient(guardedClient));
    }

    @Override
    public String channel() {
        return "slack";
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        try {
            WebhookResponse response = slack.send(message.recipient(),
                    MessageRenderer.slackPayload(message.message(), message.options(), message.respondUrl(),
                            message.reminder()));
            String body = response.getBody() == null ? "" : response.getBody();
            return SendResult.ofStatus(response.getCode(), null, true,
                    "Slack answered " + response.getCode() + (body.isBlank() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
        } catch (UnsafeDestinationException e) {
            return SendResult.fail(null, "refused: the Slack URL " + e.getMessage());
        } catch (IOException e) {
            return SendResult.retry(null, "Slack unreachable: " + e.getMessage());
        }
    }
}
