package com.policyconsole.adapter.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void rememberedSecretsAreMaskedAnywhereInAText() {
        Redactor.remember("s3cr3t-value-for-redactor-test");

        assertThat(Redactor.redact("error: token s3cr3t-value-for-redactor-test is invalid"))
                .isEqualTo("error: token **** is invalid");
    }

    @Test
    void signaturesAccessKeysAndJsonSecretMembersAreMaskedEvenIfNeverSeen() {
        String text = "Authorization: SDK-HMAC-SHA256 Access=AKIAUNSEEN, SignedHeaders=host;x-sdk-date, "
                + "Signature=0123456789abcdef and {\"password\" : \"p\\\"w\", \"name\":\"n\"}";

        assertThat(Redactor.redact(text)).isEqualTo("Authorization: SDK-HMAC-SHA256 Access=****, "
                + "SignedHeaders=host;x-sdk-date, Signature=**** and {\"password\" : \"****\", \"name\":\"n\"}");
    }

    @Test
    void secretHeadersAreMaskedByNameAndSigningKeepsItsSignedHeaders() {
        assertThat(Redactor.maskHeader("x-auth-token", "abc")).isEqualTo("****");
        assertThat(Redactor.maskHeader("X-Security-Token", "abc")).isEqualTo("****");
        assertThat(Redactor.maskHeader("x-secmaster-version", "25.5.0")).isEqualTo("25.5.0");
        assertThat(Redactor.maskHeader("Authorization",
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00ff"))
                .isEqualTo("SDK-HMAC-SHA256 Access=****, SignedHeaders=host;x-sdk-date, Signature=****");
        assertThat(Redactor.maskHeader("Authorization", "Bearer xyz")).isEqualTo("****");
    }

    @Test
    void shortValuesAreNotRememberedSoOrdinaryTextSurvives() {
        Redactor.remember("ab");

        assertThat(Redactor.redact("tab")).isEqualTo("tab");
    }

    @Test
    void secretAssignmentsInMessagesAreMaskedWhateverTheirCase() {
        assertThat(Redactor.redact("connection to db failed, password=hunter2; user=alice"))
                .isEqualTo("connection to db failed, password=****; user=alice");
        assertThat(Redactor.redact("jdbc:x?user=a&Password=pw-123&ssl=true")).isEqualTo("jdbc:x?user=a&Password=****&ssl=true");
        assertThat(Redactor.redact("Token: abc.def.ghi expired")).isEqualTo("Token: **** expired");
        assertThat(Redactor.redact("SIGNATURE=abc123, ACCESS=AKIDX")).isEqualTo("SIGNATURE=****, ACCESS=****");
        assertThat(Redactor.redact("{\"PassWord\":\"x1\",\"Security_Token\":\"y2\"}"))
                .isEqualTo("{\"PassWord\":\"****\",\"Security_Token\":\"****\"}");
        assertThat(Redactor.redact("X-Auth-Token: ****")).isEqualTo("X-Auth-Token: ****");
        assertThat(Redactor.redact("the task failed: tokens are fine")).isEqualTo("the task failed: tokens are fine");
    }
}
