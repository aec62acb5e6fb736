/**
 * Provider adapters: one subpackage per provider behind the SPI; providers never import
 * each other.
 */
@NullMarked
package com.aimedia.gateway.workers.provider;

import org.jspecify.annotations.NullMarked;
