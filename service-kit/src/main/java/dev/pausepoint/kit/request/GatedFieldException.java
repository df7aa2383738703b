package dev.pausepoint.kit.request;

import dev.pausepoint.errors.ApiException;

/** A field judged before the rest of its body failed: the answer is its gate's code and message. */
final class GatedFieldException extends ApiException {

    GatedFieldException(Gate gate) {
        super(gate.code(), gate.message());
    }
}
