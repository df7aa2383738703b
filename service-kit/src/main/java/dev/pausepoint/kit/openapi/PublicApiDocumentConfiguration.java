package dev.pausepoint.kit.openapi;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.YamlPropertySourceFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * springdoc set up for the public document (docs/openapi.md): OpenAPI 3.1, on the management port only,
 * the public paths only ({@code /internal/**} never), and the shared pieces.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "classpath:openapi.yml", factory = YamlPropertySourceFactory.class)
class PublicApiDocumentConfiguration {

    static {
        // Who calls is the gateway's signed header, not a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CallerIdentity.class);
    }

    @Bean
    SchemaReferences openApiSchemaReferences() {
        return new SchemaReferences();
    }

    @Bean
    RecordSchemas openApiRecordSchemas() {
        return new RecordSchemas();
    }

    @Bean
    OperationCustomizer openApiPublicOperations(SchemaReferences references) {
        return new PublicOperations(references);
    }

    @Bean
    OpenApiCustomizer openApiSharedComponents(SchemaReferences references) {
        return new SharedComponents(references);
    }
}
