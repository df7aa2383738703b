package dev.pausepoint.testsupport.spring;

import dev.pausepoint.testsupport.PostgresAccess;
import dev.pausepoint.testsupport.RedisAccess;
import dev.pausepoint.testsupport.TestInfrastructure;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Starts (once per JVM) only the servers the application can talk to, judged by the clients on its
 * classpath, and puts their addresses ahead of every other property source.
 */
public class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        ClassLoader classLoader = context.getClassLoader();
        Map<String, Object> properties = new HashMap<>();
        if (ClassUtils.isPresent("org.postgresql.Driver", classLoader)
                && ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", classLoader)) {
            String database = environment.getProperty("pausepoint.test.database",
                    environment.getProperty("spring.application.name", "pausepoint").replace('-', '_'));
            PostgresAccess postgres = TestInfrastructure.postgres();
            postgres.createDatabaseIfMissing(database);
            properties.put("spring.datasource.url", postgres.jdbcUrl(database));
            properties.put("spring.datasource.username", postgres.username());
            properties.put("spring.datasource.password", postgres.password());
        }
        if (ClassUtils.isPresent("org.apache.kafka.clients.producer.KafkaProducer", classLoader)) {
            properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        }
        if (ClassUtils.isPresent("io.lettuce.core.RedisClient", classLoader)) {
            RedisAccess redis = TestInfrastructure.redis();
            properties.put("spring.data.redis.host", redis.host());
            properties.put("spring.data.redis.port", redis.port());
            if (redis.password() != null) {
                properties.put("spring.data.redis.password", redis.password());
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource("pausepoint-real-infrastructure", properties));
    }
}
