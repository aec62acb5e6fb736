package com.aimedia.gateway.api.auth;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import com.aimedia.gateway.auth.apikey.BearerAuthenticator;

/** Supplies the {@link Tenant} parameter of a controller method by authenticating the request. */
class TenantArgumentResolver implements HandlerMethodArgumentResolver {

    private final BearerAuthenticator authenticator;

    TenantArgumentResolver(BearerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Tenant.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return new Tenant(authenticator.authenticate(webRequest.getHeader(HttpHeaders.AUTHORIZATION)));
    }
}
