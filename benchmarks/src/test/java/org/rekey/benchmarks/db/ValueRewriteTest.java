package org.rekey.benchmarks.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key id column the reference writes, as rekey derives it from a stored value. */
class ValueRewriteTest {

    @Test
    void keyIdOf_isThePartBeforeTheColon() {
        assertThat(ValueRewrite.keyIdOf("AbCdEfGh12345678:AQIDBA==")).isEqualTo("AbCdEfGh12345678");
    }

    @Test
    void keyIdOf_aLegacyValue_isNull() {
        assertThat(ValueRewrite.keyIdOf("U2FsdGVkX18AAAAAAAAAAA==")).isNull();
    }

    @Test
    void sameValue_returnsTheValueUnchanged() {
        assertThat(ValueRewrite.SAME_VALUE.rewrite("k:v")).isEqualTo("k:v");
    }
}
