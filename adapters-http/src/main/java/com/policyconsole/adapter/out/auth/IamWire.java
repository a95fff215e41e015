package com.policyconsole.adapter.out.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.policyconsole.adapter.log.Redactor;
import java.util.List;

/** The JSON of IAM's token request and answer, as far as the console uses it. */
final class IamWire {

    private IamWire() {
    }

    /** {@code {"auth": {"identity": …, "scope": …}}}. */
    record TokenRequest(Auth auth) {
    }

    record Auth(Identity identity, Scope scope) {
    }

    /** The password method: {@code {"methods": ["password"], "password": {"user": …}}}. */
    record Identity(List<String> methods, Password password) {
    }

    record Password(User user) {
    }

    /** The IAM user; its {@code toString()} hides the password. */
    record User(String name, String password, Ref domain) {
        @Override
        public String toString() {
            return "User[name=" + name + ", password=" + Redactor.MASK + ", domain=" + domain + "]";
        }
    }

    /** A project or domain reference by ID or by name (null fields are left out). */
    record Ref(String id, String name) {
    }

    /** Exactly one of project or domain. */
    record Scope(Ref project, Ref domain) {
    }

    /** The parts of the answer body the console reads. */
    record TokenResponse(Token token) {
    }

    record Token(@JsonProperty("expires_at") String expiresAt) {
    }

    /** The password-method request for a token with the given scope. */
    static TokenRequest passwordRequest(String user, String password, String domainName, AuthScope scope) {
        Scope tokenScope = scope instanceof AuthScope.Project p
                ? new Scope(new Ref(p.projectId(), null), null)
                : new Scope(null, ((AuthScope.Domain) scope).domainId() == null
                        ? new Ref(null, domainName)
                        : new Ref(((AuthScope.Domain) scope).domainId(), null));
        return new TokenRequest(new Auth(
                new Identity(List.of("password"), new Password(new User(user, password, new Ref(null, domainName)))),
                tokenScope));
    }
}
