/**
 * Which providers this gateway can run (credentials configured), published for the API.
 */
@NullMarked
package com.aimedia.gateway.workers.availability;

import org.jspecify.annotations.NullMarked;
