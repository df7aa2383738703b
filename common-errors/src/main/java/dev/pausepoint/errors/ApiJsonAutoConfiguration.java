package dev.pausepoint.errors;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/** Applies {@link ApiJsonRules} to the application's JSON mapper, servlet or reactive. */
@AutoConfiguration
@ConditionalOnClass(JsonMapper.class)
public class ApiJsonAutoConfiguration {

    @Bean
    ApiJsonRules apiJsonRules() {
        return new ApiJsonRules();
    }
}
