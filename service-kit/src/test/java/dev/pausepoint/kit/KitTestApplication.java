package dev.pausepoint.kit;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but the kit, to hold the kit itself to the startup contract. */
@SpringBootApplication
public class KitTestApplication {
}
