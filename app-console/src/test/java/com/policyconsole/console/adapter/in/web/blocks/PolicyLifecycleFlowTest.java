package com.policyconsole.console.adapter.in.web.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.console.testing.ConsoleSession;
import com.policyconsole.console.testing.TestFormFactory;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.lifecycle.DeliveryCheck;
import com.policyconsole.domain.model.lifecycle.PolicyDelivery;
import com.policyconsole.domain.port.in.DeliveryStatusUseCase;
import com.policyconsole.sandbox.SandboxFaults;
import com.policyconsole.sandbox.SandboxState;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The life of a block over HTTP against the sandbox: its delivery per layer followed until final, a failed layer
 * retried, the active list with what the history knows and the drift both ways, a removal that the guardrails then
 * forget, a removal of what SecMaster no longer has, and an ageing change.
 */
@QuarkusTest
class PolicyLifecycleFlowTest {

    private static final String WAF = "c0ffee00-1234-4abc-9def-0123456789ab";

    @Inject
    SandboxState sandbox;

    @Inject
    SandboxFaults faults;

    @Inject
    DeliveryStatusUseCase deliveries;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void healTheSandbox() {
        faults.failLayers(Set.of());
        sandbox.deliveryTime(Duration.ZERO);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aLayerThatFailedIsShownAndRetriedForExactlyItsPolicy() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        faults.failLayers(Set.of("WAF"));
        sandbox.deliveryTime(Duration.ofMillis(400));
        String ip = TestFormFactory.freshIp();

        long entry = create(session, ip, WAF);
        PolicyDelivery failed = awaitFinal(entry);

        assertThat(failed.check()).isEqualTo(DeliveryCheck.FAILED);
        assertThat(failed.layers()).extracting(l -> l.defenseType() + " " + l.blockStatus())
                .containsExactlyInAnyOrder("CFW SUCCESS", "WAF FAILED");
        String page = session.get("/history/" + entry).then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"delivery-check\">FAILED").contains("retry-layers").contains(failed.policyId())
                .contains("sandbox fault injection");

        faults.failLayers(Set.of());
        String location = session.post("/history/" + entry + "/retry-layers", Map.of()).then().statusCode(303)
                .extract().header("Location");
        String retry = session.get(location.substring(location.indexOf("/history/"))).asString();
        assertThat(retry).contains("SUCCEEDED").contains("&quot;retry_list&quot;:[&quot;" + failed.policyId() + "&quot;]");
        assertThat(awaitFinal(entry).check()).isEqualTo(DeliveryCheck.DELIVERED);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void theActiveListShowsTheHistoryBesideSecMasterAndFlagsDriftBothWays() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        String mine = TestFormFactory.freshIp();
        long entry = create(session, mine.substring(0, mine.lastIndexOf('.')) + ".0/24", null);
        String policyId = awaitFinal(entry).policyId();
        String elsewhere = TestFormFactory.freshIp();
        sandbox.create(SandboxState.WORKSPACE_ID, policy(elsewhere));
        String gone = TestFormFactory.freshIp();
        long goneEntry = create(session, gone, null);
        String goneId = awaitFinal(goneEntry).policyId();
        sandbox.remove(SandboxState.WORKSPACE_ID, List.of(goneId));

        String found = session.get("/blocks?q=" + mine).then().statusCode(200).extract().asString();
        assertThat(found).as("an IP inside the policy's CIDR finds it").contains("data-policy=\"" + policyId + "\"")
                .contains("href=\"/history/" + entry + "\"").doesNotContain(elsewhere);
        String all = session.get("/blocks").then().statusCode(200).extract().asString();
        assertThat(all).contains(elsewhere).contains("not in the history").contains("id=\"drift-history\"")
                .contains(goneId);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void aRemovedBlockIsGoneFromTheListAndTheGuardrailsAndRemovingItAgainSendsNothing() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        String ip = TestFormFactory.freshIp();
        long entry = create(session, ip, null);
        String policyId = awaitFinal(entry).policyId();
        assertThat(TestFormFactory.blockForm(session, ip).when().post("/policies/preview").asString())
                .as("before the removal, blocking it again is a duplicate").contains("already");

        String preview = session.post("/blocks/remove/preview", Map.of("policy_id", policyId)).then().statusCode(200)
                .extract().asString();
        assertThat(preview).contains("/soc/policys/batch-delete").contains("{&quot;batch_ids&quot;:[&quot;" + policyId);
        String location = session.post("/blocks/remove", Map.of("policy_id", policyId)).then().statusCode(303)
                .extract().header("Location");
        long removal = Long.parseLong(location.replaceAll(".*/history/(\\d+).*", "$1"));

