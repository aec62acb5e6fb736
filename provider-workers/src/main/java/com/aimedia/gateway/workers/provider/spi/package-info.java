/**
 * The provider adapter SPI: what every provider adapter implements, and the shared error
 * taxonomy.
 */
@NullMarked
package com.aimedia.gateway.workers.provider.spi;

import org.jspecify.annotations.NullMarked;
