package org.rekey.adapter.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

class JsonCodecTest {

    private final JsonCodec json = new JsonCodec();

    @Test
    void compact_rewritesAnObjectCanonically() {
        assertThat(json.compact(json.parse(" { \"user\" : \"me\",\n \"port\": 25 } ", "--data")))
                .isEqualTo("{\"user\":\"me\",\"port\":25}");
    }

    @Test
    void compact_keepsNumbersExactlyAsWritten() {
        String data = "{\"f\":0.30000000000000004,\"z\":1.50,\"big\":123456789012345678901234567890}";

        assertThat(json.compact(json.parse(data, "--data"))).isEqualTo(data);
    }

    @Test
    void aStringLongerThanJacksonsLimit_saysWhichLimitWasHit_notThatTheJsonIsInvalid() {
        String huge = "{\"data\":\"" + "a".repeat(20_000_001) + "\"}";

        assertThatThrownBy(() -> json.parse(huge, "credentials file f.json"))
                .isInstanceOfSatisfying(RekeyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT))
                .hasMessageStartingWith("credentials file f.json is beyond a limit of the JSON reader")
                .hasMessageContaining("String value length").hasMessageContaining("getMaxStringLength")
                .hasMessageNotContaining("not valid JSON").hasMessageNotContaining("aaaa");
    }

    @Test
    void nestingDeeperThanJacksonsLimit_saysWhichLimitWasHit() {
        assertThatThrownBy(() -> json.parse("[".repeat(1001) + "]".repeat(1001), "--data"))
                .hasMessageStartingWith("--data is beyond a limit of the JSON reader")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void invalidJson_givesThePosition_butNeverTheContent() {
        assertThatThrownBy(() -> json.parse("{\"password\": hunter2}", "--data"))
                .isInstanceOf(RekeyException.class)
                .hasMessageStartingWith("--data is not valid JSON (line 1, column")
                .hasMessageNotContaining("hunter2")
                .extracting(e -> ((RekeyException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void duplicateField_isRejected() {
        assertThatThrownBy(() -> json.parse("{\"a\":1,\"a\":2}", "--data"))
                .hasMessageContaining("a field appears twice");
    }

    @Test
    void trailingText_isRejected() {
        assertThatThrownBy(() -> json.parse("{\"a\":1} {\"b\":2}", "--data"))
                .hasMessageContaining("more text after the JSON value");
    }

    @Test
    void emptyText_isRejected() {
        assertThatThrownBy(() -> json.parse("  ", "--data")).hasMessage("--data is empty; expected JSON");
    }

    @Test
    void dataNode_keepsAnObject_andFallsBackToTextForNonJson() {
        assertThat(json.dataNode("{\"a\":1}").get("a").asInt()).isEqualTo(1);
        assertThat(json.dataNode("not json").asText()).isEqualTo("not json");
    }
}
