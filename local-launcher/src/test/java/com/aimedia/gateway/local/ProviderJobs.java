package com.aimedia.gateway.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the provider jobs each simulator created, from the admin port of
 * {@code ComponentMain simulators}.
 */
final class ProviderJobs {

    private ProviderJobs() {
    }

    static Map<String, Long> fetch(int adminPort) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/jobs")).build(),
                        HttpResponse.BodyHandlers.ofString());
            Map<String, Long> jobs = new HashMap<>();
            for (String line : response.body().split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.split(" ");
                    jobs.put(parts[0], Long.parseLong(parts[1]));
                }
            }
            return jobs;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
