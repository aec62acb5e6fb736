package com.aimedia.gateway.local;

/**
 * The end-to-end path on the embedded default: in-process KRaft Kafka broker and
 * mongo-java-server.
 */
class EmbeddedEndToEndTest extends EndToEndScenario {

    @Override
    protected LocalGatewayOptions options() {
        return LocalGatewayOptions.forTests();
    }

}
