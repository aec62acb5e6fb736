package com.aimedia.gateway.workers.outputs;

import java.util.Locale;
import java.util.Map;

/** File extensions of the media types providers return, so a stored file's name tells its type. */
final class MediaTypes {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"), Map.entry("video/webm", "webm"),
            Map.entry("image/png", "png"), Map.entry("image/jpeg", "jpg"), Map.entry("image/webp", "webp"),
            Map.entry("image/gif", "gif"), Map.entry("audio/mpeg", "mp3"), Map.entry("audio/wav", "wav"),
            Map.entry("audio/ogg", "ogg"));
    private static final String UNKNOWN = "application/octet-stream";

    private MediaTypes() {
    }

    static String extensionOf(String contentType) {
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return EXTENSIONS.getOrDefault(type, "bin");
    }

    static String contentTypeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSIONS.entrySet().stream()
            .filter(entry -> entry.getValue().equals(extension))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(UNKNOWN);
    }

    /** The type a provider did not state, guessed from the URL's file name. */
    static String guessFromPath(String path) {
        return contentTypeOf(path.substring(path.lastIndexOf('/') + 1));
    }
}
