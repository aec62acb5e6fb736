package com.aimedia.gateway.workers.outputs;

import java.util.List;

import com.aimedia.gateway.workers.provider.spi.OutputHosts;
import com.aimedia.gateway.workers.provider.spi.ProviderOutput;

/** Turns a finished task's provider outputs into what the task reports to clients. */
public interface OutputPublisher {

    /**
     * @param provider the provider id, for metrics
     * @param hosts the hosts the provider's result URLs may name
     * ({@code ProviderAdapter.outputHosts()})
     * @return one entry per output, in order: a provider URL, or a
     * {@code gateway-output:<key>} reference to a stored output that readers sign when
     * they render the task
     * @throws OutputUnavailableException when an output cannot be fetched now (the next
     * poll tries again)
     * @throws OutputRejectedException when an output will never be accepted (refused
     * location, too many, too large, the tenant's daily byte limit): the task fails
     */
    List<String> publish(String taskId, String provider, OutputHosts hosts, List<ProviderOutput> outputs);

}
