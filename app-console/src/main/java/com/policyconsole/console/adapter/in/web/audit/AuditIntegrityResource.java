package com.policyconsole.console.adapter.in.web.audit;

import com.policyconsole.domain.model.account.Roles;
import com.policyconsole.domain.model.audit.AuditAnchor;
import com.policyconsole.domain.model.audit.AuditChainHead;
import com.policyconsole.domain.model.audit.AuditVerificationRun;
import com.policyconsole.domain.port.HistoryUnavailableException;
import com.policyconsole.domain.port.in.AuditIntegrityUseCase;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/** Audit › Integrity: the chain head to note outside the console, and a verification of the whole trail on demand. */
@Path("/audit/integrity")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class AuditIntegrityResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance integrity(AuditChainHead head, AuditVerificationRun run, String anchor,
                                                 String error);
    }

    private static final int MAX_SHOWN = 200;

    private final AuditIntegrityUseCase trail;
    private final SecurityIdentity identity;

    public AuditIntegrityResource(AuditIntegrityUseCase trail, SecurityIdentity identity) {
        this.trail = trail;
        this.identity = identity;
    }

    @GET
    public Response show() {
        return page(200, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@RestForm("anchor") String anchorText) {
        String anchorInput = anchorText == null ? "" : anchorText.strip();
        if (anchorInput.length() > MAX_SHOWN) {
            anchorInput = anchorInput.substring(0, MAX_SHOWN);
        }
        Optional<AuditAnchor> anchor = AuditAnchor.parse(anchorInput);
        if (!anchorInput.isEmpty() && anchor.isEmpty()) {
            return page(422, anchorInput,
                    "Anchor: give a position and a SHA-256 hash as #position:hash (64 hexadecimal characters).");
        }
        try {
            trail.verify(identity.getPrincipal().getName(), anchor);
        } catch (HistoryUnavailableException e) {
            return page(503, anchorInput, "The database is unavailable, so the trail could not be verified.");
        }
        return page(200, anchorInput, null);
    }

    private Response page(int status, String anchor, String error) {
        try {
            return Response.status(status).entity(Templates.integrity(trail.head(),
                    trail.lastVerification().orElse(null), anchor, error)).build();
        } catch (HistoryUnavailableException e) {
            return Response.status(503).entity(Templates.integrity(null, trail.lastVerification().orElse(null),
                    anchor, "The database is unavailable, so the chain head cannot be read.")).build();
        }
    }
}
