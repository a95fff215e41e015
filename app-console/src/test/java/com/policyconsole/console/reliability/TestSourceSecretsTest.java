package com.policyconsole.console.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSourceSecretsTest {

    private static final String SOURCE = """
            class SomeTest {
                private static final String PASSWORD = "constant-password";
                static final String SESSION_TOKEN = "constant-token-value";
                static final String SESSION_COOKIE = "quarkus-credential";
                void test() {
                    accounts.create("test", user.name(), "created-password", List.of(Roles.ADMIN));
                    accounts.setPassword("test", user.id(), "changed-password");
                    accounts.authenticate(user.name(), "typed-wrong-password");
                    ConsoleSession.postLogin("nobody", "typed-at-login");
                    form().formParam("username", name).formParam("password", "posted-password").post("/admin/users");
                    form().formParam("password", "short");
                    credentials().configure(AK, "the-secret-key-1");
                    credentials().configureToken("the-sandbox-token");
                    send("GET", PATH, Map.of("X-Auth-Token", "the-header-token"), null);
                }
            }
            """;

    @Test
    void everyPlaceAPasswordKeyOrTokenGoesIsFoundWithItsLine() {
        assertThat(TestSourceSecrets.find(SOURCE)).containsOnlyKeys("constant-password", "constant-token-value",
                "created-password", "changed-password", "typed-wrong-password", "typed-at-login", "posted-password",
                "the-secret-key-1", "the-sandbox-token", "the-header-token")
                .containsEntry("constant-password", 2).containsEntry("the-header-token", 14);
    }

    @Test
    void theSecretsOfAFolderAreNamedAfterTheirFirstPlace(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("a"));
        Files.writeString(root.resolve("a/FirstTest.java"), "\n" + SOURCE);
        Files.writeString(root.resolve("a/SecondTest.java"), SOURCE);
        Files.writeString(root.resolve("notes.txt"), "static final String PASSWORD = \"not-in-a-java-file\";");

        assertThat(TestSourceSecrets.find(root)).hasSize(10)
                .anySatisfy(s -> {
                    assertThat(s.value()).isEqualTo("constant-password");
                    assertThat(s.name()).isEqualTo("secret in test source a/FirstTest.java:3");
                });
    }
}
