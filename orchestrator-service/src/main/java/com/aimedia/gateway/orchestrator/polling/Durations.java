package com.aimedia.gateway.orchestrator.polling;

import java.time.Duration;

/** Words for durations in messages people read: "30 minutes", "1 hour", "90 seconds". */
final class Durations {

    private Durations() {
    }

    static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds >= 3600 && seconds % 3600 == 0) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds >= 60 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        if (seconds >= 1) {
            return plural(seconds, "second");
        }
        return plural(duration.toMillis(), "millisecond");
    }

    private static String plural(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

}
