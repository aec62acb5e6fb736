package com.aimedia.gateway.api.auth;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/** Resolves {@code Authorization: Bearer <key>} to a tenant, or refuses with 401. Never logs a key. */
@Component
class ApiKeyAuthenticator {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer +([\\x21-\\x7e]{1,512})");

    private final ApiKeyRepository repository;

    ApiKeyAuthenticator(ApiKeyRepository repository) {
        this.repository = repository;
    }

    Tenant authenticate(@Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Missing API key: send Authorization: Bearer <api key>.");
        }
        var matcher = BEARER.matcher(authorization.strip());
        if (!matcher.matches()) {
            throw unauthorized("Malformed Authorization header: expected Bearer <api key>.");
        }
        return repository.findTenantId(matcher.group(1))
            .map(Tenant::new)
            .orElseThrow(() -> unauthorized("Invalid API key."));
    }

    private static ApiProblemException unauthorized(String detail) {
        return new ApiProblemException(ProblemCode.UNAUTHORIZED, detail);
    }
}
