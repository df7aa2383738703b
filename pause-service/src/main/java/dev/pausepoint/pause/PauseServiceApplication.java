package dev.pausepoint.pause;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PauseServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PauseServiceApplication.class, args);
    }
}
