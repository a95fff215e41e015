package com.policyconsole.adapter.out.config;

import com.policyconsole.adapter.out.http.AuthHeaders;
import com.policyconsole.adapter.out.http.WireJson;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

    /** One rule: {@code GET …/policy-assignments/{id}}. */
    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response showRule(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                      @BeanParam AuthHeaders authentication);

    /** "Updating a Rule": {@code PUT …/policy-assignments/{id}}. */
    @PUT
    @Path("/domains/{domain_id}/policy-assignments/{id}")
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response updateRule(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                        @BeanParam AuthHeaders authentication, byte[] body);

    /** "Deleting a Rule": {@code DELETE …/policy-assignments/{id}}. */
    @DELETE
    @Path("/domains/{domain_id}/policy-assignments/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response deleteRule(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                        @BeanParam AuthHeaders authentication);

    /** Enabling ({@code …/{id}/enable}) or disabling ({@code …/{id}/disable}) a rule; {@code action} is the last segment. */
    @POST
    @Path("/domains/{domain_id}/policy-assignments/{id}/{action}")
    @Produces(MediaType.APPLICATION_JSON)
    Response switchRule(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                        @PathParam("action") String action, @BeanParam AuthHeaders authentication);

    /** "Running a Resource Compliance Evaluation": {@code POST …/{id}/policy-states/run-evaluation}. */
    @POST
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states/run-evaluation")
    @Produces(MediaType.APPLICATION_JSON)
    Response runEvaluation(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                           @BeanParam AuthHeaders authentication);

    /** The last evaluation: {@code GET …/{id}/policy-states/evaluation-state}. */
    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states/evaluation-state")
    @Produces(MediaType.APPLICATION_JSON)
    Response evaluationState(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                             @BeanParam AuthHeaders authentication);

    /** The compliance summary: {@code GET …/{id}/policy-states/summary}. */
    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states/summary")
    @Produces(MediaType.APPLICATION_JSON)
    Response summary(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                     @BeanParam AuthHeaders authentication);

    /** The evaluated resources, one page: {@code GET …/{id}/policy-states?compliance_state=&limit=&marker=}. */
    @GET
    @Path("/domains/{domain_id}/policy-assignments/{id}/policy-states")
    @Produces(MediaType.APPLICATION_JSON)
    Response policyStates(@PathParam("domain_id") String domainId, @PathParam("id") String ruleId,
                          @QueryParam("compliance_state") String complianceState, @QueryParam("limit") String limit,
                          @QueryParam("marker") String marker, @BeanParam AuthHeaders authentication);
}
