/**
 * The benchmark harness: each measurement runs the gateway and a bare baseline doing the
 * least the same job needs, on the same machine in the same run, and reports the gateway
 * as a ratio of the baseline.
 */
@NullMarked
package com.aimedia.gateway.benchmarks;

import org.jspecify.annotations.NullMarked;
