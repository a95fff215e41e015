package com.policyconsole.domain.guardrail;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;
import java.util.Optional;

/**
 * The IANA special-purpose address blocks (RFC 6890 and successors) that an operator almost never
 * means to block: loopback, private, link-local, multicast, documentation and reserved ranges.
 */
public final class SpecialRanges {

    /** A special-purpose block and what it is for. */
    public record SpecialRange(IPAddress block, String purpose) {
    }

    private static final List<SpecialRange> RANGES = List.of(
            range("0.0.0.0/8", "\"this network\" (RFC 791)"),
            range("10.0.0.0/8", "private (RFC 1918)"),
            range("100.64.0.0/10", "shared carrier-grade NAT (RFC 6598)"),
            range("127.0.0.0/8", "loopback (RFC 1122)"),
            range("169.254.0.0/16", "link-local (RFC 3927)"),
            range("172.16.0.0/12", "private (RFC 1918)"),
            range("192.0.0.0/24", "IETF protocol assignments (RFC 6890)"),
            range("192.0.2.0/24", "documentation TEST-NET-1 (RFC 5737)"),
            range("192.168.0.0/16", "private (RFC 1918)"),
            range("198.18.0.0/15", "benchmarking (RFC 2544)"),
            range("198.51.100.0/24", "documentation TEST-NET-2 (RFC 5737)"),
            range("203.0.113.0/24", "documentation TEST-NET-3 (RFC 5737)"),
            range("224.0.0.0/4", "multicast (RFC 5771)"),
            range("240.0.0.0/4", "reserved (RFC 1112)"),
            range("::/128", "unspecified (RFC 4291)"),
            range("::1/128", "loopback (RFC 4291)"),
            range("::ffff:0:0/96", "IPv4-mapped (RFC 4291)"),
            range("100::/64", "discard-only (RFC 6666)"),
            range("2001:db8::/32", "documentation (RFC 3849)"),
            range("fc00::/7", "unique local (RFC 4193)"),
            range("fe80::/10", "link-local (RFC 4291)"),
            range("ff00::/8", "multicast (RFC 4291)"));

    private SpecialRanges() {
    }

    private static SpecialRange range(String cidr, String purpose) {
        return new SpecialRange(new IPAddressString(cidr).getAddress().toPrefixBlock(), purpose);
    }

    /** The first special-purpose block that {@code addresses} overlaps, if any. */
    public static Optional<SpecialRange> overlapping(IPAddress addresses) {
        for (SpecialRange r : RANGES) {
            if (r.block().getIPVersion() == addresses.getIPVersion() && r.block().overlaps(addresses)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static List<SpecialRange> all() {
        return RANGES;
    }
}
