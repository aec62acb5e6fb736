package com.aimedia.gateway.workers.outputs;

import java.util.List;

import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/** Turns a finished task's provider outputs into the URLs the gateway reports to clients. */
public interface OutputPublisher {

    /**
     * @param hosts the hosts the provider's result URLs may name ({@code ProviderAdapter.outputHosts()})
     * @return one client-downloadable URL per output, in order
     * @throws OutputRejectedException when an output will never be accepted (refused location, too many, too large)
     * @throws OutputUnavailableException when an output cannot be fetched now (the next poll tries again)
     */
    List<String> publish(String taskId, OutputHosts hosts, List<ProviderOutput> outputs);
}
