package com.aimedia.gateway.api.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.HttpResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.videos.Video;
import com.openai.models.videos.VideoCreateParams;
import com.openai.models.videos.VideoModel;
import com.sun.net.httpserver.HttpServer;

/**
 * The official OpenAI Java client against {@code /v1/videos}: create, retrieve, list,
 * download, isolation.
 */
class OpenAiVideosIntegrationTest extends PlatformTestBase {

    private static final byte[] MP4 = "not really an mp4, but the bytes the store serves"
        .getBytes(StandardCharsets.UTF_8);

    private HttpServer files;

    @AfterEach
    void stopFiles() {
        if (files != null) {
            files.stop(0);
        }
    }

    @Test
    void should_create_poll_list_and_download_a_video_with_the_official_openai_client() throws Exception {
        // given
        String tenant = newTenantId("openai");
        createTenant(tenant, "");
        OpenAIClient client = client(replica1, newKey(tenant));
        String outputUrl = serveFile();

        // when
        Video created = client.videos()
            .create(VideoCreateParams.builder().model(VideoModel.of("kling-v2")).prompt("a red fox in snow").build());
        Video queued = client(replica2, keyOf(client)).videos().retrieve(created.id());
        storeTask(created.id(), tenant, "kling-v2", "completed", created.createdAt() * 1000);
        database.getCollection("tasks")
            .updateOne(new Document("_id", created.id()),
                    new Document("$set", new Document("outputs", List.of(outputUrl)).append("completed_at",
                            new java.util.Date(created.createdAt() * 1000 + 5000))));
        Video completed = client.videos().retrieve(created.id());
        List<Video> listed = client.videos().list().data();
        byte[] content;
        try (HttpResponse response = client.videos().downloadContent(created.id());
                InputStream body = response.body()) {
            content = body.readAllBytes();
        }

        // then
        assertThat(created.id()).startsWith("task_");
        assertThat(created.status()).isEqualTo(Video.Status.QUEUED);
        assertThat(created.model().asString()).isEqualTo("kling-v2");
        assertThat(queued.status()).isEqualTo(Video.Status.QUEUED);
        assertThat(completed.status()).isEqualTo(Video.Status.COMPLETED);
        assertThat(completed.progress()).isEqualTo(100);
        assertThat(completed.completedAt()).contains(created.createdAt() + 5);
        assertThat(listed).extracting(Video::id).contains(created.id());
        assertThat(content).isEqualTo(MP4);
    }

    @Test
    void should_report_a_failure_and_hide_other_tenants_videos_from_the_openai_client() throws Exception {
        // given
        String owner = newTenantId("openai-owner");
        String other = newTenantId("openai-other");
        createTenant(owner, "");
        createTenant(other, "");
        OpenAIClient ownerClient = client(replica1, newKey(owner));
        OpenAIClient otherClient = client(replica2, newKey(other));
        Video created = ownerClient.videos()
            .create(VideoCreateParams.builder().model(VideoModel.of("veo-3")).prompt("waves").build());
        storeTask(created.id(), owner, "veo-3", "failed", created.createdAt() * 1000);
        database.getCollection("tasks")
            .updateOne(new Document("_id", created.id()),
                    new Document("$set",
                            new Document("error", "The provider rejected the prompt under its content policy.")
                                .append("error_code", "content_policy")));

        // when
        Video failed = ownerClient.videos().retrieve(created.id());

        // then
        assertThat(failed.status()).isEqualTo(Video.Status.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo("content_policy");
            assertThat(error.message()).contains("content policy");
        });
        assertThatThrownBy(() -> otherClient.videos().retrieve(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> otherClient.videos().downloadContent(created.id()))
            .isInstanceOf(NotFoundException.class);
        assertThat(otherClient.videos().list().data()).extracting(Video::id).doesNotContain(created.id());
        String readOnly = createKey(owner, "{\"name\":\"ro\",\"scopes\":[\"read\"]}").get("secret").asString();
        assertThatThrownBy(() -> client(replica1, readOnly).videos()
            .create(VideoCreateParams.builder().model(VideoModel.of("veo-3")).prompt("waves").build()))
            .isInstanceOf(PermissionDeniedException.class);
    }

    private final java.util.Map<OpenAIClient, String> keys = new java.util.IdentityHashMap<>();

    private OpenAIClient client(int port, String key) {
        OpenAIClient client = OpenAIOkHttpClient.builder()
            .apiKey(key)
            .baseUrl("http://localhost:" + port + "/v1")
            .maxRetries(0)
            .build();
        keys.put(client, key);
        return client;
    }

    private String keyOf(OpenAIClient client) {
        return keys.get(client);
    }

    private String serveFile() throws Exception {
        files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        files.createContext("/files/video.mp4", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, MP4.length);
            exchange.getResponseBody().write(MP4);
            exchange.close();
        });
        files.start();
        return "http://127.0.0.1:" + files.getAddress().getPort() + "/files/video.mp4";
    }

}
