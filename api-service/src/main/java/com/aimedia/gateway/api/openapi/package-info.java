/**
 * The OpenAPI 3.1 document of the API, generated from the controllers by springdoc
 * ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), completed here with
 * what the controllers cannot say: the API key scheme, request bodies read by hand, and
 * the problem answer with an example of every error code.
 */
@NullMarked
package com.aimedia.gateway.api.openapi;

import org.jspecify.annotations.NullMarked;
