package com.policyconsole.adapter.out.secmaster;

import static com.policyconsole.domain.TestRequestFactory.emergencyRequest;
import static com.policyconsole.domain.TestRequestFactory.seedPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What is checked is what is sent: for 10,000 random bodies — objects, descriptions and labels with whitespace,
 * line breaks, tabs, no-break spaces and control characters in random places — every body the rules accept goes on
 * the wire with exactly the values the rules checked (the objects as {@code targets()} read them, the texts as they
 * are), and the body read back from the wire is the one that was checked.
 */
class CheckedIsSentPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NOISE = List.of(" ", "\n", "\r", "\t", "\u00a0", "\u2003", "\u0000", "\u001b",
            "\u2028", "\u202e", "");
    private static final List<String> OBJECTS = List.of("203.0.113.7", "198.51.100.0/24", "2001:db8::1", "10.0.0.1",
            "192.0.2.55");

    @Test
    void forTenThousandRandomBodiesTheValueSentIsTheValueChecked() throws Exception {
        Random random = new Random(20261207L);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 10_000; i++) {
            List<String> parts = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                parts.add(noisy(random, OBJECTS.get(random.nextInt(OBJECTS.size()))));
            }
            EmergencyPolicy policy = seedPolicy().toBuilder().blockTarget(String.join(",", parts))
                    .description(noisy(random, "incident SEC-" + i)).labels(noisy(random, "soc")).build();
            EmergencyPolicyRequest request = emergencyRequest(policy);
            Violations violations = SecMasterRules.validate(request);
            if (violations.hasErrors()) {
                refused++;
                continue;
            }
            accepted++;
            JsonNode wire = JSON.readTree(SecMasterCodec.writeRequest(request)).get("data_object");
            assertThat(wire.get("block_target").asText()).as("body %d", i)
                    .isEqualTo(String.join(",", policy.targets()));
            assertThat(wire.get("description").asText()).isEqualTo(policy.description());
            assertThat(wire.get("labels").asText()).isEqualTo(policy.labels());
            EmergencyPolicy readBack = SecMasterCodec.readRequest(request.workspace(), request.secmasterVersion(),
                    "create", SecMasterCodec.writeRequest(request)).value().policy();
            assertThat(readBack.targets()).isEqualTo(policy.targets());
            assertThat(SecMasterRules.validate(emergencyRequest(readBack)).hasErrors()).isFalse();
        }
        assertThat(accepted).as("bodies accepted").isGreaterThan(500);
        assertThat(refused).as("bodies refused").isGreaterThan(500);
    }

    /** {@code value} with, at random, a noise character before or after it (or none). */
    private static String noisy(Random random, String value) {
        String before = random.nextInt(3) == 0 ? NOISE.get(random.nextInt(NOISE.size())) : "";
        String after = random.nextInt(3) == 0 ? NOISE.get(random.nextInt(NOISE.size())) : "";
        return before + value + after;
    }
}
