package dev.pausepoint.gateway.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each pause is cut out of pause-service's answer as its bytes came, never parsed and written again. */
class WokenPausesClientTest {

    private static final String FIRST = "{\"pause_id\":\"psr_1\",\"message\":\"D\u00e9ploy \\\"x\\\" \\u00e9 ✓ }]\","
            + "\"metadata\":{\"n\":1.50,\"list\":[1e3,null,{}]}}";
    private static final String SECOND = "{\"pause_id\" : \"psr_2\" }";

    @Test
    void eachPauseIsItsOwnBytesAndANullIsAPauseNotGiven() {
        byte[] answer = ("{\"pauses\":[" + FIRST + ",null, " + SECOND + "]}").getBytes(StandardCharsets.UTF_8);

        List<byte[]> bodies = WokenPausesClient.bodies(answer, 3);

        assertThat(new String(bodies.get(0), StandardCharsets.UTF_8)).isEqualTo(FIRST);
        assertThat(bodies.get(1)).isNull();
        assertThat(new String(bodies.get(2), StandardCharsets.UTF_8)).isEqualTo(SECOND);
    }

    @Test
    void anAnswerOfAnotherLengthOrShapeIsRefusedWhole() {
        byte[] two = ("{\"pauses\":[" + SECOND + ",null]}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WokenPausesClient.bodies(two, 3)).isInstanceOf(IllegalStateException.class);
        for (String shape : List.of("{\"other\":[]}", "{\"pauses\":[\"psr_1\"]}", "[]")) {
            assertThatThrownBy(() -> WokenPausesClient.bodies(shape.getBytes(StandardCharsets.UTF_8), 1))
                    .as(shape).isInstanceOf(IllegalStateException.class);
        }
    }
}
