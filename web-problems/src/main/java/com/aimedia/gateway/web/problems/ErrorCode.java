package com.aimedia.gateway.web.problems;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * A stable, machine-readable {@code code} of an error answer, with its HTTP status. Meant
 * for enums: each service owns its set of codes, and clients switch on the wire form, so
 * a constant's name is part of the API.
 */
public interface ErrorCode {

    /** Implemented by every enum constant. */
    String name();

    HttpStatus status();

    /** The wire form, e.g. {@code malformed_json}. */
    default String code() {
        return name().toLowerCase(Locale.ROOT);
    }

}
