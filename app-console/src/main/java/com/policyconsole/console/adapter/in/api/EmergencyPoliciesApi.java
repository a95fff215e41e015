package com.policyconsole.console.adapter.in.api;

import com.policyconsole.console.api.ApiJson;
import com.policyconsole.console.api.Idempotency;
import com.policyconsole.console.api.Problem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.policyconsole.console.api.WireBodies;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.emergency.EmergencyPolicyRequest;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyUseCase;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.PreviewRequestUseCase;
import com.policyconsole.domain.port.in.RetryDeliveryCommand;
import com.policyconsole.domain.port.in.RetryDeliveryResult;
import com.policyconsole.domain.port.in.RetryDeliveryUseCase;
import com.policyconsole.domain.validation.Violations;
import com.policyconsole.domain.validation.Violation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SecMaster emergency policies over JSON: create (the same checks, guardrails, history-before-call and audit as the
 * form), preview, and retry a delivery. The policy is SecMaster's own {@code data_object}, as "Creating a Retry
 * Emergency Policy" defines it.
 */
@Path("/api/v1/emergency-policies")
@Tag(name = "Emergency policies")
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyPoliciesApi {

    private static final Set<String> FIELDS = Set.of("project_id", "workspace_id", "secmaster_version",
            "data_object", "acknowledge_warnings");

    private final CreateEmergencyPolicyUseCase creates;
    private final PreviewRequestUseCase previews;
    private final RetryDeliveryUseCase retries;
    private final ApiCaller caller;
    private final Idempotency idempotency;
    private final WebSettings settings;

    public EmergencyPoliciesApi(CreateEmergencyPolicyUseCase creates, PreviewRequestUseCase previews,
                                RetryDeliveryUseCase retries, ApiCaller caller, Idempotency idempotency,
                                WebSettings settings) {
        this.creates = creates;
        this.previews = previews;
        this.retries = retries;
        this.caller = caller;
        this.idempotency = idempotency;
        this.settings = settings;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an emergency policy", description = "Checked, recorded in the history, then sent. "
            + "Body: project_id, workspace_id, secmaster_version (the console's when absent), data_object (SecMaster's),"
            + " acknowledge_warnings. 201 with the entry and outcome; 422/409 problem+json with the violations.")
    public Response create(@HeaderParam(Idempotency.HEADER) String key, String body) {
        return idempotency.once(caller.token(), key, "POST /api/v1/emergency-policies\n" + body, () -> {
            Read read = read(body);
            if (read.problem() != null) {
                return read.problem();
            }
            if (!read.connectionFindings().isEmpty()) {
                // nothing is recorded or sent: the connection findings with the rules' findings, all at once
                return Problem.violations(Violations.of(withConnectionFindings(read,
                        previews.preview(read.command()).violations()))).response();
            }
            return ApiViews.submitted(creates.create(read.command()));
        });
    }

    @POST
    @Path("/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview an emergency policy", description = "The findings and the exact request; nothing is"
            + " recorded or sent.")
    public Response preview(String body) {
        Read read = read(body);
        if (read.problem() != null) {
            return read.problem();
        }
        Preview preview = previews.preview(read.command());
        return ApiViews.ok(ApiViews.Preview.of(Violations.of(withConnectionFindings(read, preview.violations())),
                List.of(preview.rendered()), preview.approvalReasons()));
    }

    @POST
    @Path("/{entry}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Retry a delivery", description = "For a create whose outcome is unknown or failed: looks the"
            + " policy up in SecMaster and sends action_type=retry with its ID (or sends the create again).")
    public Response retry(@HeaderParam(Idempotency.HEADER) String key, @PathParam("entry") String entry) {
        if (!entry.matches("[0-9]{1,18}")) {
            return Problem.of(404, "not-found", "No such entry", "There is no history entry " + cut(entry) + ".")
                    .response();
        }
        return idempotency.once(caller.token(), key, "POST retry " + entry, () -> {
            RetryDeliveryResult result = retries.retry(new RetryDeliveryCommand(caller.actor(), Long.parseLong(entry)));
            if (result instanceof RetryDeliveryResult.Submitted submitted) {
                return ApiViews.submitted(submitted.result());
            }
            if (result instanceof RetryDeliveryResult.NotFound) {
                return Problem.of(404, "not-found", "No such entry", "There is no history entry " + entry + ".")
                        .response();
            }
            if (result instanceof RetryDeliveryResult.NotRetryable refused) {
                return Problem.of(409, "not-retryable", "The entry cannot be retried", refused.reason()).response();
            }
            if (result instanceof RetryDeliveryResult.NotSearched failed) {
                return Problem.of(502, "cloud-unreadable", "SecMaster could not be read",
                        "Nothing was sent: SecMaster's policies could not be read to find what to retry ("
                                + failed.reason() + ").").response();
            }
            if (result instanceof RetryDeliveryResult.SendAgain again) {
                // it never reached SecMaster: the create is sent again, linked to the entry, with its own checks
                return ApiViews.submitted(creates.create(new CreateEmergencyPolicyCommand(caller.actor(),
                        again.workspace(), again.secmasterVersion(), again.policy(), true, again.entry().entry().id())));
            }
            RetryDeliveryResult.Ambiguous ambiguous = (RetryDeliveryResult.Ambiguous) result;
            return Problem.of(409, "ambiguous", "Several policies match", "Nothing was sent: SecMaster holds several"
                    + " policies that could be this create's: " + String.join(", ", ambiguous.policyIds())
                    + ".").response();
        });
    }

    /** The command a body asks for, or the problem with it; the findings about its connections. */
    private record Read(CreateEmergencyPolicyCommand command, Response problem, List<Violation> connectionFindings) {

        Read(CreateEmergencyPolicyCommand command, Response problem) {
            this(command, problem, List.of());
        }
    }

    private static List<Violation> withConnectionFindings(Read read, Violations rules) {
        List<Violation> all = new java.util.ArrayList<>(read.connectionFindings());
        all.addAll(rules.all());
        return all;
    }

    private Read read(String body) {
        try {
            ObjectNode object = ApiJson.object(body, FIELDS);
            WireBodies.Target target = WireBodies.target(object, new SecMasterWorkspace(settings.projectId(),
                    settings.workspaceId()), settings.secmasterVersion());
            boolean acknowledged = ApiJson.flag(object, "acknowledge_warnings");
            WireBodies.Create create = WireBodies.create(target, object.get("data_object"), settings.knownConnections());
            if (create.problem() != null) {
                return new Read(null, create.problem().response());
            }
            EmergencyPolicyRequest request = create.request();
            return new Read(new CreateEmergencyPolicyCommand(caller.actor(), request.workspace(),
                    request.secmasterVersion(), request.policy(), acknowledged), null, create.connectionFindings());
        } catch (ApiJson.BadBody e) {
            return new Read(null, e.problem().response());
        }
    }

    static String cut(String text) {
        return text.length() > 64 ? text.substring(0, 63) + "…" : text;
    }
}
