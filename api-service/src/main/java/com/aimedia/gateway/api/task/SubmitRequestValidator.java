package com.aimedia.gateway.api.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.aimedia.gateway.api.catalog.CatalogModel;
import com.aimedia.gateway.api.catalog.InputValidator;
import com.aimedia.gateway.api.catalog.ModelCatalog;
import com.aimedia.gateway.api.catalog.ProviderAvailability;
import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.urlguard.CallbackUrlGuard;
import com.aimedia.gateway.urlguard.CheckedUrl;
import com.aimedia.gateway.urlguard.RejectedUrlException;
import com.aimedia.gateway.web.problems.ApiProblemException;
import com.aimedia.gateway.web.problems.FieldProblem;

/**
 * Checks a submit body in a fixed order, each step with its own code: unknown top-level
 * fields, model, input (its JSON Schema), callback_url (SSRF guard), metadata,
 * webhook_events.
 */
@Component
class SubmitRequestValidator {

    static final String MODEL = "model";
    static final String INPUT = "input";
    static final String CALLBACK_URL = "callback_url";
    static final String METADATA = "metadata";
    static final String WEBHOOK_EVENTS = "webhook_events";

    private static final Set<String> FIELDS = Set.of(MODEL, INPUT, CALLBACK_URL, METADATA, WEBHOOK_EVENTS);

    private static final int MAX_ECHOED_NAME = 100;

    private final ModelCatalog catalog;

    private final ProviderAvailability availability;

    private final InputValidator inputValidator;

    private final CallbackUrlGuard callbackUrlGuard;

    SubmitRequestValidator(ModelCatalog catalog, InputValidator inputValidator, CallbackUrlGuard callbackUrlGuard,
            ProviderAvailability availability) {
        this.catalog = catalog;
        this.availability = availability;
        this.inputValidator = inputValidator;
        this.callbackUrlGuard = callbackUrlGuard;
    }

    /**
     * The catalog model the body names, or a 400 (checked first, so rejections can be
     * counted per model).
     */
    CatalogModel model(ObjectNode body) {
        rejectUnknownFields(body);
        JsonNode model = body.get(MODEL);
        if (model == null || model.isNull()) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, MODEL, "is required");
        }
        if (!model.isString()) {
            throw ApiProblemException.field(ProblemCode.INVALID_REQUEST, MODEL, "must be a string");
        }
        CatalogModel found = catalog.find(model.asString())
            .orElseThrow(() -> ApiProblemException.field(ProblemCode.UNKNOWN_MODEL, MODEL,
                    "is not a known model; GET /v1/models lists the available models"));
        if (availability.isReportedUnconfigured(found.provider())) {
            throw ApiProblemException.field(ProblemCode.PROVIDER_UNAVAILABLE, MODEL, "runs on provider "
                    + found.provider() + ", which is not configured on this gateway (no credentials)");
        }
        return found;
    }

    SubmitRequest validate(CatalogModel model, ObjectNode body) {
        JsonNode input = body.get(INPUT);
        if (input == null || input.isNull()) {
            throw ApiProblemException.field(ProblemCode.INVALID_INPUT, INPUT, "is required");
        }
        List<FieldProblem> problems = inputValidator.validate(model, input);
        if (!problems.isEmpty()) {
            throw new ApiProblemException(ProblemCode.INVALID_INPUT, "input is not valid for model " + model.id() + ".",
                    problems, Map.of());
        }
        CheckedUrl callbackUrl = callbackUrl(body.get(CALLBACK_URL));
        return new SubmitRequest(model, (ObjectNode) input, callbackUrl, TaskMetadata.validate(body.get(METADATA)),
                WebhookEvents.validate(body.get(WEBHOOK_EVENTS), callbackUrl != null));
    }

    private @Nullable CheckedUrl callbackUrl(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiProblemException.field(ProblemCode.INVALID_CALLBACK_URL, CALLBACK_URL, "must be a string");
        }
        try {
            return callbackUrlGuard.check(value.asString());
        }
        catch (RejectedUrlException e) {
            throw new ApiProblemException(ProblemCode.INVALID_CALLBACK_URL, e.reason(),
                    List.of(new FieldProblem(CALLBACK_URL, e.reason())), Map.of());
        }
    }

    private static void rejectUnknownFields(ObjectNode body) {
        List<FieldProblem> unknown = new ArrayList<>();
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                unknown.add(new FieldProblem(echo(name), "is not a known field" + suggestion(name)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblemException(ProblemCode.UNKNOWN_FIELD,
                    "The request has unknown fields; only model, input, callback_url, metadata and webhook_events are "
                            + "accepted.",
                    unknown, Map.of());
        }
    }

    private static String suggestion(String name) {
        String normalized = normalize(name);
        return FIELDS.stream()
            .filter(field -> normalize(field).equals(normalized))
            .findFirst()
            .map(field -> "; did you mean " + field + "?")
            .orElse("");
    }

    private static String normalize(String name) {
        return name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static String echo(String name) {
        return name.length() <= MAX_ECHOED_NAME ? name : name.substring(0, MAX_ECHOED_NAME) + "...";
    }

}
