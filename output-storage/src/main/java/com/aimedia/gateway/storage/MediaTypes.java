package com.aimedia.gateway.storage;

import java.util.Locale;
import java.util.Map;

/**
 * The media types providers return and their file extensions: images, video and audio.
 */
public final class MediaTypes {

    public static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(Map.entry("video/mp4", "mp4"),
            Map.entry("video/quicktime", "mov"), Map.entry("video/webm", "webm"), Map.entry("image/png", "png"),
            Map.entry("image/jpeg", "jpg"), Map.entry("image/webp", "webp"), Map.entry("image/gif", "gif"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/wav", "wav"), Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/flac", "flac"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/aac", "aac"));

    /** Other names providers and servers use for the same types. */
    private static final Map<String, String> ALIASES = Map.of("audio/x-wav", "audio/wav", "audio/wave", "audio/wav",
            "audio/mp3", "audio/mpeg", "audio/x-flac", "audio/flac", "image/jpg", "image/jpeg", "audio/x-m4a",
            "audio/mp4");

    private MediaTypes() {
    }

    /**
     * The known media type the header names, without parameters; {@link #UNKNOWN} for
     * anything else.
     */
    public static String normalize(String contentType) {
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        type = ALIASES.getOrDefault(type, type);
        return EXTENSIONS.containsKey(type) ? type : UNKNOWN;
    }

    public static String extensionOf(String contentType) {
        return EXTENSIONS.getOrDefault(normalize(contentType), "bin");
    }

    /**
     * The type of a file name's extension; {@link #UNKNOWN} when there is none or it is
     * not a media type.
     */
    public static String contentTypeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return ofExtension(dot < 0 ? "" : fileName.substring(dot + 1));
    }

    /**
     * The type of an extension such as {@code mp4}; {@link #UNKNOWN} when it is not a
     * media type.
     */
    public static String ofExtension(String extension) {
        String lower = extension.toLowerCase(Locale.ROOT);
        return EXTENSIONS.entrySet()
            .stream()
            .filter(entry -> entry.getValue().equals(lower))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(UNKNOWN);
    }

}
