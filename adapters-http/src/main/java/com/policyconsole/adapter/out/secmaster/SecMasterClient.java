package com.policyconsole.adapter.out.secmaster;

import com.policyconsole.adapter.out.http.AuthHeaders;
import com.policyconsole.adapter.out.http.WireJson;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
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
 * SecMaster's emergency-policy endpoints. Bodies are the exact bytes built (and, with AK/SK, signed) by the
 * gateway; responses are read as text so that every status and body shape can be mapped.
 */
@RegisterRestClient(configKey = "secmaster")
@Path("/v1/{project_id}/workspaces/{workspace_id}/soc")
interface SecMasterClient {

    /** "Creating a Retry Emergency Policy": {@code POST …/soc/policys?action_type=create|retry}. */
    @POST
    @Path("/policys")
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response submit(@PathParam("project_id") String projectId,
                    @PathParam("workspace_id") String workspaceId,
                    @QueryParam("action_type") String actionType,
                    @HeaderParam(SecMasterEmergencyPolicyGateway.VERSION_HEADER) String secmasterVersion,
                    @BeanParam AuthHeaders authentication,
                    byte[] body);

    /** "Querying the Policy View List": {@code POST …/soc/policys/search} with {@code limit} and {@code offset}. */
    @POST
    @Path("/policys/search")
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response search(@PathParam("project_id") String projectId,
                    @PathParam("workspace_id") String workspaceId,
                    @HeaderParam(SecMasterEmergencyPolicyGateway.VERSION_HEADER) String secmasterVersion,
                    @BeanParam AuthHeaders authentication,
                    byte[] body);

    /** "Querying a Policy": {@code GET …/soc/policys/{policy_id}}. */
    @GET
    @Path("/policys/{policy_id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response show(@PathParam("project_id") String projectId,
                  @PathParam("workspace_id") String workspaceId,
                  @PathParam("policy_id") String policyId,
                  @HeaderParam(SecMasterEmergencyPolicyGateway.VERSION_HEADER) String secmasterVersion,
                  @BeanParam AuthHeaders authentication);

    /** "Updating a Policy": {@code PUT …/soc/policys/{policy_id}} with {@code batch_ids} and the changed fields. */
    @PUT
    @Path("/policys/{policy_id}")
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response update(@PathParam("project_id") String projectId,
                    @PathParam("workspace_id") String workspaceId,
                    @PathParam("policy_id") String policyId,
                    @HeaderParam(SecMasterEmergencyPolicyGateway.VERSION_HEADER) String secmasterVersion,
                    @BeanParam AuthHeaders authentication,
                    byte[] body);

    /** "Deleting Policies": {@code POST …/soc/policys/batch-delete} with {@code batch_ids}. */
    @POST
    @Path("/policys/batch-delete")
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response batchDelete(@PathParam("project_id") String projectId,
                         @PathParam("workspace_id") String workspaceId,
                         @HeaderParam(SecMasterEmergencyPolicyGateway.VERSION_HEADER) String secmasterVersion,
                         @BeanParam AuthHeaders authentication,
                         byte[] body);

    /** "Querying a Policy's Records": {@code POST …/soc/policy-records/{policy_id}/search}. */
    @POST
    @Path("/policy-records/{policy_id}/search")
    @Consumes(WireJson.CONTENT_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    Response records(@PathParam("project_id") String projectId,
                     @PathParam("workspace_id") String workspaceId,
                     @PathParam("policy_id") String policyId,
                     @HeaderParam(SecMasterEmergencyPolicyGateway.VERSION_HEADER) String secmasterVersion,
                     @BeanParam AuthHeaders authentication,
                     byte[] body);
}
