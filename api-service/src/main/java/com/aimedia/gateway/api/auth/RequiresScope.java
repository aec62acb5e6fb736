package com.aimedia.gateway.api.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a controller method's API key must carry. Every method with a {@link Tenant}
 * parameter declares one: a method without it fails closed (a 500 and an error log)
 * instead of being open to every key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    Scope value();

}
