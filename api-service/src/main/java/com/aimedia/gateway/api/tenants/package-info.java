/**
 * Tenants ({@code tenants}): the settings an operator gives each tenant through the admin
 * API, its limits and the models it may run. A tenant without a document (the development
 * tenant, tenants from before) gets the defaults.
 */
@NullMarked
package com.aimedia.gateway.api.tenants;

import org.jspecify.annotations.NullMarked;
