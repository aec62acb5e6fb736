package com.aimedia.gateway.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One end-to-end case of one provider, from {@code e2e/<provider>.json}: a model, an
 * input, and whether the task must end completed or failed (with words the error must
 * contain).
 */
record ProviderCase(String provider, String name, String model, JsonNode input, String expect,
        @Nullable String errorContains, @Nullable String contentType) {

    static List<ProviderCase> all() {
        JsonMapper json = JsonMapper.builder().build();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:e2e/*.json");
            Arrays.sort(files, Comparator.comparing(file -> String.valueOf(file.getFilename())));
            List<ProviderCase> cases = new ArrayList<>();
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode root = json.readTree(in);
                    for (JsonNode entry : root.path("cases")) {
                        JsonNode error = entry.get("error_contains");
                        JsonNode contentType = entry.get("content_type");
                        cases.add(new ProviderCase(root.get("provider").asString(), entry.get("name").asString(),
                                entry.get("model").asString(), entry.get("input"), entry.get("expect").asString(),
                                error == null ? null : error.asString(),
                                contentType == null ? null : contentType.asString()));
                    }
                }
            }
            return cases;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return provider + ": " + name + " (" + model + ")";
    }
}
