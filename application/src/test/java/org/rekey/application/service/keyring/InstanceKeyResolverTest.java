package org.rekey.application.service.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rekey.application.port.out.InstanceKeySourcesPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.InstanceKey;

@ExtendWith(MockitoExtension.class)
class InstanceKeyResolverTest {

    private static final String ENV_KEY = "key-from-the-environment";
    private static final String OTHER_KEY = "key-from-somewhere-else";
    private static final String CONFIG_PATH = "/home/rekey/.rekey/config";

    @Mock
    private InstanceKeySourcesPort sources;

    @Test
    void environmentKey_wins_andIsNotSavedAnywhere() {
        when(sources.fromEnvironment()).thenReturn(Optional.of(ENV_KEY));

        InstanceKey key = resolver().resolve(() -> false);

        assertThat(key.sameAs(InstanceKey.of(ENV_KEY))).isTrue();
        verify(sources, never()).saveToConfigFile(anyString());
    }

    @Test
    void environmentKey_equalToTheConfigFile_isAccepted() {
        when(sources.fromEnvironment()).thenReturn(Optional.of(ENV_KEY));
        when(sources.fromConfigFile()).thenReturn(Optional.of(ENV_KEY));

        assertThat(resolver().resolve(() -> false).sameAs(InstanceKey.of(ENV_KEY))).isTrue();
    }

    @Test
    void environmentKey_differentFromTheConfigFile_isInstanceKeyMismatch_namingTheFileButNoKey() {
        when(sources.fromEnvironment()).thenReturn(Optional.of(ENV_KEY));
        when(sources.fromConfigFile()).thenReturn(Optional.of(OTHER_KEY));
        when(sources.describeConfigFile()).thenReturn(CONFIG_PATH);

        RekeyException e = assertRejected(ErrorCode.INSTANCE_KEY_MISMATCH, () -> resolver().resolve(() -> false));

        assertThat(e.getMessage()).contains("N8N_ENCRYPTION_KEY", CONFIG_PATH).doesNotContain(ENV_KEY)
                .doesNotContain(OTHER_KEY);
        verify(sources, never()).saveToConfigFile(anyString());
    }

    @Test
    void environmentKey_differentFromTheKeyFile_isInstanceKeyMismatch() {
        when(sources.fromEnvironment()).thenReturn(Optional.of(ENV_KEY));
        when(sources.fromKeyFile()).thenReturn(Optional.of(OTHER_KEY));

        RekeyException e = assertRejected(ErrorCode.INSTANCE_KEY_MISMATCH, () -> resolver().resolve(() -> false));

        assertThat(e.getMessage()).contains("N8N_ENCRYPTION_KEY_FILE").doesNotContain(ENV_KEY)
                .doesNotContain(OTHER_KEY);
    }

    @Test
    void keyFile_differentFromTheConfigFile_isInstanceKeyMismatch() {
        when(sources.fromKeyFile()).thenReturn(Optional.of(ENV_KEY));
        when(sources.fromConfigFile()).thenReturn(Optional.of(OTHER_KEY));
        when(sources.describeConfigFile()).thenReturn(CONFIG_PATH);

        RekeyException e = assertRejected(ErrorCode.INSTANCE_KEY_MISMATCH, () -> resolver().resolve(() -> false));

        assertThat(e.getMessage()).contains("N8N_ENCRYPTION_KEY_FILE", CONFIG_PATH);
    }

    @Test
    void keyFileAlone_isUsed() {
        when(sources.fromKeyFile()).thenReturn(Optional.of(OTHER_KEY));

        assertThat(resolver().resolve(() -> false).sameAs(InstanceKey.of(OTHER_KEY))).isTrue();
    }

    @Test
    void configFileAlone_isUsed_andNotRewritten() {
        when(sources.fromConfigFile()).thenReturn(Optional.of(OTHER_KEY));

        assertThat(resolver().resolve(() -> false).sameAs(InstanceKey.of(OTHER_KEY))).isTrue();
        verify(sources, never()).saveToConfigFile(anyString());
    }

    @Test
    void noKeyAnywhere_generatesA24ByteBase64Key_andSavesItToTheConfigFile() {
        InstanceKey key = resolver().resolve(() -> false);

        ArgumentCaptor<String> saved = ArgumentCaptor.forClass(String.class);
        verify(sources).saveToConfigFile(saved.capture());
        assertThat(Base64.getDecoder().decode(saved.getValue())).hasSize(24);
        assertThat(key.sameAs(InstanceKey.of(saved.getValue()))).isTrue();
    }

    @Test
    void noKeyAnywhere_withDataInTheStore_generatesNothing_andSaysWhatToSet() {
        RekeyException e = assertRejected(ErrorCode.WRONG_INSTANCE_KEY, () -> resolver().resolve(() -> true));

        assertThat(e.getMessage()).contains("no instance key is set", "N8N_ENCRYPTION_KEY", "already holds");
        verify(sources, never()).saveToConfigFile(anyString());
    }

    @Test
    void generatedKeys_differFromOneStartToTheNext() {
        InstanceKey first = resolver().resolve(() -> false);
        InstanceKey second = resolver().resolve(() -> false);

        assertThat(first.sameAs(second)).isFalse();
    }

    @Test
    void aFailingKeyFile_failsResolution_andNothingIsGenerated() {
        when(sources.fromKeyFile()).thenThrow(RekeyException.invalid("N8N_ENCRYPTION_KEY_FILE names a missing file"));

        assertRejected(ErrorCode.INVALID_INPUT, () -> resolver().resolve(() -> false));

        verify(sources, never()).saveToConfigFile(anyString());
    }

    @Test
    void aBlankEnvironmentKey_isRefused() {
        when(sources.fromEnvironment()).thenReturn(Optional.of("   "));

        assertRejected(ErrorCode.INVALID_INPUT, () -> resolver().resolve(() -> false));
    }

    private InstanceKeyResolver resolver() {
        return new InstanceKeyResolver(sources, new SecureRandom());
    }
}
