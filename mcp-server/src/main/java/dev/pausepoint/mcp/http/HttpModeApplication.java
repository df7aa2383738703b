package dev.pausepoint.mcp.http;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The HTTP mode's Spring Boot application; the stdio mode starts no Spring context at all. */
@SpringBootApplication
public class HttpModeApplication {

    public static void start(String[] args) {
        SpringApplication.run(HttpModeApplication.class, args);
    }
}
