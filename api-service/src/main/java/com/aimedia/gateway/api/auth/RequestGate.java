package com.aimedia.gateway.api.auth;

import org.springframework.web.context.request.NativeWebRequest;

/**
 * Decides whether an authenticated request may go on (the request rate limits); throws
 * the answer if not. Lets the quota feature plug into authentication without this package
 * depending on it.
 */
@FunctionalInterface
public interface RequestGate {

    void admit(Tenant tenant, NativeWebRequest request);

}
