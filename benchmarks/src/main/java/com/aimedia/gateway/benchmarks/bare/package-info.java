/**
 * The bare baselines: the least a service must do for the same request, on the same
 * broker and database.
 */
@NullMarked
package com.aimedia.gateway.benchmarks.bare;

import org.jspecify.annotations.NullMarked;
