package com.aimedia.gateway.workers.outputs;

import java.util.List;

import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/** Turns a finished task's provider outputs into the URLs the gateway reports to clients. */
public interface OutputPublisher {

    /**
     * @return one client-downloadable URL per output, in order
     * @throws OutputUnavailableException when an output cannot be fetched now (the next poll tries again)
     */
    List<String> publish(String taskId, List<ProviderOutput> outputs);
}
