package com.policyconsole.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.bench.validation.annotated.WireFormats;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The annotated beans' patterns are the domain's patterns, letter for letter. This test lives in the domain's
 * package so it can read the package-private patterns of {@link SecMasterRules} and {@link ConfigRules}.
 */
class WireFormatsMatchDomainTest {

    @Test
    void secMasterPatternsAreTheDomains() {
        assertThat(WireFormats.PATH_ID).isEqualTo(SecMasterRules.PATH_ID.pattern());
        assertThat(WireFormats.VERSION).isEqualTo(SecMasterRules.VERSION.pattern());
        assertThat(WireFormats.REGION).isEqualTo(SecMasterRules.REGION.pattern());
        assertThat(WireFormats.HEX_ID).isEqualTo(SecMasterRules.HEX_ID.pattern());
        assertThat(WireFormats.EPS_ID).isEqualTo(SecMasterRules.EPS_ID.pattern());
        assertThat(WireFormats.MILLIS).isEqualTo(SecMasterRules.MILLIS.pattern());
    }

    @Test
    void configPatternsAreTheDomains() {
        assertThat(WireFormats.DOMAIN_ID).isEqualTo(ConfigRules.DOMAIN_ID.pattern());
        assertThat(WireFormats.RULE_NAME).isEqualTo(ConfigRules.RULE_NAME.pattern());
        assertThat(WireFormats.TAG_KEY).isEqualTo(ConfigRules.TAG_KEY.pattern());
        assertThat(WireFormats.TAG_VALUE).isEqualTo(ConfigRules.TAG_VALUE.pattern());
        assertThat(WireFormats.FUNCTION_URN).isEqualTo(ConfigRules.FUNCTION_URN.pattern());
        assertThat(WireFormats.NOT_RESERVED_TAG_KEY).contains(ConfigRules.RESERVED_TAG_PREFIX);
    }

    @Test
    void controlCharacterPatternsRefuseExactlyTheCharactersTheDomainRefuses() {
        Pattern singleLine = Pattern.compile(WireFormats.SINGLE_LINE);
        Pattern multiLine = Pattern.compile(WireFormats.MULTI_LINE);
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String text = "ab" + (char) c + "cd";
            assertThat(singleLine.matcher(text).matches())
                    .as("U+%04X on one line", c)
                    .isEqualTo(Rule.Text.firstControlCharacter(text, false) < 0);
            assertThat(multiLine.matcher(text).matches())
                    .as("U+%04X over several lines", c)
                    .isEqualTo(Rule.Text.firstControlCharacter(text, true) < 0);
        }
        assertThat(singleLine.matcher("emoji \uD83D\uDE00").matches()).isTrue();
    }
}
