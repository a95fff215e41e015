package com.policyconsole.console.adapter.in.web.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The JSON API's page: every operation of the OpenAPI document ({@code /q/openapi}), with curl examples. */
@Path("/api-docs")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApiDocsResource {

    /** One operation of the document. */
    public record Operation(String method, String path, String tag, String summary, String description,
                            List<String> roles) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance api(List<Operation> operations);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpenApiDocumentService documents;

    public ApiDocsResource(OpenApiDocumentService documents) {
        this.documents = documents;
    }

    @GET
    public TemplateInstance page() throws IOException {
        JsonNode paths = JSON.readTree(documents.getDocument("<default>", Format.JSON)).path("paths");
        List<Operation> operations = new ArrayList<>();
        paths.fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                JsonNode o = op.getValue();
                List<String> roles = new ArrayList<>();
                o.path("security").forEach(s -> s.fields().forEachRemaining(f -> f.getValue()
                        .forEach(r -> roles.add(r.asText()))));
                operations.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        o.path("tags").path(0).asText(""), o.path("summary").asText(""),
                        o.path("description").asText(""), roles));
            });
        });
        return Templates.api(operations);
    }
}
