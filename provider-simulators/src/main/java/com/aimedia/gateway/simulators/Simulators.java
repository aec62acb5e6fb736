package com.aimedia.gateway.simulators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.aimedia.gateway.simulators.bfl.BflSimulator;
import com.aimedia.gateway.simulators.doubao.DoubaoSimulator;
import com.aimedia.gateway.simulators.jimeng.JimengSimulator;
import com.aimedia.gateway.simulators.kling.KlingSimulator;
import com.aimedia.gateway.simulators.luma.LumaSimulator;
import com.aimedia.gateway.simulators.minimax.MiniMaxSimulator;
import com.aimedia.gateway.simulators.replicate.ReplicateSimulator;
import com.aimedia.gateway.simulators.runway.RunwaySimulator;
import com.aimedia.gateway.simulators.veo.VeoSimulator;
import com.aimedia.gateway.simulators.vidu.ViduSimulator;
import com.aimedia.gateway.simulators.wan.WanSimulator;
import com.aimedia.gateway.simulators.xai.XaiSimulator;

/** Starts one simulator per provider, each on a free port with random credentials. */
public final class Simulators {

    /**
     * Every provider's simulator, in one explicit list: adding a provider adds one line
     * here.
     */
    private static final List<Function<SimulatorOptions, ProviderSimulator>> ALL = List.of(
            KlingSimulator::startForGateway, JimengSimulator::startForGateway, DoubaoSimulator::startForGateway,
            WanSimulator::startForGateway, LumaSimulator::startForGateway, RunwaySimulator::startForGateway,
            BflSimulator::startForGateway, ReplicateSimulator::startForGateway, XaiSimulator::startForGateway,
            VeoSimulator::startForGateway, MiniMaxSimulator::startForGateway, ViduSimulator::startForGateway);

    private Simulators() {
    }

    public static List<ProviderSimulator> startAll(SimulatorOptions options) {
        List<ProviderSimulator> started = new ArrayList<>();
        try {
            for (Function<SimulatorOptions, ProviderSimulator> starter : ALL) {
                started.add(starter.apply(options));
            }
            return started;
        }
        catch (RuntimeException e) {
            started.forEach(ProviderSimulator::close);
            throw e;
        }
    }

    /** Random credentials for a simulator, so nothing real-looking is ever hard-coded. */
    public static String randomCredential() {
        byte[] random = new byte[18];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

}
