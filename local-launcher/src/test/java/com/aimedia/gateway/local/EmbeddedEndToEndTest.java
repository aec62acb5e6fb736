package com.aimedia.gateway.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The end-to-end path on the embedded default: in-process KRaft Kafka broker and mongo-java-server. */
class EmbeddedEndToEndTest extends EndToEndScenario {

    private static RunningGateway gateway;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = LocalGateway.start(LocalGatewayOptions.forTests());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Override
    protected RunningGateway gateway() {
        return gateway;
    }
}
