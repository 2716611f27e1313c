package org.acdit4j.framework.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.acdit4j.framework.spec.EnumTexts;
import org.acdit4j.framework.spec.WrittenAs;
import org.junit.jupiter.api.Test;

/**
 * Enum fields are dotted keys set and read by their constants' command-line names: the name in lower case, or the
 * text a constant is {@link WrittenAs}.
 */
class DottedKeysEnumTest {

    enum Flavour {
        PLAIN, EXTRA_HOT, @WrittenAs("hot++") VOLCANIC;

        @Override
        public String toString() {
            return EnumTexts.text(this);
        }
    }

    static final class Kitchen extends Section {
        Flavour flavour = Flavour.PLAIN;

        @Override
        protected String key() {
            return "kitchen";
        }

        @Override
        protected void validate(Problems problems) {
        }
    }

    @Test
    void anEnumKeyTakesTheNamesOfItsConstantsAndListsThemWhenWrong() {
        Kitchen kitchen = new Kitchen();
        DottedKeys keys = new DottedKeys(List.of(kitchen), List.of());
        assertThat(keys.set("kitchen.flavour", " extra-hot ")).isNull();
        assertThat(kitchen.flavour).isEqualTo(Flavour.EXTRA_HOT);
        assertThat(keys.get("kitchen.flavour")).isEqualTo("extra-hot");
        assertThat(keys.set("kitchen.flavour", "EXTRA_HOT"))
                .isEqualTo("must be one of plain, extra-hot, hot++, got 'EXTRA_HOT'");
        assertThat(keys.check("kitchen.flavour", "mild")).isEqualTo("must be one of plain, extra-hot, hot++, got 'mild'");
        assertThat(kitchen.flavour).isEqualTo(Flavour.EXTRA_HOT);
        assertThat(keys.set("kitchen.flavour", "hot++")).isNull();
        assertThat(kitchen.flavour).isEqualTo(Flavour.VOLCANIC);
        assertThat(keys.get("kitchen.flavour")).isEqualTo("hot++");
    }
}
