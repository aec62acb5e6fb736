package com.aimedia.gateway.api.admin.cli;

import java.io.PrintStream;
import java.util.Map;

/** Opens the CLI's package-private entry point to tests of other packages. */
public final class GatewayAdminAccess {

    private GatewayAdminAccess() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return GatewayAdmin.run(args, env, out, err);
    }

}
