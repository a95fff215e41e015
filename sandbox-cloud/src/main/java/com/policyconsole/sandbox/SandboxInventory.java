package com.policyconsole.sandbox;

import com.policyconsole.domain.model.config.ConfigRule;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.model.config.PolicyFilter;
import com.policyconsole.domain.model.config.ResourceCompliance;
import com.policyconsole.domain.model.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The small inventory of fake resources the sandbox's Config evaluates rules over, and the evaluation: each built-in
 * definition of {@link SandboxCatalog} decides with its parameters (e.g. {@code allowed-images-by-id} flags servers
 * whose image is not in {@code listOfAllowedImages}); a custom rule, whose function the sandbox cannot run, flags the
 * resources tagged {@value #CUSTOM_FLAG}. A rule's {@code policy_filter} narrows the resources evaluated.
 */
public final class SandboxInventory {

    /** The image most servers run. */
    public static final String STANDARD_IMAGE = "3c9a1b2e-5d4f-4e6a-9b8c-7d6e5f4a3b2c";
    /** The image two older servers still run. */
    public static final String LEGACY_IMAGE = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    /** The tag a custom rule's resources are flagged by. */
    public static final String CUSTOM_FLAG = "sandbox-noncompliant";

    /** A fake resource: its type as {@code provider.type}, its region, its tags and the properties rules look at. */
    public record Resource(String id, String name, String type, String region, Map<String, String> tags,
                           Map<String, String> properties) {
    }

    private static final List<Resource> RESOURCES = List.of(
            server("ecs-web-1", STANDARD_IMAGE, Map.of("env", "prod", "owner", "web")),
            server("ecs-web-2", STANDARD_IMAGE, Map.of("env", "prod", "owner", "web")),
            server("ecs-batch-1", LEGACY_IMAGE, Map.of("env", "test")),
            server("ecs-batch-2", LEGACY_IMAGE, Map.of("env", "test", CUSTOM_FLAG, "yes")),
            server("ecs-jump", STANDARD_IMAGE, Map.of("owner", "secops")),
            volume("evs-web-1", true, Map.of("env", "prod")),
            volume("evs-web-2", true, Map.of("env", "prod")),
            volume("evs-batch", false, Map.of("env", "test")),
            volume("evs-scratch", false, Map.of()),
            new Resource("vpc-0001", "vpc-main", "vpc.vpcs", "ap-southeast-1", Map.of("env", "prod"), Map.of()),
            new Resource("vpc-0002", "vpc-lab", "vpc.vpcs", "ap-southeast-3", Map.of(CUSTOM_FLAG, "yes"), Map.of()),
            new Resource("iam-password-policy", "account password policy", "iam.passwordpolicy", "global", Map.of(),
                    Map.of("minimum_length", "8")));

    private SandboxInventory() {
    }

    public static List<Resource> resources() {
        return RESOURCES;
    }

    /** Every resource the rule evaluates, each Compliant or NonCompliant, evaluated at {@code at}. */
    public static List<ResourceCompliance> evaluate(ConfigRule rule, Instant at) {
        List<ResourceCompliance> results = new ArrayList<>();
        String definition = rule.assignmentType().orElse(null) == PolicyAssignmentType.CUSTOM ? null
                : SandboxCatalog.find(rule.policyDefinitionId()).map(d -> d.name()).orElse(null);
        for (Resource r : RESOURCES) {
            if (!inScope(definition, r) || !matches(rule.policyFilter(), r)) {
                continue;
            }
            boolean compliant = rule.assignmentType().orElse(null) == PolicyAssignmentType.CUSTOM
                    ? !r.tags().containsKey(CUSTOM_FLAG) : complies(definition, rule.parameters(), r);
            results.add(new ResourceCompliance(r.id(), r.name(), r.type(), r.region(),
                    compliant ? ResourceCompliance.COMPLIANT : ResourceCompliance.NON_COMPLIANT, at));
        }
        return results;
    }

    private static boolean inScope(String definition, Resource r) {
        if (definition == null) {
            return true;
        }
        return switch (definition) {
            case "allowed-images-by-id" -> r.type().equals("ecs.cloudservers");
            case "volumes-encrypted-check" -> r.type().equals("evs.volumes");
            case "iam-password-policy" -> r.type().equals("iam.passwordpolicy");
            default -> !r.type().equals("iam.passwordpolicy");
        };
    }

    private static boolean complies(String definition, Map<String, JsonValue> parameters, Resource r) {
        Map<String, JsonValue> p = parameters == null ? Map.of() : parameters;
        return switch (definition == null ? "" : definition) {
            case "allowed-images-by-id" -> strings(p.get("listOfAllowedImages")).contains(r.properties().get("image_id"));
            case "volumes-encrypted-check" -> Boolean.parseBoolean(r.properties().get("encrypted"));
            case "iam-password-policy" -> Integer.parseInt(r.properties().get("minimum_length"))
                    >= number(p.get("minimumLength"), 8);
            case "resources-have-required-tag" -> {
                Set<String> key = strings(p.get("tagKey"));
                Set<String> values = strings(p.get("tagValue"));
                String held = key.isEmpty() ? null : r.tags().get(key.iterator().next());
                yield held != null && (values.isEmpty() || values.contains(held));
            }
            default -> true;
        };
    }

    private static boolean matches(PolicyFilter f, Resource r) {
        if (f == null) {
            return true;
        }
        String provider = r.type().substring(0, r.type().indexOf('.'));
        String type = r.type().substring(r.type().indexOf('.') + 1);
        return (f.regionId() == null || f.regionId().equals(r.region()))
                && (f.resourceProvider() == null || f.resourceProvider().equals(provider))
                && (f.resourceType() == null || f.resourceType().equals(type))
                && (f.resourceId() == null || f.resourceId().equals(r.id()))
                && (f.tagKey() == null || r.tags().containsKey(f.tagKey())
                        && (f.tagValue() == null || f.tagValue().equals(r.tags().get(f.tagKey()))));
    }

    private static Set<String> strings(JsonValue value) {
        if (value instanceof JsonValue.JsonString s) {
            return Set.of(s.value());
        }
        if (value instanceof JsonValue.JsonArray a) {
            return a.items().stream().filter(JsonValue.JsonString.class::isInstance)
                    .map(i -> ((JsonValue.JsonString) i).value()).collect(Collectors.toSet());
        }
        return Set.of();
    }

    private static int number(JsonValue value, int fallback) {
        return value instanceof JsonValue.JsonNumber n ? n.value().min(BigDecimal.valueOf(1000)).intValue() : fallback;
    }

    private static Resource server(String name, String image, Map<String, String> tags) {
        return new Resource("ecs-" + Integer.toHexString(name.hashCode()), name, "ecs.cloudservers", "ap-southeast-1",
                tags, Map.of("image_id", image));
    }

    private static Resource volume(String name, boolean encrypted, Map<String, String> tags) {
        return new Resource("evs-" + Integer.toHexString(name.hashCode()), name, "evs.volumes", "ap-southeast-1", tags,
                Map.of("encrypted", Boolean.toString(encrypted)));
    }
}
