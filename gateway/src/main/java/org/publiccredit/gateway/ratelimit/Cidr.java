package org.publiccredit.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An address range such as {@code 10.0.0.0/8} or {@code ::1/128}; matches literal addresses only (never DNS). */
record Cidr(byte[] network, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    static Cidr parse(String text) {
        String[] parts = text.trim().split("/", 2);
        byte[] address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException("not an address range: " + text));
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        return new Cidr(address, prefix);
    }

    boolean matches(String address) {
        return literal(address).filter(a -> a.length == network.length).map(this::contains).orElse(false);
    }

    private boolean contains(byte[] address) {
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    private static Optional<byte[]> literal(String text) {
        String t = text.trim();
        if (!LITERAL.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
