package com.aimedia.gateway.workers.provider.runway;

/** Which Runway endpoint a model runs on. */
final class RunwayModels {

    /**
     * Deprecated upstream: removed from Runway's public schema in June 2026
     * (docs/providers/runway.md).
     */
    static final String GEN3A_TURBO = "gen3a_turbo";

    private RunwayModels() {
    }

    /**
     * The image models ({@code gen4_image}, {@code gen4_image_turbo}) use text_to_image;
     * the rest image_to_video.
     */
    static String endpoint(String model) {
        return model.startsWith("gen4_image") ? RunwayApi.TEXT_TO_IMAGE : RunwayApi.IMAGE_TO_VIDEO;
    }

}
