package com.policyconsole.console.adapter.out.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.guardrail.EmergencyPolicyGuardrails;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.SubmittedRequest;
import com.policyconsole.domain.model.history.WorkspacePolicies;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.ViolationCode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The guardrails find exactly the same with the inventory that answers questions (overlaps by index, counts) as
 * with the list of every active policy they used before, on a few hundred random workspaces: IPv4, IPv6, CIDR
 * blocks, user and domain names (IDN too), WHITE and BLOCK, active, expired and failed policies.
 */
@QuarkusTest
class InventoryEquivalenceTest {

    private static final long SEED = 20_261_201L;
    private static final int WORKSPACES = 200;
    private static final Map<BlockType, List<String>> POOL = Map.of(
            BlockType.SOURCE_IP, List.of("203.0.113.7", "203.0.113.0/24", "203.0.113.0/28", "203.0.113.4/30",
                    "203.0.112.0/23", "198.51.100.9", "198.51.100.0/25", "45.1.2.3", "2001:db8::1", "2001:db8::/64",
                    "2001:db8:0:1::/64", "2001:db8::/48", "2001:db8:0:1::9", "10.1.2.3", "0.0.0.0/1"),
            BlockType.USER_NAME, List.of("alice", "Alice", "bob", "carol.smith", "ops-admin"),
            BlockType.DOMAIN_NAME, List.of("example.com", "EXAMPLE.com", "a.example.com", "bücher.de",
                    "xn--bcher-kva.de", "evil.test"));

    @Inject
    PostgresRequestHistory history;

    @Test
    void queryBasedAndListBasedInventoriesGiveTheGuardrailsTheSameFindings() {
        Random random = new Random(SEED);
        Instant now = Instant.now();
        int compared = 0;
        int withFindings = 0;
        for (int w = 0; w < WORKSPACES; w++) {
            SecMasterWorkspace ws = new SecMasterWorkspace("proj-eq", "ws-eq-" + UUID.randomUUID());
            int policies = random.nextInt(12);
            for (int i = 0; i < policies; i++) {
                record(ws, randomPolicy(random, now), random.nextInt(10) < 8);
            }
            WorkspacePolicies everything = ListBasedInventory.policies(ws, now);
            for (int c = 0; c < 3; c++) {
                EmergencyPolicyRequest candidate = EmergencyPolicyRequest.create(ws, "25.5.0", randomPolicy(random, now));
                WorkspacePolicies asked = history.policies(ws, candidate.policy().parsedTargets());
                List<String> before = findings(candidate, everything, now);
                List<String> after = findings(candidate, asked, now);
                assertThat(after).as("workspace %d, candidate %s", w, candidate.policy().targets())
                        .containsExactlyInAnyOrderElementsOf(before);
                assertThat(asked.total()).isEqualTo(everything.total());
                assertThat(asked.withAgeing()).isEqualTo(everything.withAgeing());
                compared++;
                withFindings += before.stream().anyMatch(InventoryEquivalenceTest::aboutExisting) ? 1 : 0;
            }
        }
        assertThat(compared).isEqualTo(WORKSPACES * 3);
        assertThat(withFindings).as("candidates that overlap an existing policy (the comparison is not vacuous)")
                .isGreaterThan(WORKSPACES / 2);
    }

    /** Whether a finding is about an existing policy (the part the inventory feeds), by its code. */
    private static boolean aboutExisting(String finding) {
        return finding.contains("[" + ViolationCode.OVERLAPS_OPPOSITE_CATEGORY + "]")
                || finding.contains("[" + ViolationCode.ALREADY_ACTIVE + "]");
    }

    private static List<String> findings(EmergencyPolicyRequest candidate, WorkspacePolicies known, Instant now) {
        return EmergencyPolicyGuardrails.check(candidate, known, now).all().stream().map(Violation::toString).toList();
    }

    private static EmergencyPolicy randomPolicy(Random random, Instant now) {
        BlockType type = random.nextInt(10) < 6 ? BlockType.SOURCE_IP
                : random.nextBoolean() ? BlockType.USER_NAME : BlockType.DOMAIN_NAME;
        PolicyCategory category = type == BlockType.USER_NAME || random.nextInt(3) > 0
                ? PolicyCategory.BLOCK : PolicyCategory.WHITE;
        List<String> pool = POOL.get(type);
        List<String> targets = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            String target = pool.get(random.nextInt(pool.size()));
            if (!targets.contains(target)) {
                targets.add(target);
            }
        }
        BlockAge age = switch (random.nextInt(3)) {
            case 0 -> BlockAge.none();
            case 1 -> BlockAge.until(now.plus(Duration.ofHours(1 + random.nextInt(48))));
            default -> BlockAge.until(now.minus(Duration.ofHours(1 + random.nextInt(48))));
        };
        return EmergencyPolicy.builder().regionId("cn-north-4").category(category).blockType(type)
                .targets(targets.toArray(String[]::new)).blockAge(age)
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
    }

    private void record(SecMasterWorkspace ws, EmergencyPolicy policy, boolean succeeded) {
        long id = history.recordPending(new PendingRequest("equivalence", Instant.now(),
                new SubmittedRequest.EmergencyPolicySubmission(EmergencyPolicyRequest.create(ws, "25.5.0", policy)),
                new RenderedRequest("POST", "http://x", "/v1/x", Map.of(), Map.of(), Map.of(), "{}"), null));
        history.recordOutcome(id, succeeded ? new CloudOutcome.Accepted("t", null, 200, null, null)
                : new CloudOutcome.Failed(0, "NETWORK.CONNECTION_REFUSED", "refused", null, null), Duration.ZERO);
    }
}
