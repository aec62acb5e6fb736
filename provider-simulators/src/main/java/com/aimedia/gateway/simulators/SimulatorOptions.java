package com.aimedia.gateway.simulators;

import java.time.Duration;

/**
 * How every simulator of the embedded default behaves.
 *
 * @param queuedFor how long a simulated task stays queued
 * @param runningFor how long a simulated task runs before it finishes
 */
public record SimulatorOptions(Duration queuedFor, Duration runningFor) {
}
