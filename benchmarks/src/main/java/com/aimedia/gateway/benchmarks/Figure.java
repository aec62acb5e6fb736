package com.aimedia.gateway.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One measured figure next to its baseline from the same run.
 *
 * @param measurement the measurement number and name, e.g. "3 orchestrator
 * ingest"
 * @param metric what was measured, e.g. "tasks/s" or "p99 ms at 16 clients"
 * @param value the gateway's figure
 * @param baseline the bare baseline's figure for the same work
 * @param target what the gateway must reach
 */
record Figure(String measurement, String metric, double value, double baseline, Target target, String note) {

    /** The gateway as a multiple of its baseline. */
    double ratio() {
        return baseline == 0 ? Double.NaN : value / baseline;
    }

    /** Whether the target is met; null when the figure has none. */
    @Nullable Boolean met() {
        return switch (target) {
            case Target.None none -> null;
            case Target.RatioAtLeast atLeast -> ratio() >= atLeast.ratio();
            case Target.RatioAtMost atMost -> ratio() <= atMost.ratio();
            case Target.ValueAtMost atMost -> value <= atMost.value();
        };
    }

    /** What a figure must reach. */
    sealed interface Target {

        record None() implements Target {
        }

        record RatioAtLeast(double ratio) implements Target {
        }

        record RatioAtMost(double ratio) implements Target {
        }

        record ValueAtMost(double value) implements Target {
        }

        static String describe(Target target) {
            return switch (target) {
                case None none -> "";
                case RatioAtLeast atLeast -> ">= " + atLeast.ratio() + "x";
                case RatioAtMost atMost -> "<= " + atMost.ratio() + "x";
                case ValueAtMost atMost -> "<= " + atMost.value();
            };
        }

    }
}
