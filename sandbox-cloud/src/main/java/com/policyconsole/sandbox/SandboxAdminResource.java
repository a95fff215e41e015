package com.policyconsole.sandbox;

import com.policyconsole.domain.model.account.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/** Admin › Sandbox: set the sandbox's fault injection at runtime to demonstrate retries and unknown outcomes. */
@Path("/admin/sandbox")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class SandboxAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance faults(SandboxFaults.Settings settings, String failingLayers, String message,
                                              boolean error);
    }

    private final SandboxFaults faults;

    public SandboxAdminResource(SandboxFaults faults) {
        this.faults = faults;
    }

    @GET
    public TemplateInstance show() {
        return Templates.faults(faults.settings(), layers(), null, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestForm("throttle") String throttle, @RestForm("server_error") String serverError,
                           @RestForm("timeout") String timeout, @RestForm("fail_next") String failNext,
                           @RestForm("fail_layers") String failLayers) {
        try {
            SandboxFaults.Settings next = new SandboxFaults.Settings(number(throttle), number(serverError),
                    number(timeout), number(failNext));
            List<String> layers = layers(failLayers);
            faults.update(next);
            faults.failLayers(layers);
            return Response.ok(Templates.faults(faults.settings(), layers(),
                    "Saved: the next calls follow these settings.", false)).build();
        } catch (IllegalArgumentException e) {
            return Response.status(422).entity(Templates.faults(faults.settings(), layers(), e.getMessage(), true))
                    .build();
        }
    }

    /** The defense layers whose deliveries fail, as the form shows them. */
    private String layers() {
        return String.join(", ", new java.util.TreeSet<>(faults.failingLayers()));
    }

    /** Layers named in the form, comma-separated: each one of the sandbox's layers. */
    private static List<String> layers(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> layers = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String layer = part.strip().toUpperCase(java.util.Locale.ROOT);
            if (layer.isEmpty()) {
                continue;
            }
            if (!SandboxState.CONNECTIONS.containsValue(layer)) {
                throw new IllegalArgumentException("'" + cut(part.strip()) + "' is not one of the sandbox's defense layers "
                        + new java.util.TreeSet<>(SandboxState.CONNECTIONS.values()));
            }
            layers.add(layer);
        }
        return layers;
    }

    private static String cut(String s) {
        String printable = s.replaceAll("[^\\p{Print}]", "?");
        return printable.length() > 32 ? printable.substring(0, 32) + "…" : printable;
    }

    private static int number(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        if (!text.strip().matches("\\d{1,4}")) {
            throw new IllegalArgumentException("'" + text.strip().replaceAll("[^\\p{Print}]", "?")
                    + "' is not a whole number from 0 to 100");
        }
        return Integer.parseInt(text.strip());
    }
}
