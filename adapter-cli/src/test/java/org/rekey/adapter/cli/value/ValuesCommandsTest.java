package org.rekey.adapter.cli.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyStatus;
import org.rekey.domain.key.ValueFormat;
import org.rekey.domain.key.ValueInfo;

class ValuesCommandsTest {

    private static final String VALUE = "Ab12Cd34Ef56Gh78:AQIDBA==";

    private final TestContext context = new TestContext();

    @Test
    void decrypt_printsExactlyThePlaintext_whenNotOnATerminal() {
        when(context.values.decryptValue().decryptValue(VALUE)).thenReturn(" multi\nline pläintext \n");

        CliRun.Result result = CliRun.run(context, "values", "decrypt", VALUE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(" multi\nline pläintext \n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void decrypt_onATerminal_addsANewline() {
        context.terminal = true;
        when(context.values.decryptValue().decryptValue(VALUE)).thenReturn("secret");

        assertThat(CliRun.run(context, "values", "decrypt", VALUE).out()).isEqualTo("secret\n");
    }

    @Test
    void decrypt_takesAnAtSignLiterally() {
        when(context.values.decryptValue().decryptValue("@notafile")).thenReturn("x");

        assertThat(CliRun.run(context, "values", "decrypt", "@notafile").out()).isEqualTo("x");
    }

    @Test
    void decrypt_thatFails_isUnprocessableInput_withoutOutput() {
        when(context.values.decryptValue().decryptValue(VALUE))
                .thenThrow(new RekeyException(ErrorCode.DECRYPTION_FAILED, "the value does not decrypt"));

        CliRun.Result result = CliRun.run(context, "values", "decrypt", VALUE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("error: the value does not decrypt [DECRYPTION_FAILED]\n");
    }

    @Test
    void decrypt_underADestroyedKey_isGone() {
        when(context.values.decryptValue().decryptValue(VALUE))
                .thenThrow(new RekeyException(ErrorCode.KEY_DESTROYED, "key Ab12 was destroyed at T"));

        assertThat(CliRun.run(context, "values", "decrypt", VALUE).exitCode()).isEqualTo(2);
    }

    @Test
    void encrypt_printsOnlyTheValue() {
        when(context.values.encryptValue().encryptValue("hello")).thenReturn(VALUE);

        CliRun.Result result = CliRun.run(context, "values", "encrypt", "hello");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(VALUE);
    }

    @Test
    void inspect_printsFormatKeyAndStatus() {
        when(context.values.inspectValue().inspectValue(VALUE)).thenReturn(new ValueInfo(ValueFormat.GCM_V1,
                Optional.of(new DataKeyId("Ab12Cd34Ef56Gh78")), Optional.of(KeyStatus.INACTIVE)));

        CliRun.Result result = CliRun.run(context, "values", "inspect", VALUE);

        assertThat(result.out()).isEqualTo("""
                format      aes-256-gcm
                key         Ab12Cd34Ef56Gh78
                key status  inactive
                """);
    }

    @Test
    void inspect_ofALegacyValue_saysTheInstanceKeyMadeIt() {
        when(context.values.inspectValue().inspectValue("U2FsdGVk")).thenReturn(
                new ValueInfo(ValueFormat.LEGACY, Optional.empty(), Optional.empty()));

        CliRun.Result result = CliRun.run(context, "values", "inspect", "U2FsdGVk");

        assertThat(result.out()).contains("format      legacy", "none (legacy: the instance key)");
    }

    @Test
    void inspect_ofAnUnknownKey_saysSo() {
        when(context.values.inspectValue().inspectValue(VALUE)).thenReturn(new ValueInfo(ValueFormat.GCM_V1,
                Optional.of(new DataKeyId("Ab12Cd34Ef56Gh78")), Optional.empty()));

        assertThat(CliRun.run(context, "values", "inspect", VALUE).out())
                .contains("key status  unknown: no such key in this keyring");
    }

    @Test
    void inspect_json_hasFormatKeyIdAndKeyStatus() {
        when(context.values.inspectValue().inspectValue("U2FsdGVk")).thenReturn(
                new ValueInfo(ValueFormat.LEGACY, Optional.empty(), Optional.empty()));

        JsonNode json = JsonAssert.parse(CliRun.run(context, "values", "inspect", "U2FsdGVk", "--json").out());

        assertThat(json.get("format").asText()).isEqualTo("legacy");
        assertThat(json.get("keyId").isNull()).isTrue();
        assertThat(json.get("keyStatus").isNull()).isTrue();
    }

    @Test
    void inspect_ofAMalformedValue_isBadInput() {
        when(context.values.inspectValue().inspectValue("a:b:c"))
                .thenThrow(new RekeyException(ErrorCode.MALFORMED_VALUE, "malformed value"));

        assertThat(CliRun.run(context, "values", "inspect", "a:b:c").exitCode()).isEqualTo(2);
    }
}
