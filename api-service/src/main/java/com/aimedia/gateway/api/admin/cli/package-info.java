/**
 * {@code gateway-admin}: a small command line over the admin API, one source file with
 * only the JDK, so an operator runs it straight from a checkout:
 * {@code java api-service/src/main/java/com/aimedia/gateway/api/admin/cli/GatewayAdmin.java}.
 */
@NullMarked
package com.aimedia.gateway.api.admin.cli;

import org.jspecify.annotations.NullMarked;
