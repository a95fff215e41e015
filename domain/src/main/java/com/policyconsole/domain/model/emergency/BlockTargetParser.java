package com.policyconsole.domain.model.emergency;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
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

    private static final IPAddressStringParameters STRICT_IP = new IPAddressStringParameters.Builder()
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

    /** Hex digits, colons, dots, and at most one prefix length without leading zeros. */
    private static final Pattern IP_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+(/(0|[1-9][0-9]{0,2}))?");
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

    /** Parses {@code text} (already trimmed) as an object of {@code type}. */
    public static Result parse(BlockType type, String text) {
        return switch (type) {
            case SOURCE_IP -> parseIp(text);
            case USER_NAME -> parseUserName(text);
            case DOMAIN_NAME -> parseDomainName(text);
        };
    }

    static Result parseIp(String text) {
        if (text.isEmpty() || text.length() > 49 || !IP_CHARACTERS.matcher(text).matches()) {
            return new Result.Invalid("an IPv4 or IPv6 address or CIDR block");
        }
        IPAddress address = new IPAddressString(text, STRICT_IP).getAddress();
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