        assertThat(query("SELECT operation || ' ' || status FROM request_history WHERE id = " + removal))
                .containsExactly("REMOVE_EMERGENCY_POLICY SUCCEEDED");
        assertThat(query("SELECT subject_entry_id::text FROM policy_change_subject WHERE entry_id = " + removal))
                .containsExactly(Long.toString(entry));
        assertThat(sandbox.policy(SandboxState.WORKSPACE_ID, policyId)).isEmpty();
        assertThat(session.get("/blocks?q=" + ip).asString()).doesNotContain("data-policy=\"" + policyId + "\"");
        assertThat(TestFormFactory.blockForm(session, ip).when().post("/policies/preview").asString())
                .as("a removed block no longer counts in the guardrails").doesNotContain("already");

        long entries = count();
        String again = session.post("/blocks/remove", Map.of("policy_id", policyId)).then().statusCode(422)
                .extract().asString();
        assertThat(again).contains("SecMaster has no policy " + policyId);
        assertThat(count()).as("nothing recorded").isEqualTo(entries);
    }

    @Test
    @TestSecurity(user = "alice", roles = "operator")
    void anAgeingIsExtendedAsAnOperationOfItsOwn() throws Exception {
        ConsoleSession session = ConsoleSession.openWithoutLogin("/policies/new");
        long entry = create(session, TestFormFactory.freshIp(), null);
        String policyId = awaitFinal(entry).policyId();

        session.get("/blocks/" + policyId + "/ageing").then().statusCode(200);
        String preview = session.post("/blocks/ageing/preview", Map.of("policy_id", policyId, "ageing", "3d"))
                .then().statusCode(200).extract().asString();
        assertThat(preview).contains("PUT").contains("/soc/policys/" + policyId).contains("is_block_ageing&quot;:true");
        String fixed = preview.replaceAll("(?s).*name=\"ageing\" value=\"([^\"]+)\".*", "$1");
        String location = session.post("/blocks/ageing", Map.of("policy_id", policyId, "ageing", fixed))
                .then().statusCode(303).extract().header("Location");
        long change = Long.parseLong(location.replaceAll(".*/history/(\\d+).*", "$1"));

        assertThat(query("SELECT operation || ' ' || status FROM request_history WHERE id = " + change))
                .containsExactly("CHANGE_POLICY_AGEING SUCCEEDED");
        BlockAge age = sandbox.policy(SandboxState.WORKSPACE_ID, policyId).orElseThrow().policy().blockAge();
        assertThat(age.ageingInstant().orElseThrow()).isEqualTo(Instant.parse(fixed));
        assertThat(query("SELECT ageing_changed || ' ' || (ages_out_at IS NOT NULL) FROM secmaster_policy"
                + " WHERE entry_id = " + entry)).containsExactly("true true");
        session.post("/blocks/ageing", Map.of("policy_id", policyId, "ageing", "next tuesday")).then().statusCode(422);
    }

    /** Creates a BLOCK of {@code target} through the CFW connection (and {@code alsoConnection}); its entry ID. */
    private static long create(ConsoleSession session, String target, String alsoConnection) {
        var form = TestFormFactory.blockForm(session, target);
        if (alsoConnection != null) {
            form = form.formParam("connection", alsoConnection);
        }
        String location = form.formParam("acknowledge", "yes").when().post("/policies/submit").then().statusCode(303)
                .extract().header("Location");
        return Long.parseLong(location.replaceAll(".*/history/(\\d+).*", "$1"));
    }

    private PolicyDelivery awaitFinal(long entry) throws InterruptedException {
        PolicyDelivery delivery = null;
        for (Instant until = Instant.now().plusSeconds(30); Instant.now().isBefore(until); Thread.sleep(100)) {
            delivery = deliveries.deliveries(List.of(entry)).get(entry);
            if (delivery != null && delivery.check().isFinal()) {
                return delivery;
            }
        }
        throw new AssertionError("the delivery of entry " + entry + " did not end: " + delivery);
    }

    private static EmergencyPolicy policy(String target) {
        return EmergencyPolicy.builder().policyCategory("BLOCK").policyType("Source Ip").targets(List.of(target))
                .defensePolicyList(List.of(new DefenseConnection("84b273d3-47a8-3aba-bd00-7bdd1431d635", "CFW", null,
                        null, "CFW", null, null, null, null))).build();
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private long count() throws SQLException {
        return Long.parseLong(query("SELECT count(*) FROM request_history").get(0));
    }
}
