package com.aimedia.gateway.callback.delivery;

import java.time.Instant;

/** What an attempt means for its delivery. */
sealed interface Outcome {

    /** A bounded metric tag: delivered | retrying | failed | gone | refused. */
    String tag();

    record Delivered() implements Outcome {
        @Override
        public String tag() {
            return "delivered";
        }
    }

    record Retry(Instant nextAttemptAt) implements Outcome {
        @Override
        public String tag() {
            return "retrying";
        }
    }

    /** The retry schedule is exhausted. */
    record Exhausted() implements Outcome {
        @Override
        public String tag() {
            return "failed";
        }
    }

    record Gone() implements Outcome {
        @Override
        public String tag() {
            return "gone";
        }
    }

    record Refused() implements Outcome {
        @Override
        public String tag() {
            return "refused";
        }
    }

}
