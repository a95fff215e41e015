package com.policyconsole.domain.model.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.policyconsole.domain.model.config.AuthType;
import com.policyconsole.domain.model.config.Period;
import com.policyconsole.domain.model.config.PolicyAssignmentType;
import com.policyconsole.domain.model.emergency.ActionType;
import com.policyconsole.domain.model.emergency.BlockType;
import com.policyconsole.domain.model.emergency.DefenseLayer;
import com.policyconsole.domain.model.emergency.PolicyCategory;
import com.policyconsole.domain.model.emergency.PolicyDirection;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Wire names resolve to their constants, exactly and case-sensitively, for every wire enumeration. */
class WireEnumTest {

    private static <E extends Enum<E> & WireEnum> void assertFindsEveryConstant(Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            assertThat(WireEnum.fromWire(type, constant.wireName())).as(constant.wireName()).containsSame(constant);
            assertThat(WireEnum.fromWire(type, constant.wireName())).as("the same answer each time")
                    .isSameAs(WireEnum.fromWire(type, constant.wireName()));
            assertThat(WireEnum.wireNames(type)).contains(constant.wireName());
        }
        assertThat(WireEnum.wireNames(type)).hasSize(type.getEnumConstants().length);
    }

    @Test
    void everyConstantIsFoundByItsWireName() {
        assertFindsEveryConstant(ActionType.class);
        assertFindsEveryConstant(BlockType.class);
        assertFindsEveryConstant(DefenseLayer.class);
        assertFindsEveryConstant(PolicyCategory.class);
        assertFindsEveryConstant(PolicyDirection.class);
        assertFindsEveryConstant(AuthType.class);
        assertFindsEveryConstant(Period.class);
        assertFindsEveryConstant(PolicyAssignmentType.class);
    }

    @Test
    void otherSpellingsAndNullAreNotFound() {
        assertThat(WireEnum.fromWire(BlockType.class, "source ip")).isEmpty();
        assertThat(WireEnum.fromWire(BlockType.class, BlockType.SOURCE_IP.wireName().toUpperCase(Locale.ROOT))).isEmpty();
        assertThat(WireEnum.fromWire(BlockType.class, "")).isEmpty();
        assertThat(WireEnum.fromWire(BlockType.class, null)).isEmpty();
        assertThat(WireEnum.fromWire(PolicyCategory.class, BlockType.SOURCE_IP.wireName())).isEmpty();
    }
}
