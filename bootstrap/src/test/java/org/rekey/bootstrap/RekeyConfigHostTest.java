package org.rekey.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

class RekeyConfigHostTest {

    @Test
    void host_unsetOrEmpty_meansEveryInterface() {
        assertThat(new RekeyConfig(Map.of()).host()).isEmpty();
        assertThat(new RekeyConfig(Map.of(RekeyConfig.HOST, "")).host()).isEmpty();
        assertThat(new RekeyConfig(Map.of(RekeyConfig.HOST, "  ")).host()).isEmpty();
    }

    @Test
    void host_isTheAddressOrNameGiven() {
        assertThat(new RekeyConfig(Map.of(RekeyConfig.HOST, " 127.0.0.1 ")).host()).contains("127.0.0.1");
        assertThat(new RekeyConfig(Map.of(RekeyConfig.HOST, "::1")).host()).contains("::1");
        assertThat(new RekeyConfig(Map.of(RekeyConfig.HOST, "localhost")).host()).contains("localhost");
    }

    @Test
    void host_thatIsNoHostName_isBadInput_namingTheVariable() {
        assertThatThrownBy(() -> new RekeyConfig(Map.of(RekeyConfig.HOST, "http://0.0.0.0/")).host())
                .isInstanceOf(RekeyException.class).hasMessageContaining("REKEY_HOST")
                .satisfies(e -> assertThat(((RekeyException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }
}
