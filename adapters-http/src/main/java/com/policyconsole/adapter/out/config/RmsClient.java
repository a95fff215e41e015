package com.policyconsole.adapter.out.config;

import com.policyconsole.adapter.out.http.AuthHeaders;
import com.policyconsole.adapter.out.http.WireJson;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Config's (RMS) rule and policy-definition endpoints. Bodies are the exact bytes built (and, with AK/SK,
 * signed) by the gateway; responses are read as text so that every status and body shape can be mapped.
 */
@RegisterRestClient(configKey = "rms")
@Path("/v1/resource-manager")
interface RmsClient {

    /** "Adding a Rule": {@code PUT /v1/resource-manager/domains/{domain_id}/policy-assignments}. */
    @PUT
    @Path("/domains/{domain_id}/policy-assignments")
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response addRule(@PathParam("domain_id") String domainId,
                     @BeanParam AuthHeaders authentication,
                     byte[] body);

    /** The account's rules, one page: {@code GET …/policy-assignments?limit=&marker=}. */
    @GET
    @Path("/domains/{domain_id}/policy-assignments")
    @Produces(MediaType.APPLICATION_JSON)
    Response listRules(@PathParam("domain_id") String domainId,
                       @QueryParam("limit") String limit,
                       @QueryParam("marker") String marker,
                       @BeanParam AuthHeaders authentication);

    /** The built-in policy definitions: {@code GET /v1/resource-manager/policy-definitions}. */
    @GET
    @Path("/policy-definitions")
    @Produces(MediaType.APPLICATION_JSON)
    Response definitions(@QueryParam("marker") String marker,
                         @HeaderParam(RmsConfigRuleGateway.LANGUAGE_HEADER) String language,
                         @BeanParam AuthHeaders authentication);
}
