package com.aimedia.gateway.api.auth;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Supplies the {@link Tenant} parameter of a controller method by authenticating the request. */
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    private final ApiKeyAuthenticator authenticator;

    TenantArgumentResolver(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return authenticator.authenticate(webRequest.getHeader(HttpHeaders.AUTHORIZATION));
    }
}
