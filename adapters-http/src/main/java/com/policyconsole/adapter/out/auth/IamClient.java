package com.policyconsole.adapter.out.auth;

import com.policyconsole.adapter.out.http.WireJson;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** IAM's "Obtaining a User Token" ({@code POST /v3/auth/tokens}); the token comes back in {@code X-Subject-Token}. */
@RegisterRestClient(configKey = "iam")
@Path("/v3/auth/tokens")
interface IamClient {

    /** Asks for a token; {@code nocatalog=true} leaves the large service catalog out of the answer. */
    @POST
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response issueToken(@QueryParam("nocatalog") String nocatalog, byte[] body);
}
