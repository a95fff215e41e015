package com.policyconsole.console.api;

/** Names shared by the API's authentication and its guards. */
public final class ApiAttributes {

    /** The identity's attribute holding the request's API token. */
    public static final String TOKEN = "policyconsole.api-token";

    private ApiAttributes() {
    }
}
