package dev.pausepoint.gateway;

import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * One more gateway instance in this JVM, on the same Kafka and Redis and in front of the same stubbed
 * services as the test context, as a second instance behind a load balancer would run.
 */
public final class AnotherGateway {

    private AnotherGateway() {
    }

    public static ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    /** {@code overrides} replace or add settings, e.g. another Redis. */
    public static ConfigurableApplicationContext start(Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("management.server.port", "0");
        settings.put("pausepoint.internal-secret", TestSecrets.INTERNAL_SECRET);
        settings.put("pausepoint.gateway.trusted-proxies", "127.0.0.1/32,::1/128");
        settings.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        settings.put("spring.data.redis.host", TestInfrastructure.redis().host());
        settings.put("spring.data.redis.port", String.valueOf(TestInfrastructure.redis().port()));
        settings.putAll(GatewayIntegrationTest.downstreamProperties());
        settings.putAll(overrides);
        // Command-line arguments, because they outrank application.yml as a real deployment's settings would.
        List<String> arguments = new ArrayList<>();
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(GatewayApplication.class)
                // Two gateways in one JVM must not share Reactor Netty's global event loops: closing this one
                // would dispose them under the other (Boot's own test contexts turn them off the same way).
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessBeforeInitialization(Object bean, String name) {
                        if (bean instanceof ReactorResourceFactory factory) {
                            factory.setUseGlobalResources(false);
                        }
                        return bean;
                    }
                }))
                .run(arguments.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext gateway) {
        return Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
    }

    public static int managementPort(ConfigurableApplicationContext gateway) {
        return Integer.parseInt(gateway.getEnvironment().getProperty("local.management.port"));
    }
}
