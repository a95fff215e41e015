package com.policyconsole.console.adapter.in.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The last line: an exception nothing else handled becomes a plain error page with an error ID, and the
 * details go to the log only. No stack trace, class name or message of an exception ever reaches a page.
 */
public class UnexpectedErrorPage {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorPage.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(String errorId);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            return web.getResponse();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s", errorId);
        return Response.serverError().type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(errorId)).build();
    }
}
