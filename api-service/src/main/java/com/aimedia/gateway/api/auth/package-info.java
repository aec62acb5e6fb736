/** API key authentication: a bearer key resolves to a tenant. */
@NullMarked
package com.aimedia.gateway.api.auth;

import org.jspecify.annotations.NullMarked;
