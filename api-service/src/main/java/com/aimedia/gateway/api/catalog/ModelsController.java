package com.aimedia.gateway.api.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

import com.aimedia.gateway.api.auth.RequiresScope;
import com.aimedia.gateway.api.auth.Scope;
import com.aimedia.gateway.api.auth.Tenant;
import com.aimedia.gateway.api.tenants.ModelAccess;
import com.aimedia.gateway.api.tenants.TenantRepository;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * {@code GET /v1/models}: every model the tenant may run (its model access; Replicate
 * owners are checked at submit) with its provider, kind and the JSON Schema of its input,
 * plus the provider model it runs and, where an id maps somewhere unexpected, why.
 */
@RestController
class ModelsController {

    private final ModelCatalog catalog;

    private final TenantRepository tenants;

    ModelsController(ModelCatalog catalog, TenantRepository tenants) {
        this.catalog = catalog;
        this.tenants = tenants;
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/v1/models")
    ModelList models(Tenant tenant) {
        ModelAccess access = tenants.settings(tenant.id()).modelAccess();
        return new ModelList(catalog.models()
            .stream()
            .filter(model -> access.allows(model.id(), model.provider(), null))
            .map(this::view)
            .toList());
    }

    /**
     * {@code GET /v1/models/{id}}: one model, including any
     * {@code replicate/<owner>/<name>} the tenant may run. A model the tenant may not run
     * is 404, as if it did not exist.
     */
    @RequiresScope(Scope.READ)
    @GetMapping("/v1/models/{*modelId}")
    ModelView model(Tenant tenant, @PathVariable String modelId) {
        String id = modelId.startsWith("/") ? modelId.substring(1) : modelId;
        ModelAccess access = tenants.settings(tenant.id()).modelAccess();
        CatalogModel model = catalog.find(id)
            .filter(found -> access.allows(found.id(), found.provider()))
            .orElseThrow(
                    () -> new ApiProblemException(ProblemCode.MODEL_NOT_FOUND, "No such model: see GET /v1/models."));
        return view(model);
    }

    private ModelView view(CatalogModel model) {
        return new ModelView(model.id(), model.provider(), model.kind().wireName(), model.providerModel(), model.note(),
                catalog.inputSchema(model));
    }

    record ModelList(List<ModelView> data) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ModelView(String id, String provider, String kind, @JsonProperty("provider_model") String providerModel,
            @Nullable String note, @JsonProperty("input_schema") JsonNode inputSchema) {
    }

}
