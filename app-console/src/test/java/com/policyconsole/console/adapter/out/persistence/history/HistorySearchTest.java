package com.policyconsole.console.adapter.out.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseConnection;
import com.policyconsole.domain.model.emergency.EmergencyPolicy;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.history.CloudOutcome;
import com.policyconsole.domain.model.history.HistoryDetail;
import com.policyconsole.domain.model.history.HistoryEntry;
import com.policyconsole.domain.model.history.HistoryFilter;
import com.policyconsole.domain.model.history.HistoryPage;
import com.policyconsole.domain.model.history.PendingRequest;
import com.policyconsole.domain.model.history.RenderedRequest;
import com.policyconsole.domain.model.history.RequestStatus;
import com.policyconsole.domain.model.history.SubmittedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HistorySearchTest {

    @Inject
    PostgresRequestHistory history;

    @Inject
    HistorySearch search;

    private final String actor = "auditee-" + UUID.randomUUID();
    private final SecMasterWorkspace workspace = new SecMasterWorkspace("proj", "ws-" + UUID.randomUUID());

    private long record(String target, CloudOutcome outcome) {
        EmergencyPolicy policy = EmergencyPolicy.builder().regionId("cn-north-4").category(PolicyCategory.BLOCK)
                .blockType(BlockType.SOURCE_IP).targets(target).blockAge(BlockAge.until(Instant.now().plusSeconds(600)))
                .connection(new DefenseConnection("c", "CFW", "cn-north-4", "x", "CFW", "0", "default", "p", "p"))
                .build();
        long id = history.recordPending(new PendingRequest(actor, Instant.now(),
                new SubmittedRequest.EmergencyPolicySubmission(EmergencyPolicyRequest.create(workspace, "25.5.0", policy)),
                new RenderedRequest("POST", "http://x", "/v1/x", Map.of(), Map.of(), Map.of("X-Auth-Token", "****"), "{\"k\":\"v\"}"), null));
        history.recordOutcome(id, outcome, Duration.ofMillis(5));
        return id;
    }

    private HistoryFilter byActor() {
        return new HistoryFilter(actor, null, null, null, null, null, null, null, null);
    }

    @Test
    void keysetPagesWalkEveryEntryOnceNewestFirst() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(record("8.8.8." + i, new CloudOutcome.Accepted("t" + i, null, 200, null, null)));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            HistoryPage page = search.page(byActor(), cursor, 2);
            page.entries().forEach(r -> seen.add(r.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        java.util.Collections.reverse(ids);
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void anIpFindsTheBlockThatContainsIt() {
        long block = record("203.0.113.0/24", new CloudOutcome.Accepted("t", null, 200, null, null));
        record("198.51.100.1", new CloudOutcome.Accepted("t", null, 200, null, null));

        HistoryFilter filter = new HistoryFilter(actor, null, null, "203.0.113.77", null, null, null, null, null);
        assertThat(search.page(filter, null, 50).entries()).extracting(HistoryEntry::id).containsExactly(block);
    }

    @Test
    void statusAndWorkspaceFiltersCombine() {
        record("8.8.4.4", new CloudOutcome.Accepted("t", null, 200, null, null));
        long refused = record("8.8.4.5", new CloudOutcome.Refused(400, "SecMaster.1", "bad", "r", null));

        HistoryFilter filter = new HistoryFilter(actor, null, RequestStatus.REFUSED, null, "proj", workspace.workspaceId(), null,
                null, null);
        assertThat(search.page(filter, null, 50).entries()).extracting(HistoryEntry::id).containsExactly(refused);
        assertThat(search.page(filter, null, 50).entries().get(0).errorCode()).isEqualTo("SecMaster.1");
    }

    @Test
    void detailCarriesTheRequestAndResponse() {
        long id = record("8.8.4.6", new CloudOutcome.Accepted("t", null, 200, "rid", "{\"success\":true}"));

        HistoryDetail detail = search.detail(id).orElseThrow();
        assertThat(detail.request().body()).isEqualTo("{\"k\":\"v\"}");
        assertThat(detail.request().pathTemplate()).isEqualTo("/v1/x");
        assertThat(detail.request().headers()).containsEntry("X-Auth-Token", "****");
        assertThat(detail.responseBody()).isEqualTo("{\"success\":true}");
        assertThat(detail.entry().targets()).containsExactly("8.8.4.6");
    }

    @Test
    void theExportStreamHandsOverEveryMatchingEntryNewestFirst() {
        long older = record("8.8.4.7", new CloudOutcome.Refused(400, "=cmd", "a, \"quoted\" message", null, null));
        long newer = record("8.8.4.8", new CloudOutcome.Accepted("t", null, 200, null, null));

        List<HistoryEntry> streamed = new ArrayList<>();
        search.forEach(byActor(), streamed::add);

        assertThat(streamed).extracting(HistoryEntry::id).containsExactly(newer, older);
        assertThat(streamed.get(1).errorCode()).isEqualTo("=cmd");
    }
}
