package dev.pausepoint.delivery.timeline;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
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
    @ApiOperation(id = "getDeliveryTimeline", tag = "Delivery timeline",
            summary = "Every notification send and webhook post of one pause", access = Access.CREDENTIAL,
            errors = ErrorCode.VALIDATION_ERROR)
    public DeliveryTimeline timeline(@RequestParam(name = "pause_id", required = false) String pauseId,
            CallerIdentity caller) {
        return timelines.of(caller, pauseId);
    }
}
