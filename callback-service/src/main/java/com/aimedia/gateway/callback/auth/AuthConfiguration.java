package com.aimedia.gateway.callback.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.aimedia.gateway.auth.apikey.BearerAuthenticator;
import com.aimedia.gateway.callback.web.ProblemCode;
import com.mongodb.client.MongoDatabase;

/**
 * Supplies the {@link Tenant} parameter of a controller method by authenticating the
 * request.
 */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

    /**
     * Reads {@code api_keys}, which the api-service owns: this service never writes it.
     */
    private final BearerAuthenticator authenticator;

    AuthConfiguration(MongoDatabase mongoDatabase) {
        this.authenticator = new BearerAuthenticator(mongoDatabase, ProblemCode.UNAUTHORIZED);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Tenant.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
                    NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
                return new Tenant(authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION)));
            }
        });
    }

}
