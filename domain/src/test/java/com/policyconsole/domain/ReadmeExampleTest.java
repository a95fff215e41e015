package com.policyconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.validation.SecMasterRules;
import com.policyconsole.domain.validation.Violation;
import com.policyconsole.domain.validation.Violations;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The example in the README, compiled and run: keep the two identical. */
class ReadmeExampleTest {

    @Test
    void readmeExampleReportsTheBadObjectByItsWirePath() {
        // README example: start
        EmergencyPolicy policy = EmergencyPolicy.builder()
                .regionId("cn-north-4")
                .category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP)
                .targets("203.0.113.7", "198.51.100.0/24", "10.0.0.300")
                .blockAge(BlockAge.until(Instant.parse("2030-01-01T00:00:00Z")))
                .connection(new DefenseConnection("84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW", "cn-north-4",
                        "CN North-Beijing4", "CFW", "0", "default", "3bb27e024693436da46b5f5aaf499060", "cn-north-4"))
                .build();
        var request = EmergencyPolicyRequest.create(new SecMasterWorkspace("3bb27e024693436da46b5f5aaf499060", "ws-1"),
                "25.5.0", policy);
        Violations violations = SecMasterRules.validate(request);
        violations.all().forEach(v -> System.out.println(v.path() + " " + v.code() + ": " + v.message()));
        // README example: end

        assertThat(violations.errors()).extracting(Violation::path, Violation::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("data_object.block_target",
                        "'10.0.0.300' (object 3) is not an IPv4 or IPv6 address or CIDR block"));
    }
}
