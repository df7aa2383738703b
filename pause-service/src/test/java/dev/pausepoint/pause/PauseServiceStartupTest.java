package dev.pausepoint.pause;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.ServiceStartupContract;
import dev.pausepoint.kit.plan.EnablePlans;
import dev.pausepoint.kit.token.EnableResponseTokens;
import dev.pausepoint.pause.audit.AuditRepository;
import dev.pausepoint.pause.delivery.DeliveryStatusRepository;
import dev.pausepoint.pause.idempotency.IdempotencyKeyRepository;
import dev.pausepoint.pause.lifecycle.PauseRepository;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class PauseServiceStartupTest extends ServiceStartupContract {

    @Autowired
    ApplicationContext context;

    @Override
    protected Set<String> ownTables() {
        return Set.of("outbox_event", "processed_event");
    }

    @Override
    protected Set<Class<? extends Annotation>> enabledPieces() {
        return Set.of(EnablePlans.class, EnableResponseTokens.class);
    }

    /**
     * The repositories are called directly, not through a proxy per call: exception translation is off
     * because JdbcClient already turns every SQLException into Spring's DataAccessException hierarchy.
     */
    @Test
    void repositoriesAreCalledWithoutAProxy() {
        for (Class<?> repository : Set.of(PauseRepository.class, AuditRepository.class, IdempotencyKeyRepository.class,
                DeliveryStatusRepository.class)) {
            assertThat(AopUtils.isAopProxy(context.getBean(repository))).as(repository.getSimpleName()).isFalse();
        }
    }
}
