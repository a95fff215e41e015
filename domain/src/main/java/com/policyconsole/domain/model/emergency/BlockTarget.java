package com.policyconsole.domain.model.emergency;

import inet.ipaddr.IPAddress;
import java.util.Objects;

/**
 * One typed object of a policy's {@code block_target}: an IPv4 or IPv6 address or a CIDR block (for
 * {@code Source Ip}), an IAM user name ({@code User Name}) or a domain name ({@code Domain Name}).
 * Build one with {@link BlockTargetParser#parse(BlockType, String)}.
 */
public sealed interface BlockTarget
        permits BlockTarget.IpTarget, BlockTarget.UserName, BlockTarget.DomainName {

    /** The object as it goes on the wire. */
    String text();

    /** The block type this object belongs to. */
    BlockType type();

    /** Whether two objects denote overlapping sets: CIDR containment both ways, case-insensitive names. */
    default boolean overlaps(BlockTarget other) {
        if (this instanceof IpTarget mine && other instanceof IpTarget theirs) {
            return mine.range().overlaps(theirs.range());
        }
        if (this instanceof UserName mine && other instanceof UserName theirs) {
            return mine.text().equals(theirs.text());
        }
        if (this instanceof DomainName mine && other instanceof DomainName theirs) {
            return mine.ascii().equals(theirs.ascii());
        }
        return false;
    }

    /** An object that denotes a range of IP addresses: a single address is a range of one. */
    sealed interface IpTarget extends BlockTarget permits Ipv4Address, Ipv6Address, CidrBlock {
        /** The addresses this object covers. */
        IPAddress range();

        @Override
        default BlockType type() {
            return BlockType.SOURCE_IP;
        }
    }

    /** A single IPv4 address, e.g. {@code 1.2.3.4}. */
    record Ipv4Address(IPAddress range) implements IpTarget {
        public Ipv4Address {
            Objects.requireNonNull(range, "'range' must not be null");
            if (!range.isIPv4() || range.isPrefixed() || range.isMultiple()) {
                throw new IllegalArgumentException("'range' must be a single IPv4 address");
            }
        }

        @Override
        public String text() {
            return range.toCanonicalString();
        }
    }

    /** A single IPv6 address, e.g. {@code 2001:db8::1}. */
    record Ipv6Address(IPAddress range) implements IpTarget {
        public Ipv6Address {
            Objects.requireNonNull(range, "'range' must not be null");
            if (!range.isIPv6() || range.isPrefixed() || range.isMultiple()) {
                throw new IllegalArgumentException("'range' must be a single IPv6 address");
            }
        }

        @Override
        public String text() {
            return range.toCompressedString();
        }
    }

    /** A CIDR block with no host bits set, e.g. {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    record CidrBlock(IPAddress range) implements IpTarget {
        public CidrBlock {
            Objects.requireNonNull(range, "'range' must not be null");
            if (!range.isPrefixed() || !range.isPrefixBlock()) {
                throw new IllegalArgumentException("'range' must be a CIDR prefix block");
            }
        }

        public int prefixLength() {
            return range.getNetworkPrefixLength();
        }

        /** Whether this block covers the whole address family: {@code 0.0.0.0/0} or {@code ::/0}. */
        public boolean isEverything() {
            return prefixLength() == 0;
        }

        @Override
        public String text() {
            return range.isIPv4() ? range.toCanonicalString() : range.toCompressedString();
        }
    }

    /** An IAM user name: 1 to 64 letters, digits, spaces, {@code - _ .}, not starting with a digit or space. */
    record UserName(String text) implements BlockTarget {
        public UserName {
            Objects.requireNonNull(text, "'text' must not be null");
            String problem = BlockTargetParser.userNameProblem(text);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }

        @Override
        public BlockType type() {
            return BlockType.USER_NAME;
        }
    }

    /**
     * A fully qualified domain name, internationalised or not: {@code text} as given, {@code ascii} its
     * lower-case IDNA (Punycode) form, at most 253 characters in labels of 1 to 63.
     */
    record DomainName(String text, String ascii) implements BlockTarget {
        public DomainName {
            Objects.requireNonNull(text, "'text' must not be null");
            Objects.requireNonNull(ascii, "'ascii' must not be null");
        }

        @Override
        public BlockType type() {
            return BlockType.DOMAIN_NAME;
        }
    }
}
