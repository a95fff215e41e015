package com.policyconsole.domain.model.emergency;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one object of {@code block_target} into a typed {@link BlockTarget}, or says precisely why it
 * is not one. Only the notations a person would type are accepted: no inet_aton forms ({@code 1.2.3}),
 * octal or hex IPv4, leading zeros, zones, wildcards, ranges or masks.
 */
public final class BlockTargetParser {

    /** Longest domain name in its ASCII form (RFC 1035, without the trailing dot). */
    public static final int MAX_DOMAIN_LENGTH = 253;
    /** Longest label of a domain name. */
    public static final int MAX_LABEL_LENGTH = 63;
    /** Longest IAM user name. */
    public static final int MAX_USER_NAME_LENGTH = 64;

    /** The library's parameters for the notations accepted here. */
    static final IPAddressStringParameters STRICT_IP = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false)
            .getIPv4AddressParametersBuilder()
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowBinary(false)
                .allowPrefixesBeyondAddressSize(false)
                .getParentBuilder()
            .getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowEmptyZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false)
                .getParentBuilder()
            .toParams();

    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}_.\\- ][\\p{L}\\p{Nd}_.\\- ]*");
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

    private BlockTargetParser() {
    }

    /** Either a typed object or the reason the text is not an object of the type. */
    public sealed interface Result permits Result.Parsed, Result.Invalid {
        /** The text is a valid object. */
        record Parsed(BlockTarget target) implements Result {
        }

        /** The text is not a valid object; {@code reason} completes "'x' is not …". */
        record Invalid(String reason) implements Result {
        }
    }

    /** Largest IPv4 address as a number. */
    private static final long MAX_IPV4 = 0xFFFF_FFFFL;

    /** Parses {@code text} (already trimmed) as an object of {@code type}. */
    public static Result parse(BlockType type, String text) {
        return switch (type) {
            case SOURCE_IP -> parseIp(text);
            case USER_NAME -> parseUserName(text);
            case DOMAIN_NAME -> parseDomainName(text);
        };
    }

    /**
     * Why {@code text} (already trimmed) is not an object of {@code type}, or null if it is one: the reason
     * {@link #parse} would give, without building the object where the text alone decides.
     */
    public static String problem(BlockType type, String text) {
        if (type == BlockType.SOURCE_IP && text.length() <= 49) {
            long quad = readDottedQuad(text);
            if (quad >= 0) {
                int prefixLength = (int) (quad >>> 33);
                long hostBits = quad > MAX_IPV4 ? MAX_IPV4 >>> prefixLength : 0;
                if ((quad & hostBits) == 0) {
                    return null;
                }
            }
        }
        return parse(type, text) instanceof Result.Invalid invalid ? invalid.reason() : null;
    }

    static Result parseIp(String text) {
        if (text.isEmpty() || text.length() > 49 || !hasIpCharacters(text)) {
            return new Result.Invalid("an IPv4 or IPv6 address or CIDR block");
        }
        IPAddress address = dottedQuad(text);
        if (address == null) {
            address = new IPAddressString(text, STRICT_IP).getAddress();
        }
        if (address == null) {
            return new Result.Invalid("an IPv4 or IPv6 address or CIDR block");
        }
        if (!address.isPrefixed()) {
            return new Result.Parsed(address.isIPv4()
                    ? new BlockTarget.Ipv4Address(address)
                    : new BlockTarget.Ipv6Address(address));
        }
        if (!address.isPrefixBlock()) {
            IPAddress network = address.toPrefixBlock();
            String suggestion = network.isIPv4() ? network.toCanonicalString() : network.toCompressedString();
            return new Result.Invalid("a CIDR block with host bits set (did you mean " + suggestion + "?)");
        }
        return new Result.Parsed(new BlockTarget.CidrBlock(address));
    }

    /**
     * The common notation read directly, without the library's general parser: four decimal octets without
     * leading zeros and an optional prefix length of at most 32, which the library reads as the same address.
     * Null for any other text, which the library then decides on.
     */
    static IPAddress dottedQuad(String text) {
        long quad = readDottedQuad(text);
        if (quad < 0) {
            return null;
        }
        return quad > MAX_IPV4 ? new IPv4Address((int) quad, (int) (quad >>> 33)) : new IPv4Address((int) quad);
    }

    /**
     * {@link #dottedQuad}'s reading as a number: the address in bits 0–31, and for a prefix length bit 32 set and
     * the length from bit 33; -1 for any other text.
     */
    private static long readDottedQuad(String text) {
        int slash = text.indexOf('/');
        int end = slash < 0 ? text.length() : slash;
        long value = 0;
        int i = 0;
        for (int octets = 0; octets < 4; octets++) {
            if (octets > 0) {
                if (i >= end || text.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
            int start = i;
            int octet = 0;
            while (i < end && i - start < 3 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                octet = octet * 10 + text.charAt(i) - '0';
                i++;
            }
            if (i == start || octet > 255 || i - start > 1 && text.charAt(start) == '0') {
                return -1;
            }
            value = value << 8 | octet;
        }
        if (i != end) {
            return -1;
        }
        if (slash < 0) {
            return value;
        }
        int prefixLength = 0;
        for (int j = slash + 1; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c < '0' || c > '9' || j - slash > 3) {
                return -1;
            }
            prefixLength = prefixLength * 10 + c - '0';
        }
        if (text.length() == slash + 1 || prefixLength > 32 || text.length() > slash + 2 && text.charAt(slash + 1) == '0') {
            return -1;
        }
        return value | 1L << 32 | (long) prefixLength << 33;
    }

    /**
     * Whether {@code text} is hex digits, colons and dots, and at most one prefix length without leading zeros:
     * the regular expression {@code [0-9A-Fa-f:.]+(/(0|[1-9][0-9]{0,2}))?}, checked without a regex engine.
     */
    static boolean hasIpCharacters(String text) {
        int slash = text.indexOf('/');
        int end = slash < 0 ? text.length() : slash;
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
            if (!ok) {
                return false;
            }
        }
        if (slash < 0) {
            return true;
        }
        int digits = text.length() - slash - 1;
        if (digits < 1 || digits > 3 || text.charAt(slash + 1) == '0' && digits > 1) {
            return false;
        }
        for (int i = slash + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static Result parseUserName(String text) {
        String problem = userNameProblem(text);
        return problem == null ? new Result.Parsed(new BlockTarget.UserName(text)) : new Result.Invalid(problem);
    }

    /** Why {@code text} is not an IAM user name, or null if it is one. */
    static String userNameProblem(String text) {
        int length = text.codePointCount(0, text.length());
        if (length < 1 || length > MAX_USER_NAME_LENGTH) {
            return "an IAM user name (1 to " + MAX_USER_NAME_LENGTH + " characters)";
        }
        if (!USER_NAME.matcher(text).matches()) {
            return "an IAM user name (letters, digits, spaces, '-', '_' and '.', not starting with a digit or space)";
        }
        if (text.charAt(0) == ' ') {
            return "an IAM user name (it must not start with a space)";
        }
        return null;
    }

    static Result parseDomainName(String text) {
        String name = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        if (name.isEmpty()) {
            return new Result.Invalid("a domain name (it is empty)");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return new Result.Invalid("a domain name (" + e.getMessage() + ")");
        }
        if (ascii.length() > MAX_DOMAIN_LENGTH) {
            return new Result.Invalid("a domain name (at most " + MAX_DOMAIN_LENGTH + " characters, is " + ascii.length() + ")");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return new Result.Invalid("a fully qualified domain name (it needs at least two labels, e.g. example.com)");
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                return new Result.Invalid("a domain name (it has an empty label)");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                return new Result.Invalid("a domain name (label '" + label + "' is longer than " + MAX_LABEL_LENGTH + ")");
            }
            if (!LDH_LABEL.matcher(label).matches()) {
                return new Result.Invalid("a domain name (label '" + label + "' must be letters, digits and inner hyphens)");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return new Result.Invalid("a domain name (the top-level label is numeric; use Source Ip for addresses)");
        }
        return new Result.Parsed(new BlockTarget.DomainName(text, ascii));
    }
}
