package dev.pausepoint.gateway.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.util.unit.DataSize;

/** How a body being collected holds memory: copied, each received buffer released, and all of it counted. */
class BodyBufferTest {

    private static final String ADDRESS = "198.51.100.7";

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));
    private final List<NettyDataBuffer> received = new ArrayList<>();

    private NettyDataBuffer chunk(String text) {
        NettyDataBuffer chunk = (NettyDataBuffer) buffers.wrap(text.getBytes(StandardCharsets.US_ASCII));
        received.add(chunk);
        return chunk;
    }

    private static String text(BodyBuffer body) {
        var contents = body.contents();
        byte[] bytes = new byte[contents.remaining()];
        contents.get(bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private boolean allReleased() {
        return received.stream().allMatch(chunk -> chunk.getNativeBuffer().refCnt() == 0);
    }

    @Test
    void aBodySentAByteAtATimeHoldsItsDeclaredLengthAndNoReceivedBuffer() {
        BodyBudget budget = new BodyBudget(DataSize.ofKilobytes(64), DataSize.ofKilobytes(64));
        BodyBuffer body = new BodyBuffer(budget, ADDRESS, 1000);
        String sent = "x".repeat(1000);
        for (char c : sent.toCharArray()) {
            body.append(chunk(String.valueOf(c)));
        }
        assertThat(text(body)).isEqualTo(sent);
        assertThat(body.capacity()).as("never past the declared length").isEqualTo(1000);
        assertThat(budget.held()).isEqualTo(1000);
        assertThat(allReleased()).isTrue();
    }

    @Test
    void aChunkedBodyHoldsAtMostTwiceWhatArrived() {
        BodyBudget budget = new BodyBudget(DataSize.ofKilobytes(64), DataSize.ofKilobytes(64));
        BodyBuffer body = new BodyBuffer(budget, ADDRESS, -1);
        for (int i = 0; i < 300; i++) {
            body.append(chunk("0123456789"));
            assertThat(body.capacity()).isLessThanOrEqualTo(2 * body.size());
            assertThat(budget.held()).isEqualTo(body.capacity());
        }
        assertThat(body.size()).isEqualTo(3000);
    }

    @Test
    void aChunkPastTheBudgetIsRefusedReleasedAndTakesNothing() {
        BodyBudget budget = new BodyBudget(DataSize.ofBytes(100), DataSize.ofKilobytes(1));
        BodyBuffer first = new BodyBuffer(budget, ADDRESS, 60);
        first.append(chunk("a".repeat(60)));
        BodyBuffer second = new BodyBuffer(budget, ADDRESS, 60);
        second.append(chunk("b".repeat(30)));
        assertThat(budget.held()).isEqualTo(90);

        assertThatThrownBy(() -> second.append(chunk("c".repeat(20)))).isInstanceOf(BodyBuffersFullException.class)
                .hasMessageContaining("Retry after 1 s");
        assertThat(budget.held()).isEqualTo(90);
        assertThat(allReleased()).isTrue();
    }

    @Test
    void oneAddressHoldsAtMostItsShareAndAnotherStillGetsRoom() {
        BodyBudget budget = new BodyBudget(DataSize.ofBytes(200), DataSize.ofBytes(100));
        BodyBuffer first = new BodyBuffer(budget, ADDRESS, 80);
        first.append(chunk("a".repeat(80)));
        BodyBuffer second = new BodyBuffer(budget, ADDRESS, 80);

        assertThatThrownBy(() -> second.append(chunk("b".repeat(30)))).isInstanceOf(AddressBodiesFullException.class)
                .hasMessageContaining("retry after 1 s");
        assertThat(budget.heldBy(ADDRESS)).isEqualTo(80);
        BodyBuffer other = new BodyBuffer(budget, "198.51.100.9", 80);
        other.append(chunk("c".repeat(80)));
        assertThat(budget.held()).isEqualTo(160);

        first.close();
        second.append(chunk("b".repeat(30)));
        assertThat(budget.heldBy(ADDRESS)).as("room again once the first body ended").isEqualTo(30);
        second.close();
        other.close();
        assertThat(budget.held()).isZero();
        assertThat(budget.heldBy(ADDRESS)).isZero();
        assertThat(allReleased()).isTrue();
    }

    @Test
    void aBodyRefusedByTheInstanceCeilingTakesNothingFromItsAddress() {
        BodyBudget budget = new BodyBudget(DataSize.ofBytes(100), DataSize.ofKilobytes(1));
        new BodyBuffer(budget, "198.51.100.9", 90).append(chunk("a".repeat(90)));
        BodyBuffer refused = new BodyBuffer(budget, ADDRESS, 50);

        assertThatThrownBy(() -> refused.append(chunk("b".repeat(50)))).isInstanceOf(BodyBuffersFullException.class);
        assertThat(budget.heldBy(ADDRESS)).isZero();
        assertThat(budget.held()).isEqualTo(90);
    }

    @Test
    void closingGivesEverythingBackOnceAndLaterChunksAreDropped() {
        BodyBudget budget = new BodyBudget(DataSize.ofKilobytes(1), DataSize.ofKilobytes(1));
        BodyBuffer body = new BodyBuffer(budget, ADDRESS, 100);
        body.append(chunk("a".repeat(50)));
        body.close();
        body.close();
        body.append(chunk("b".repeat(50)));
        assertThat(budget.held()).isZero();
        assertThat(allReleased()).isTrue();
    }
}
