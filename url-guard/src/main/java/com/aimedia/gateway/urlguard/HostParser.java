package com.aimedia.gateway.urlguard;

import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Classifies the host of a callback URL before anything is resolved. */
final class HostParser {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * The last label decides, as in the WHATWG URL standard: a numeric last label makes
     * the host an IPv4 form.
     */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0x[0-9a-f]*");

    private static final int MAX_NAME_LENGTH = 253;

    /**
     * Classifies the host as written in the URL's authority. Refuses every IPv4 notation
     * except the canonical dotted quad (a single number, hex, octal-looking parts, short
     * forms like {@code 127.1}): resolvers and HTTP clients disagree on what those mean,
     * which is how filters get bypassed.
     */
    static ParsedHost parse(String rawHost) {
        if (rawHost.isEmpty()) {
            throw new RejectedUrlException("callback_url must have a host");
        }
        if (rawHost.startsWith("[")) {
            return parseIpv6(rawHost);
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        String withoutRootDot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] labels = withoutRootDot.split("\\.", -1);
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            return IpLiterals.canonicalIpv4(withoutRootDot)
                .<ParsedHost>map(address -> new ParsedHost.Literal(withoutRootDot, address))
                .orElseThrow(() -> new RejectedUrlException(
                        "callback_url host must be a host name or an IPv4 address written as four decimal numbers (a.b.c.d); other IP notations are not accepted"));
        }
        if (withoutRootDot.length() > MAX_NAME_LENGTH || !allLabelsValid(labels)) {
            throw new RejectedUrlException("callback_url host is not a valid host name");
        }
        return new ParsedHost.Name(host);
    }

    private static ParsedHost parseIpv6(String rawHost) {
        String inner = rawHost.endsWith("]") ? rawHost.substring(1, rawHost.length() - 1) : "";
        try {
            return new ParsedHost.Literal(inner.toLowerCase(Locale.ROOT), IpLiterals.ipv6(inner));
        }
        catch (UnknownHostException e) {
            throw new RejectedUrlException("callback_url host is not a valid IPv6 address");
        }
    }

    private static boolean allLabelsValid(String[] labels) {
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private HostParser() {
    }

}
