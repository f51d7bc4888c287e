package org.publiccredit.record.monitoring;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.publiccredit.commons.problem.ApiException;
import org.publiccredit.commons.problem.FieldProblem;
import org.springframework.http.HttpStatus;

/**
 * Which webhook targets the platform calls, so that it cannot be used to reach or probe a private network: an absolute
 * {@code https} URL without credentials, whose host resolves only to public addresses — a target with ANY address that is
 * loopback, private (RFC 1918, unique local fc00::/7, shared 100.64.0.0/10, benchmarking 198.18.0.0/15), link-local
 * (169.254.0.0/16: cloud metadata; fe80::/10), multicast, broadcast or unspecified (0.0.0.0/8, ::) is refused. IPv4
 * addresses embedded in IPv6 (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged as IPv4. With
 * {@code allowHttp} (the local/dev profile only) http and loopback or private addresses are accepted; link-local,
 * multicast, broadcast and unspecified addresses never are. Checked when the URL is set and again before every delivery.
 */
final class WebhookTargets {

    /** Resolves a host name to all its addresses (tests give their own). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The refusal code (problem and field). */
    static final String REFUSED = "WEBHOOK_TARGET_REFUSED";

    private final boolean allowHttp;
    private final Resolver resolver;

    WebhookTargets(boolean allowHttp, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.resolver = resolver;
    }

    WebhookTargets(boolean allowHttp) {
        this(allowHttp, InetAddress::getAllByName);
    }

    /** A refused target and why (the reason names the rule, never what a connection found). */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The URL, checked; a refusal is a 422 problem WEBHOOK_TARGET_REFUSED with the reason on field {@code url}. */
    URI require(String url) {
        try {
            return check(url);
        } catch (Refused e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, REFUSED, "The webhook target is refused: " + e.getMessage(),
                    List.of(new FieldProblem("url", REFUSED, e.getMessage())));
        }
    }

    /** The URL, checked, or {@link Refused}. */
    URI check(String url) throws Refused {
        if (url == null || url.isBlank()) {
            throw new Refused("a URL is required");
        }
        if (url.length() > 2000) {
            throw new Refused("the URL is longer than 2,000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("not a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new Refused("not a valid absolute URL with a host");
        }
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused("only https URLs are accepted");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("credentials in the URL are not accepted");
        }
        if (uri.getRawFragment() != null) {
            throw new Refused("a fragment is not accepted");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | RuntimeException e) {
            throw new Refused("the host name does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("the host name does not resolve");
        }
        for (InetAddress a : addresses) {
            String why = refusal(a);
            if (why != null) {
                throw new Refused("the host resolves to " + why + " address");
            }
        }
        return uri;
    }

    /** Why this address is refused ("a loopback" …), or null when it may be called. */
    String refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address v6) {
            byte[] embedded = embeddedIpv4(v6, b);
            if (embedded != null) {
                try {
                    return refusal(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return "an unusable";
                }
            }
        }
        if (address.isAnyLocalAddress() || (address instanceof Inet4Address && (b[0] & 0xff) == 0)) {
            return "an unspecified";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local";
        }
        if (address.isMulticastAddress() || (address instanceof Inet4Address && (b[0] & 0xff) >= 240)) {
            return address.isMulticastAddress() ? "a multicast" : "a reserved or broadcast";
        }
        if (allowHttp) {
            return null; // local/dev profile: loopback and private networks are where test receivers live
        }
        if (address.isLoopbackAddress()) {
            return "a loopback";
        }
        if (address.isSiteLocalAddress()) {
            return "a private";
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return "a private (shared, 100.64.0.0/10)";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a private (benchmarking, 198.18.0.0/15)";
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return "a private (IETF protocol, 192.0.0.0/24)";
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return "a private (unique local, fc00::/7)";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, or null. */
    private static byte[] embeddedIpv4(Inet6Address v6, byte[] b) {
        if (v6.isIPv4CompatibleAddress() && !v6.isAnyLocalAddress() && !v6.isLoopbackAddress()) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        for (int i = 4; nat64 && i < 12; i++) {
            nat64 = b[i] == 0;
        }
        if (nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        return null;
    }
}
