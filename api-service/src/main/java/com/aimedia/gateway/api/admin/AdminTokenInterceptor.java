package com.aimedia.gateway.api.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

import com.aimedia.gateway.api.web.ProblemCode;
import com.aimedia.gateway.web.problems.ApiProblemException;

/**
 * Guards every {@code /admin/} route, before its handler reads anything: the request must
 * carry {@code Authorization: Bearer <admin token>}. Compared as SHA-256 digests in
 * constant time, so neither the length nor a prefix of the token leaks through timing.
 * Tenant API keys never pass here.
 */
class AdminTokenInterceptor implements HandlerInterceptor {

    private static final String PREFIX = "Bearer ";

    private final byte @Nullable [] tokenDigest;

    AdminTokenInterceptor(AdminProperties properties) {
        String token = properties.token();
        this.tokenDigest = token == null || token.isBlank() ? null : sha256(token);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (tokenDigest == null) {
            throw new ApiProblemException(ProblemCode.ADMIN_UNAUTHORIZED,
                    "The admin API is off: the operator has not set GATEWAY_API_ADMIN_TOKEN.");
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new ApiProblemException(ProblemCode.ADMIN_UNAUTHORIZED,
                    "Missing admin credential: send Authorization: Bearer <admin token>.");
        }
        if (!MessageDigest.isEqual(tokenDigest, sha256(authorization.substring(PREFIX.length()).strip()))) {
            throw new ApiProblemException(ProblemCode.ADMIN_UNAUTHORIZED, "Invalid admin credential.");
        }
        return true;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

}
