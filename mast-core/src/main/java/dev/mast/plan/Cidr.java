package dev.mast.plan;

import java.util.Optional;

/** An IPv4 network such as {@code 10.96.0.0/12}. */
public record Cidr(long network, int prefix) {

    /** Parses {@code a.b.c.d/n}; empty if the text is not an IPv4 CIDR. Host bits must be zero. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<Long> address = parseIpv4(text.substring(0, slash));
        String prefixText = text.substring(slash + 1);
        if (address.isEmpty() || !prefixText.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(prefixText);
        if (prefix > 32 || (address.get() & ~mask(prefix) & 0xFFFFFFFFL) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address.get(), prefix));
    }

    /** Parses a dotted IPv4 address into its 32-bit value; empty if it is not one. */
    public static Optional<Long> parseIpv4(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : text.split("\\.")) {
            int octet = Integer.parseInt(part);
            if (octet > 255 || (part.length() > 1 && part.startsWith("0"))) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(value);
    }

    public static String format(long address) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "." + (address & 0xFF);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public boolean overlaps(Cidr other) {
        int shorter = Math.min(prefix, other.prefix);
        return (network & mask(shorter)) == (other.network & mask(shorter));
    }

    /** The n-th address of the network: 1 is the API server's service IP, 10 the cluster DNS. */
    public String address(int n) {
        return format(network + n);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefix;
    }
}
