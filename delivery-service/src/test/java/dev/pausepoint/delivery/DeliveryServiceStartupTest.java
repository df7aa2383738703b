package dev.pausepoint.delivery;

import dev.pausepoint.kit.ServiceStartupContract;
import dev.pausepoint.kit.mail.EnableMail;
import java.lang.annotation.Annotation;
import java.util.Set;

class DeliveryServiceStartupTest extends ServiceStartupContract {

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "processed_event", "notification", "notification_attempt", "webhook_endpoint",
                "webhook_delivery", "webhook_attempt");
    }

    @Override
    protected Set<Class<? extends Annotation>> enabledPieces() {
        return Set.of(EnableMail.class);
    }
}
