package com.aimedia.gateway.api.admin;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import com.aimedia.gateway.api.auth.ApiKeyView;
import com.aimedia.gateway.api.auth.IssuedKey;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.tenants.ModelAccess;
import com.aimedia.gateway.api.tenants.TenantLimits;
import com.aimedia.gateway.api.tenants.TenantRecord;

/**
 * The admin API's answers (snake_case; a null value means "the gateway's default" or "no
 * restriction").
 */
final class AdminViews {

    private AdminViews() {
    }

    record TenantList(List<TenantView> data) {
    }

    record TenantView(String id, String name, @JsonProperty("created_at") long createdAt, LimitsView limits,
            @JsonProperty("model_access") AccessView modelAccess) {

        static TenantView of(TenantRecord tenant) {
            TenantLimits limits = tenant.limits();
            ModelAccess access = tenant.modelAccess();
            return new TenantView(tenant.id(), tenant.name(), tenant.createdAt().getEpochSecond(),
                    new LimitsView(limits.requestsPerSecond(), limits.tasksInFlight(), limits.keyRequestsPerSecond(),
                            limits.keyTasksInFlight()),
                    new AccessView(access.providers(), access.models(), access.replicateOwners()));
        }
    }

    record LimitsView(@JsonProperty("requests_per_second") @Nullable Integer requestsPerSecond,
            @JsonProperty("tasks_in_flight") @Nullable Integer tasksInFlight,
            @JsonProperty("key_requests_per_second") @Nullable Integer keyRequestsPerSecond,
            @JsonProperty("key_tasks_in_flight") @Nullable Integer keyTasksInFlight) {
    }

    record AccessView(@Nullable List<String> providers, @Nullable List<String> models,
            @JsonProperty("replicate_owners") @Nullable List<String> replicateOwners) {
    }

    record KeyList(List<KeyView> data) {
    }

    /** A key as listed; {@code secret} is only present in the answer that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyView(@JsonProperty("key_id") String keyId, @JsonProperty("tenant_id") String tenantId, String name,
            List<String> scopes, String hint, @JsonProperty("created_at") long createdAt,
            @JsonProperty("revoked_at") @Nullable Long revokedAt,
            @JsonProperty("rotated_to") @Nullable String rotatedTo, @Nullable String secret) {

        static KeyView of(ApiKeyView key) {
            List<Scope> scopes = key.scopes().isEmpty() ? Arrays.asList(Scope.values()) : key.scopes();
            return new KeyView(key.keyId(), key.tenantId(), key.name(), scopes.stream().map(Scope::wireName).toList(),
                    key.hint(), key.createdAt().getEpochSecond(),
                    key.revokedAt() == null ? null : key.revokedAt().getEpochSecond(), key.rotatedTo(), null);
        }

        static KeyView issued(IssuedKey issued) {
            KeyView view = of(issued.key());
            return new KeyView(view.keyId, view.tenantId, view.name, view.scopes, view.hint, view.createdAt,
                    view.revokedAt, view.rotatedTo, issued.secret());
        }

        /** Never print the secret. */
        @Override
        public String toString() {
            return "KeyView[keyId=" + keyId + ", tenantId=" + tenantId + "]";
        }
    }

}
