package com.aimedia.gateway.api.auth;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.auth.apikey.ApiKeyIdentity;
import com.aimedia.gateway.auth.apikey.BearerAuthenticator;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Supplies the {@link Tenant} parameter of a controller method by authenticating the
 * request, checking the method's {@link RequiresScope} and then the caller's request
 * rate.
 */
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    private final BearerAuthenticator authenticator;

    private final RequestGate gate;

    TenantArgumentResolver(BearerAuthenticator authenticator, RequestGate gate) {
        this.authenticator = authenticator;
        this.gate = gate;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
        RequiresScope required = parameter.getMethodAnnotation(RequiresScope.class);
        if (required == null) {
            throw new IllegalStateException("handler " + parameter.getExecutable() + " declares no @RequiresScope");
        }
        ApiKeyIdentity identity = authenticator.identify(webRequest.getHeader(HttpHeaders.AUTHORIZATION));
        if (!identity.allows(required.value().wireName())) {
            throw new ApiProblemException(ProblemCode.INSUFFICIENT_SCOPE,
                    "This API key lacks the scope " + required.value().wireName() + " this endpoint needs.");
        }
        Tenant tenant = new Tenant(identity.tenantId(), identity.keyId());
        gate.admit(tenant, webRequest);
        return tenant;
    }

}
