/**
 * The model catalog (public model ids, their provider and input schema) and input
 * validation.
 */
@NullMarked
package com.aimedia.gateway.api.catalog;

import org.jspecify.annotations.NullMarked;
