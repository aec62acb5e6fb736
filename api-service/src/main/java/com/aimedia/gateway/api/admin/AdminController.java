package com.aimedia.gateway.api.admin;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.aimedia.gateway.api.admin.AdminRequests.KeyRequest;
import com.aimedia.gateway.api.admin.AdminRequests.TenantChange;
import com.aimedia.gateway.api.admin.AdminViews.KeyList;
import com.aimedia.gateway.api.admin.AdminViews.KeyView;
import com.aimedia.gateway.api.admin.AdminViews.TenantList;
import com.aimedia.gateway.api.admin.AdminViews.TenantView;
import com.aimedia.gateway.api.auth.ApiKeyRepository;
import com.aimedia.gateway.api.auth.IssuedKey;
import com.aimedia.gateway.api.task.SubmitRequestReader;
import com.aimedia.gateway.api.tenants.ModelAccess;
import com.aimedia.gateway.api.tenants.TenantLimits;
import com.aimedia.gateway.api.tenants.TenantRecord;
import com.aimedia.gateway.api.tenants.TenantRepository;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Tenants and their API keys, for operators. Every route is behind
 * {@link AdminTokenInterceptor}. A key's secret is in the answer that creates it (create,
 * rotate) and nowhere else.
 */
@RestController
class AdminController {

    static final String BASE = "/admin/v1";

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final TenantRepository tenants;

    private final ApiKeyRepository keys;

    private final SubmitRequestReader reader;

    private final Clock clock;

    AdminController(TenantRepository tenants, ApiKeyRepository keys, SubmitRequestReader reader, Clock clock) {
        this.tenants = tenants;
        this.keys = keys;
        this.reader = reader;
        this.clock = clock;
    }

    @PostMapping(BASE + "/tenants")
    ResponseEntity<TenantView> createTenant(HttpServletRequest request) {
        TenantChange change = AdminRequests.tenant(reader.read(request), true);
        String id = java.util.Objects.requireNonNull(change.id());
        TenantRecord tenant = new TenantRecord(id, change.name() == null ? id : change.name(), clock.instant(),
                change.limits() == null ? TenantLimits.DEFAULTS : change.limits(),
                change.modelAccess() == null ? ModelAccess.UNRESTRICTED : change.modelAccess());
        TenantRecord created = tenants.create(tenant)
            .orElseThrow(() -> ApiProblemException.field(ProblemCode.TENANT_EXISTS, "id",
                    "is taken: a tenant with this id exists"));
        log.info("tenant created tenantId={}", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(TenantView.of(created));
    }

    @GetMapping(BASE + "/tenants")
    TenantList tenants() {
        return new TenantList(tenants.list().stream().map(TenantView::of).toList());
    }

    @GetMapping(BASE + "/tenants/{tenantId}")
    TenantView tenant(@PathVariable String tenantId) {
        return TenantView.of(existing(tenantId));
    }

    /**
     * Replaces the given parts: a {@code limits} or {@code model_access} object replaces
     * the whole current one.
     */
    @PatchMapping(BASE + "/tenants/{tenantId}")
    TenantView updateTenant(@PathVariable String tenantId, HttpServletRequest request) {
        TenantRecord current = existing(tenantId);
        TenantChange change = AdminRequests.tenant(reader.read(request), false);
        TenantRecord updated = tenants
            .update(tenantId, change.name(), change.limits() == null ? current.limits() : change.limits(),
                    change.modelAccess() == null ? current.modelAccess() : change.modelAccess())
            .orElseThrow(() -> tenantNotFound());
        log.info("tenant updated tenantId={}", tenantId);
        return TenantView.of(updated);
    }

    @PostMapping(BASE + "/tenants/{tenantId}/keys")
    ResponseEntity<KeyView> createKey(@PathVariable String tenantId, HttpServletRequest request) {
        existing(tenantId);
        KeyRequest key = AdminRequests.key(reader.read(request), true);
        IssuedKey issued = keys.create(tenantId, key.name() == null ? "unnamed key" : key.name(), key.scopes(),
                clock.instant());
        log.info("api key created tenantId={} keyId={}", tenantId, issued.key().keyId());
        return ResponseEntity.status(HttpStatus.CREATED).body(KeyView.issued(issued));
    }

    @GetMapping(BASE + "/tenants/{tenantId}/keys")
    KeyList keys(@PathVariable String tenantId) {
        existing(tenantId);
        return new KeyList(keys.list(tenantId).stream().map(KeyView::of).toList());
    }

    @PatchMapping(BASE + "/tenants/{tenantId}/keys/{keyId}")
    KeyView renameKey(@PathVariable String tenantId, @PathVariable String keyId, HttpServletRequest request) {
        KeyRequest key = AdminRequests.key(reader.read(request), false);
        return KeyView.of(keys.rename(tenantId, keyId, java.util.Objects.requireNonNull(key.name()))
            .orElseThrow(AdminController::keyNotFound));
    }

    @PostMapping(BASE + "/tenants/{tenantId}/keys/{keyId}/revoke")
    KeyView revokeKey(@PathVariable String tenantId, @PathVariable String keyId) {
        KeyView revoked = KeyView
            .of(keys.revoke(tenantId, keyId, clock.instant()).orElseThrow(AdminController::keyNotFound));
        log.info("api key revoked tenantId={} keyId={}", tenantId, keyId);
        return revoked;
    }

    /** Revokes the key at once and issues its successor with the same name and scopes. */
    @PostMapping(BASE + "/tenants/{tenantId}/keys/{keyId}/rotate")
    ResponseEntity<KeyView> rotateKey(@PathVariable String tenantId, @PathVariable String keyId) {
        IssuedKey successor = keys.rotate(tenantId, keyId, clock.instant()).orElseThrow(() -> {
            keys.find(tenantId, keyId).orElseThrow(AdminController::keyNotFound);
            return new ApiProblemException(ProblemCode.KEY_REVOKED,
                    "This key is revoked; rotate its successor or create a key.");
        });
        log.info("api key rotated tenantId={} keyId={} successor={}", tenantId, keyId, successor.key().keyId());
        return ResponseEntity.status(HttpStatus.CREATED).body(KeyView.issued(successor));
    }

    private TenantRecord existing(String tenantId) {
        return tenants.find(tenantId).orElseThrow(AdminController::tenantNotFound);
    }

    private static ApiProblemException tenantNotFound() {
        return new ApiProblemException(ProblemCode.TENANT_NOT_FOUND, "No such tenant.");
    }

    private static ApiProblemException keyNotFound() {
        return new ApiProblemException(ProblemCode.KEY_NOT_FOUND, "No such key for this tenant.");
    }

}
