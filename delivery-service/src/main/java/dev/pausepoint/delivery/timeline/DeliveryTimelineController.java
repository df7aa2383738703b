package dev.pausepoint.delivery.timeline;

import dev.pausepoint.identity.CallerIdentity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class DeliveryTimelineController {

    private final DeliveryTimelineService timelines;

    public DeliveryTimelineController(DeliveryTimelineService timelines) {
        this.timelines = timelines;
    }

    /**
     * Everything delivery-service did for one pause of the caller's world, oldest first. {@code pause_id} is
     * checked by the service, after the caller, so a call without a credential is a 401 whatever its query.
     */
    @GetMapping("/v1/deliveries")
    public DeliveryTimeline timeline(@RequestParam(name = "pause_id", required = false) String pauseId,
            CallerIdentity caller) {
        return timelines.of(caller, pauseId);
    }
}
