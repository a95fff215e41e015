package com.policyconsole.console.adapter.in.web.policy;

import com.policyconsole.console.adapter.in.web.ConfiguredConnection;
import com.policyconsole.console.adapter.in.web.FieldErrors;
import com.policyconsole.console.adapter.in.web.Results;
import com.policyconsole.console.adapter.in.web.SubmissionMetrics;
import com.policyconsole.console.adapter.in.web.WebSettings;
import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyCommand;
import com.policyconsole.domain.port.in.CreateEmergencyPolicyUseCase;
import com.policyconsole.domain.port.in.Preview;
import com.policyconsole.domain.port.in.PreviewRequestUseCase;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/** The emergency-policy form: fill in, preview the exact request, acknowledge warnings, submit. */
@Path("/policies")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
public class EmergencyPolicyResource {

    /** The form and preview pages; the history's "send again" opens the form too. */
    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance form(EmergencyPolicyForm form, FieldErrors errors,
                                            List<ConfiguredConnection> connections, String notice);

        static native TemplateInstance preview(EmergencyPolicyForm form, Preview preview, FieldErrors errors,
                                               boolean mustAcknowledge);
    }

    private final CreateEmergencyPolicyUseCase createPolicy;
    private final PreviewRequestUseCase previews;
    private final SubmissionMetrics metrics;
    private final SecurityIdentity identity;
    private final WebSettings settings;
    private final Clock clock;
    private final List<ConfiguredConnection> connections;

    public EmergencyPolicyResource(CreateEmergencyPolicyUseCase createPolicy, PreviewRequestUseCase previews,
                                   SubmissionMetrics metrics, SecurityIdentity identity, WebSettings settings, Clock clock) {
        this.createPolicy = createPolicy;
        this.previews = previews;
        this.metrics = metrics;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
        this.connections = settings.connections();
    }

    @GET
    @Path("/new")
    public TemplateInstance blank() {
        EmergencyPolicyForm form = EmergencyPolicyForm.defaults(settings.projectId(), settings.workspaceId(),
                settings.secmasterVersion(), settings.defaultRegion());
        return Templates.form(form, FieldErrors.none(), connections, null);
    }

    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance edit(@BeanParam EmergencyPolicyForm form) {
        return Templates.form(form, FieldErrors.none(), connections, null);
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@BeanParam EmergencyPolicyForm form) {
        EmergencyPolicyForm.Read read = form.read(connections, clock.instant());
        CreateEmergencyPolicyCommand command = command(read, false);
        Preview preview = previews.preview(command);
        Violations all = Violations.of(read.problems()).and(preview.violations());
        if (all.hasErrors()) {
            return Response.status(422).entity(Templates.form(form, new FieldErrors(all), connections, null)).build();
        }
        fixAgeing(form, read);
        return Response.ok(Templates.preview(form, preview, new FieldErrors(all), false)).build();
    }

    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam EmergencyPolicyForm form) {
        EmergencyPolicyForm.Read read = form.read(connections, clock.instant());
        CreateEmergencyPolicyCommand command = command(read, form.acknowledged());
        if (!read.problems().isEmpty()) {
            // every mistake at once, as the preview shows them, not only those found while reading the form
            Violations all = Violations.of(read.problems()).and(previews.preview(command).violations());
            return Response.status(422).entity(Templates.form(form, new FieldErrors(all), connections, null)).build();
        }
        SubmissionResult result = metrics.record("create_emergency_policy", () -> createPolicy.create(command));
        return Results.of(result, new Results.FormPages() {
            @Override
            public TemplateInstance form(Violations errors, String notice) {
                return Templates.form(form, new FieldErrors(errors), connections, notice);
            }

            @Override
            public TemplateInstance preview(Violations warnings) {
                return Templates.preview(form, previews.preview(command), new FieldErrors(warnings), true);
            }
        });
    }

    /**
     * A relative ageing such as {@code 24h} is resolved once, at preview: the preview's hidden field then carries
     * the instant shown in the body, so the request sent is exactly the one previewed.
     */
    private static void fixAgeing(EmergencyPolicyForm form, EmergencyPolicyForm.Read read) {
        if (read.policy().blockAge() != null && read.policy().blockAge().ages()) {
            read.policy().blockAge().ageingInstant().ifPresent(at -> form.ageing = at.toString());
        }
    }

    private CreateEmergencyPolicyCommand command(EmergencyPolicyForm.Read read, boolean acknowledged) {
        return new CreateEmergencyPolicyCommand(identity.getPrincipal().getName(), read.workspace(), read.version(),
                read.policy(), acknowledged, read.retryOf());
    }
}
