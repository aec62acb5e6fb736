package com.aimedia.gateway.workers.provider.replicate;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

import tools.jackson.databind.JsonNode;

/**
 * Extracts files from a prediction's {@code output}, whose shape is model-specific: a URL
 * string, an array of URLs, or an object holding them (docs/providers/replicate.md).
 * Strings that are neither http(s) URLs nor {@code data:} URIs (text models' tokens) are
 * not files and are skipped. Replicate's file URLs need no token.
 */
final class ReplicateOutputs {

    private ReplicateOutputs() {
    }

    static List<ProviderOutput> files(@Nullable JsonNode output) {
        List<ProviderOutput> files = new ArrayList<>();
        collect(output, files, 0);
        return files;
    }

    private static void collect(@Nullable JsonNode node, List<ProviderOutput> files, int depth) {
        if (node == null || node.isNull() || depth > 4) {
            return;
        }
        if (node.isString()) {
            toOutput(node.stringValue()).ifPresent(files::add);
        }
        else if (node.isArray() || node.isObject()) {
            for (JsonNode child : node.values()) {
                collect(child, files, depth + 1);
            }
        }
    }

    private static java.util.Optional<ProviderOutput> toOutput(String value) {
        String text = value.trim();
        if (text.startsWith("https://") || text.startsWith("http://")) {
            try {
                return java.util.Optional.of(ProviderOutput.url(URI.create(text)));
            }
            catch (IllegalArgumentException notAUrl) {
                return java.util.Optional.empty();
            }
        }
        if (text.startsWith("data:") && text.contains(";base64,")) {
            String type = text.substring(5, text.indexOf(";base64,"));
            try {
                byte[] bytes = Base64.getDecoder().decode(text.substring(text.indexOf(";base64,") + 8));
                return java.util.Optional
                    .of(new ProviderOutput.Inline(bytes, type.isBlank() ? "application/octet-stream" : type));
            }
            catch (IllegalArgumentException notBase64) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

}
