package dev.pausepoint.dashboard.api;

import dev.pausepoint.dashboard.DashboardProperties;
import dev.pausepoint.identity.RequestSigner;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** HTTP/1.1 to the gateway, with the connect timeout of a whole call: a page waits no longer than that. */
    @Bean
    ApiClient apiClient(DashboardProperties properties, RequestSigner signer, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.apiTimeout()).build();
        return new ApiClient(properties.apiUrl(), signer, json, http, properties.apiTimeout());
    }
}
