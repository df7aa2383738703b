package dev.pausepoint.kit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A service with nothing but the kit, to hold the kit itself to the startup contract. It scans no
 * components: living in the kit's own package, a scan would pick up the opt-in pieces' configurations,
 * which a real service only gets through their {@code @Enable...} annotations.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(KitProbeController.class)
public class KitTestApplication {
}
