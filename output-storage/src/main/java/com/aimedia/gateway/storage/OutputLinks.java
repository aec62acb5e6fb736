package com.aimedia.gateway.storage;

/** Signs the download link of a stored output. */
public sealed interface OutputLinks permits LocalOutputLinks, S3OutputLinks, OutputLinks.Unavailable {

    String link(OutputKey key, LinkWindow window);

    /**
     * A reader without store settings: a stored output cannot be linked. It happens only
     * when a service was not given the same {@code gateway.storage} settings as
     * provider-workers, so the error names them.
     */
    record Unavailable() implements OutputLinks {

        @Override
        public String link(OutputKey key, LinkWindow window) {
            throw new IllegalStateException("a stored output cannot be linked: gateway.storage settings missing "
                    + "(gateway.storage.local.base-url and signing-secret, or gateway.storage.type=s3)");
        }
    }

}
