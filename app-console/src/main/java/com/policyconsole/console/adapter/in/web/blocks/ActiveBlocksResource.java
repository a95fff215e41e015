package com.policyconsole.console.adapter.in.web.blocks;

import com.policyconsole.console.adapter.in.web.FieldErrors;
import com.policyconsole.console.adapter.in.web.Results;
import com.policyconsole.console.adapter.in.web.SubmissionMetrics;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.emergency.SecMasterWorkspace;
import com.policyconsole.domain.model.lifecycle.ActiveBlocks;
import com.policyconsole.domain.model.lifecycle.HistoryPolicy;
import com.policyconsole.domain.port.CloudReadException;
import com.policyconsole.domain.port.in.ActiveBlocksQuery;
import com.policyconsole.domain.port.in.ChangePoliciesUseCase;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.SubmissionResult;
import com.policyconsole.domain.validation.Violations;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The workspace's active blocks as SecMaster reports them, beside the history (drift flagged both ways), searchable by
 * object; and the two changes made from it: removing policies and changing one's ageing, each previewed, confirmed,
 * and recorded in the history before it is sent.
 */
@Path("/blocks")
@Produces(MediaType.TEXT_HTML)
public class ActiveBlocksResource {

    /** Longest search text read. */
    static final int MAX_SEARCH = 256;

    /** The pages of the active blocks and of a change. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance blocks(SecMasterWorkspace workspace, String search, List<BlockRow> rows,
                                              List<HistoryPolicy> notInSecMaster, int total, long unknown,
                                              String problem);

        static native TemplateInstance change(PolicyChangeForm form, boolean ageingChange, Preview preview,
                                              FieldErrors errors, boolean mustAcknowledge, String notice);
    }

    private final ActiveBlocksQuery blocks;
    private final ChangePoliciesUseCase changes;
    private final SubmissionMetrics metrics;
    private final SecurityIdentity identity;
    private final WebSettings settings;
    private final Clock clock;

    public ActiveBlocksResource(ActiveBlocksQuery blocks, ChangePoliciesUseCase changes, SubmissionMetrics metrics,
                                SecurityIdentity identity, WebSettings settings, Clock clock) {
        this.blocks = blocks;
        this.changes = changes;
        this.metrics = metrics;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.AUDITOR})
    public Response list(@RestQuery("q") String search) {
        SecMasterWorkspace workspace = new SecMasterWorkspace(settings.projectId(), settings.workspaceId());
        String q = search == null ? "" : search.strip();
        if (q.length() > MAX_SEARCH) {
            return Response.status(400).entity(Templates.blocks(workspace, q.substring(0, MAX_SEARCH), List.of(),
                    List.of(), 0, 0, "The search is longer than " + MAX_SEARCH + " characters.")).build();
        }
        try {
            ActiveBlocks found = blocks.activeBlocks(workspace, settings.secmasterVersion(), q);
            Instant now = clock.instant();
            return Response.ok(Templates.blocks(workspace, q, found.rows().stream().map(r -> BlockRow.of(r, now)).toList(),
                    found.notInSecMaster(), found.total(), found.unknownToHistory(), null)).build();
        } catch (CloudReadException e) {
            return Response.status(502).entity(Templates.blocks(workspace, q, List.of(), List.of(), 0, 0,
                    "SecMaster's policies could not be read: " + e.getMessage())).build();
        }
    }

    @POST
    @Path("/remove/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewRemoval(@BeanParam PolicyChangeForm form) {
        return preview(form, false);
    }

    @POST
    @Path("/remove")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@BeanParam PolicyChangeForm form) {
        return submit(form, false, "remove_emergency_policy");
    }

    /** The ageing form of one policy, its current ageing filled in. */
    @GET
    @Path("/{policyId}/ageing")
    @RolesAllowed(Roles.OPERATOR)
    public Response ageingForm(@PathParam("policyId") String policyId, @RestQuery String ageing) {
        PolicyChangeForm form = PolicyChangeForm.of(settings.projectId(), settings.workspaceId(),
                settings.secmasterVersion(), List.of(policyId));
        form.ageing = ageing;
        return Response.ok(Templates.change(form, true, null, FieldErrors.none(), false, null)).build();
    }

    @POST
    @Path("/ageing/preview")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewAgeing(@BeanParam PolicyChangeForm form) {
        return preview(form, true);
    }

    @POST
    @Path("/ageing")
    @RolesAllowed(Roles.OPERATOR)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeAgeing(@BeanParam PolicyChangeForm form) {
        return submit(form, true, "change_policy_ageing");
    }

    private Response preview(PolicyChangeForm form, boolean ageingChange) {
        PolicyChangeForm.Read read = read(form, ageingChange);
        if (!read.problems().isEmpty()) {
            return formProblems(form, ageingChange, read);
        }
        Preview preview = changes.preview(read.command());
        if (ageingChange && read.command().newAge() != null && read.command().newAge().ages()) {
            // a relative ageing such as 7d is fixed at preview: what is confirmed is what was shown
            read.command().newAge().ageingInstant().ifPresent(at -> form.ageing = at.toString());
        }
        return Response.status(preview.violations().hasErrors() ? 422 : 200).entity(Templates.change(form,
                ageingChange, preview, new FieldErrors(preview.violations()), false, null)).build();
    }

    private Response submit(PolicyChangeForm form, boolean ageingChange, String operation) {
        PolicyChangeForm.Read read = read(form, ageingChange);
        if (!read.problems().isEmpty()) {
            return formProblems(form, ageingChange, read);
        }
        SubmissionResult result = metrics.record(operation, () -> changes.submit(read.command()));
        return Results.of(result, new Results.FormPages() {
            @Override
            public TemplateInstance form(Violations errors, String notice) {
                return Templates.change(form, ageingChange, null, new FieldErrors(errors), false, notice);
            }

            @Override
            public TemplateInstance preview(Violations warnings) {
                return Templates.change(form, ageingChange, changes.preview(read.command()), new FieldErrors(warnings),
                        true, null);
            }
        });
    }

    /** The form read for the console's workspace unless it names one. */
    private PolicyChangeForm.Read read(PolicyChangeForm form, boolean ageingChange) {
        defaults(form);
        return form.read(actor(), ageingChange, clock.instant());
    }

    /** The form again (422) with its own problems. */
    private static Response formProblems(PolicyChangeForm form, boolean ageingChange, PolicyChangeForm.Read read) {
        return Response.status(422).entity(Templates.change(form, ageingChange, null,
                new FieldErrors(Violations.of(read.problems())), false, null)).build();
    }

    /** A form that names no workspace or version (the dashboard's, a script's) is about the console's. */
    private void defaults(PolicyChangeForm form) {
        if (form.projectId == null || form.projectId.isBlank()) {
            form.projectId = settings.projectId();
        }
        if (form.workspaceId == null || form.workspaceId.isBlank()) {
            form.workspaceId = settings.workspaceId();
        }
        if (form.secmasterVersion == null || form.secmasterVersion.isBlank()) {
            form.secmasterVersion = settings.secmasterVersion();
        }
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
