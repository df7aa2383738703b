package dev.pausepoint.gateway.longpoll;

import reactor.core.publisher.Mono;

/** Where each developer's concurrent long-polls are counted: one slot per wait in flight. */
interface WaitSlots {

    /**
     * Takes a slot under {@code key} for {@code member}, lapsing at {@code lapsesAt} (ms) if never given
     * back, unless {@code cap} unlapsed slots are held already.
     */
    Mono<Claim> claim(String key, String member, long nowMillis, long lapsesAt, int cap);

    /** Gives a slot back. A slot that is never given back lapses on its own. */
    Mono<Void> release(String key, String member);

    /**
     * @param granted whether the slot was taken
     * @param earliestLapse when the oldest slot held before this claim lapses (ms), or -1 if none
     * @param store where the slot lives, and so where to give it back
     */
    record Claim(boolean granted, long earliestLapse, WaitSlots store) {
    }
}
