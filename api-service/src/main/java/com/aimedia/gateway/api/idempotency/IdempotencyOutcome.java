package com.aimedia.gateway.api.idempotency;

import com.aimedia.gateway.api.submission.Submission;

/** What an Idempotency-Key claim found. */
public sealed interface IdempotencyOutcome {

    /** The key was new: the submission given is now recorded under it. */
    record Claimed() implements IdempotencyOutcome {
    }

    /**
     * The key was used before with the same request: answer with (and republish) the
     * original submission.
     */
    record Replay(Submission original) implements IdempotencyOutcome {
    }

    /** The key was used before with a different request. */
    record Conflict() implements IdempotencyOutcome {
    }

}
