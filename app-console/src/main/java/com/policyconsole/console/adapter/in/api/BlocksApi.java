package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.ApiJson;
import com.policyconsole.console.api.Idempotency;
import com.policyconsole.console.api.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.console.adapter.in.web.policy.AgeingInput;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.emergency.BlockAge;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.lifecycle.ActiveBlocks;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.ActiveBlocksQuery;
import com.policyconsole.domain.port.in.ChangePoliciesUseCase;
import com.policyconsole.domain.port.in.PolicyChangeCommand;
import com.policyconsole.domain.port.in.Preview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/** The workspace's active blocks over JSON, and the two changes made from them: unblocking and changing ageing. */
@Path("/api/v1/blocks")
@Tag(name = "Active blocks")
@Produces(MediaType.APPLICATION_JSON)
public class BlocksApi {

    private static final Set<String> REMOVAL = Set.of("policy_ids", "acknowledge_warnings");
    private static final Set<String> AGEING = Set.of("policy_id", "ageing", "acknowledge_warnings");

    /** One policy SecMaster holds, with the entry that created it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Block(@JsonProperty("policy_id") String policyId, String category, List<String> objects,
                        String status, @JsonProperty("created_at") Instant createdAt,
                        @JsonProperty("entry_id") Long entryId, @JsonProperty("in_history") boolean inHistory) {
    }

    private final ActiveBlocksQuery blocks;
    private final ChangePoliciesUseCase changes;
    private final ApiCaller caller;
    private final Idempotency idempotency;
    private final WebSettings settings;
    private final Clock clock;

    public BlocksApi(ActiveBlocksQuery blocks, ChangePoliciesUseCase changes, ApiCaller caller, Idempotency idempotency,
                     WebSettings settings, Clock clock) {
        this.blocks = blocks;
        this.changes = changes;
        this.caller = caller;
        this.idempotency = idempotency;
        this.settings = settings;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    @Operation(summary = "The active blocks", description = "SecMaster's policies in the console's workspace, newest "
            + "first; q finds an object (an IP also inside a CIDR) or a policy ID.")
    public Response list(@RestQuery String q) {
        if (q != null && q.length() > 256) {
            return Problem.of(400, "invalid-query", "The search is too long", "At most 256 characters.").response();
        }
        try {
            ActiveBlocks found = blocks.activeBlocks(workspace(), settings.secmasterVersion(), q);
            return ApiViews.ok(found.rows().stream().map(r -> new Block(r.policy().policyId(),
                    r.policy().policy().policyCategory(), r.policy().policy().targets(), r.policy().status(),
                    r.policy().createdAt(), r.known() == null ? null : r.known().entryId(), r.known() != null)).toList());
        } catch (CloudReadException e) {
            return Problem.of(502, "cloud-unreadable", "SecMaster could not be read", e.getMessage()).response();
        }
    }

    @POST
    @Path("/remove")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Unblock", description = "Body: policy_ids (at most 500), acknowledge_warnings. One "
            + "batch-delete, recorded before it is sent.")
    public Response remove(@HeaderParam(Idempotency.HEADER) String key, String body) {
        return idempotency.once(caller.token(), key, "POST /api/v1/blocks/remove\n" + body, () -> {
            Read read = read(body, false);
            return read.problem() != null ? read.problem() : ApiViews.submitted(changes.submit(read.command()));
        });
    }

    @POST
    @Path("/ageing")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a policy's ageing", description = "Body: policy_id, ageing (empty: never; 30m, 24h, "
            + "7d; or a UTC date-time), acknowledge_warnings.")
    public Response ageing(@HeaderParam(Idempotency.HEADER) String key, String body) {
        return idempotency.once(caller.token(), key, "POST /api/v1/blocks/ageing\n" + body, () -> {
            Read read = read(body, true);
            return read.problem() != null ? read.problem() : ApiViews.submitted(changes.submit(read.command()));
        });
    }

    @POST
    @Path("/{change}/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview an unblock (remove) or an ageing change (ageing)")
    public Response preview(@jakarta.ws.rs.PathParam("change") String change, String body) {
        if (!change.equals("remove") && !change.equals("ageing")) {
            return Problem.of(404, "not-found", "No such change", "Preview remove or ageing.").response();
        }
        Read read = read(body, change.equals("ageing"));
        if (read.problem() != null) {
            return read.problem();
        }
        Preview preview = changes.preview(read.command());
        return ApiViews.ok(ApiViews.Preview.of(preview.violations(), List.of(preview.rendered()),
                preview.approvalReasons()));
    }

    private record Read(PolicyChangeCommand command, Response problem) {
    }

    private Read read(String body, boolean ageingChange) {
        try {
            ObjectNode object = ApiJson.object(body, ageingChange ? AGEING : REMOVAL);
            List<String> ids = new ArrayList<>();
            BlockAge age = null;
            if (ageingChange) {
                String id = ApiJson.text(object, "policy_id");
                if (id != null) {
                    ids.add(id);
                }
                String ageing = ApiJson.text(object, "ageing");
                Optional<BlockAge> parsed = ageing != null && ageing.length() > 256 ? Optional.empty()
                        : AgeingInput.parse(ageing, clock.instant());
                if (parsed.isEmpty()) {
                    return new Read(null, invalid("ageing", "'" + EmergencyPoliciesApi.cut(String.valueOf(ageing))
                            + "' is not understood: " + AgeingInput.EXPECTATION));
                }
                age = parsed.get();
            } else {
                JsonNode list = object.get("policy_ids");
                if (list == null || !list.isArray() || list.size() > 500) {
                    return new Read(null, invalid("policy_ids", "policy_ids must be an array of at most 500 IDs"));
                }
                for (JsonNode id : list) {
                    if (!id.isTextual() || !id.asText().matches("[A-Za-z0-9._:-]{1,256}")) {
                        return new Read(null, invalid("policy_ids", "every policy ID is a string of letters, digits,"
                                + " '.', '_', ':' and '-'"));
                    }
                    ids.add(id.asText());
                }
            }
            return new Read(new PolicyChangeCommand(caller.actor(), workspace(), settings.secmasterVersion(), ids, age,
                    ApiJson.flag(object, "acknowledge_warnings")), null);
        } catch (ApiJson.BadBody e) {
            return new Read(null, e.problem().response());
        }
    }

    private static Response invalid(String field, String message) {
        return new Problem("urn:policy-console:problem:invalid-request", "The request breaks the rules", 422,
                "Nothing was sent: fix the violations below.", List.of(new Problem.ViolationView(field, "bad_format",
                message, "error"))).response();
    }

    private SecMasterWorkspace workspace() {
        return new SecMasterWorkspace(settings.projectId(), settings.workspaceId());
    }
}
