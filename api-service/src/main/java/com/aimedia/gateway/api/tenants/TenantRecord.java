package com.aimedia.gateway.api.tenants;

import java.time.Instant;

/**
 * A tenant as the admin API shows it.
 *
 * @param id the tenant id: lowercase letters, digits, {@code -} and {@code _}
 */
public record TenantRecord(String id, String name, Instant createdAt, TenantLimits limits, ModelAccess modelAccess) {

    /**
     * What an unregistered tenant (e.g. the development tenant before it was registered)
     * is held to.
     */
    public static TenantRecord unregistered(String id) {
        return new TenantRecord(id, id, Instant.EPOCH, TenantLimits.DEFAULTS, ModelAccess.UNRESTRICTED);
    }
}
