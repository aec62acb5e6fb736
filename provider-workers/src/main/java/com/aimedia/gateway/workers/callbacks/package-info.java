/**
 * Provider callbacks: received on a signed gateway URL, they only trigger an immediate
 * poll (the poll is the truth).
 */
@NullMarked
package com.aimedia.gateway.workers.callbacks;

import org.jspecify.annotations.NullMarked;
