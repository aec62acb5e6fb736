package com.aimedia.gateway.workers.provider.replicate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.InvalidRequest;

/**
 * A Replicate model as the catalog resolves {@code replicate/<owner>/<name>[:<version>]}:
 * {@code owner/name} or {@code owner/name:version}. Owner and name are checked against
 * Replicate's naming (lowercase letters, digits, {@code - _ .}, starting with a letter or
 * digit) because they become URL path segments; a version is a 64-hex id.
 */
record ReplicateModelRef(String owner, String name, @Nullable String version) {

    private static final Pattern MODEL = Pattern
        .compile("([a-z0-9][a-z0-9._-]{0,99})/([a-z0-9][a-z0-9._-]{0,99})(?::([0-9a-f]{64}))?");

    static ReplicateModelRef parse(String providerModel) {
        Matcher matcher = MODEL.matcher(providerModel);
        if (!matcher.matches()) {
            throw new InvalidRequest("Invalid parameter: model must be replicate/<owner>/<name> or "
                    + "replicate/<owner>/<name>:<64-hex version id>");
        }
        return new ReplicateModelRef(matcher.group(1), matcher.group(2), matcher.group(3));
    }
}
