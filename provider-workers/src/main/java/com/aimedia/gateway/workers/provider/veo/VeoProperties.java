package com.aimedia.gateway.workers.provider.veo;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.aimedia.gateway.workers.provider.spi.Credentials;

/**
 * How the gateway reaches Veo: the Gemini API (default) or Vertex AI. Secrets come only
 * from the environment.
 *
 * <p>
 * Vertex AI wants an OAuth 2 access token ({@code Authorization: Bearer}). The gateway
 * does not mint one from a service account: it takes {@code vertex-access-token} from
 * configuration as is, and such tokens expire (typically after one hour), so an operator
 * must refresh it (e.g. a sidecar writing {@code gcloud auth print-access-token} into the
 * environment and restarting, or a proxy that adds the header).
 *
 * @param endpoint {@code gemini} or {@code vertex}: where new tasks go (a running task
 * keeps the endpoint it began on)
 * @param baseUrl the Gemini API base including {@code /v1beta}
 * @param apiKey the Gemini API key ({@code x-goog-api-key}); also needed to download
 * results
 * @param vertexBaseUrl the Vertex AI base including {@code /v1}; empty =
 * {@code https://<location>-aiplatform.googleapis.com/v1}
 * @param vertexProject the Google Cloud project id
 * @param vertexLocation the region, e.g. {@code us-central1}
 * @param vertexAccessToken an OAuth 2 access token with the cloud-platform scope
 * @param gcsDownloadBaseUrl where {@code gs://bucket/object} results are fetched over
 * HTTP (with the same token)
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for one answer
 */
@Validated
@ConfigurationProperties("gateway.providers.veo")
public record VeoProperties(@DefaultValue("gemini") @NotNull Endpoint endpoint,
        @DefaultValue("https://generativelanguage.googleapis.com/v1beta") @NotNull URI baseUrl, @Nullable String apiKey,
        @Nullable URI vertexBaseUrl, @Nullable String vertexProject,
        @DefaultValue("us-central1") @NotNull String vertexLocation, @Nullable String vertexAccessToken,
        @DefaultValue("https://storage.googleapis.com") @NotNull URI gcsDownloadBaseUrl,
        @DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("30s") @NotNull Duration readTimeout) {

    public enum Endpoint {

        GEMINI, VERTEX

    }

    public boolean hasCredentials() {
        return endpoint == Endpoint.GEMINI ? Credentials.present(apiKey)
                : Credentials.present(vertexProject, vertexAccessToken);
    }

    String vertexBase() {
        String base = vertexBaseUrl != null ? vertexBaseUrl.toString()
                : "https://" + vertexLocation + "-aiplatform.googleapis.com/v1";
        return base.replaceAll("/+$", "");
    }

    /** Never prints the key or the token. */
    @Override
    public String toString() {
        return "VeoProperties[endpoint=" + endpoint + ", baseUrl=" + baseUrl + ", apiKey="
                + (Credentials.present(apiKey) ? "set" : "missing") + ", vertexProject=" + vertexProject
                + ", vertexLocation=" + vertexLocation + ", vertexAccessToken="
                + (Credentials.present(vertexAccessToken) ? "set" : "missing") + "]";
    }
}
