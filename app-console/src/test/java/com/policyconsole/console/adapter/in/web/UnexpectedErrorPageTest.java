package com.policyconsole.console.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnexpectedErrorPageTest {

    @Test
    void anUnexpectedErrorShowsAnErrorIdButNoDetail() {
        Response response = new UnexpectedErrorPage().unexpected(
                new IllegalStateException("connection to db failed, password=hunter2"), null);

        String page = ((TemplateInstance) response.getEntity()).render();
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(page).contains("Something went wrong").containsPattern("Error ID <span class=\"mono\" id=\"error-id\">[0-9a-f-]{36}<");
        assertThat(page).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("\tat ");
    }

    @Test
    void aWebApplicationExceptionKeepsItsOwnResponse() {
        Response response = new UnexpectedErrorPage().unexpected(new NotFoundException(), null);
        assertThat(response.getStatus()).isEqualTo(404);
    }

    @Test
    void theLoggedCopyKeepsClassAndStackButNotTheSecret() {
        IllegalStateException e = new IllegalStateException("login failed, password=hunter2",
                new RuntimeException("token: abc-123-secret"));
        Throwable logged = UnexpectedErrorPage.redacted(e);
        assertThat(logged.toString()).isEqualTo("java.lang.IllegalStateException: login failed, password=****");
        assertThat(logged.getCause().toString()).isEqualTo("java.lang.RuntimeException: token: ****");
        assertThat(logged.getStackTrace()).isEqualTo(e.getStackTrace());
    }
}
