package dev.pausepoint.dashboard.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Where a form sends the browser after it did its work (303, so a reload does not post it again). */
public final class Redirect {

    private Redirect() {
    }

    public static ResponseEntity<String> to(String path) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(path)).build();
    }
}
