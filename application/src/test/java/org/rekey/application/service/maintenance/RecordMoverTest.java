package org.rekey.application.service.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.application.port.in.backup.BackupListener;
import org.rekey.application.service.backup.Backups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Captor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rekey.application.port.in.maintenance.BatchCommand;
import org.rekey.application.port.in.maintenance.BatchReport;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.in.maintenance.RecordFailure;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.RewriteSecretsPort;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.MockTransactions;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.WriteFormat;

/** {@link RecordMover} over the secret ports: a row may hold several secrets, each moved or reported alone. */
@ExtendWith(MockitoExtension.class)
class RecordMoverTest {

    private static final SecretLocation CORRUPT = new SecretLocation("user", "u1", "mfaSecret");
    private static final SecretLocation GOOD = new SecretLocation("user", "u1", "mfaRecoveryCodes[0]");

    private final Keyring keyring = Fixtures.seeded(Fixtures.instanceKey());
    private final KeyRef active = KeyRef.of(keyring.activeKey().orElseThrow().id());

    @Mock
    private TransactionPort transactions;
    @Mock
    private LoadDataKeysPort loadDataKeys;
    @Mock
    private LoadSecretsPort loadSecrets;
    @Mock
    private RewriteSecretsPort rewriteSecrets;
    @Captor
    private ArgumentCaptor<List<SecretRewrite>> rewrites;
    private RecordMover mover;

    @BeforeEach
    void setUp() {
        MockTransactions.runInline(transactions);
        when(loadDataKeys.loadDataKeys()).thenReturn(keyring.keys());
        mover = new RecordMover(transactions, loadSecrets, rewriteSecrets,
                new KeyringCache(loadDataKeys, keyring, Duration.ofMillis(500), () -> 0L),
                new Backups(operation -> Optional.empty(), BackupListener.NONE));
    }

    @Test
    void aSecretThatFails_isReportedAtItsLocation_andAnotherSecretOfTheSameRowStillMoves() {
        String retiredKey = keyring.keys().stream().filter(k -> !k.isActive()).findFirst().orElseThrow().id().value();
        StoredSecret corrupt = new StoredSecret(CORRUPT, retiredKey + ":" + "AQ" + "A".repeat(98));
        StoredSecret good = new StoredSecret(GOOD, keyring.encrypt("recovery-code", WriteFormat.LEGACY));
        when(loadSecrets.countSecretsByKey()).thenReturn(Map.of(KeyRef.LEGACY, 1L));
        when(rewriteSecrets.claimSecretsNotOn(eq(active), eq(Optional.empty()), eq(10)))
                .thenReturn(List.of(corrupt, good), List.of(corrupt));
        when(rewriteSecrets.claimSecretsNotOn(eq(active), eq(Optional.of(GOOD)), eq(10))).thenReturn(List.of());
        when(rewriteSecrets.claimSecretsNotOn(eq(active), eq(Optional.of(CORRUPT)), eq(10))).thenReturn(List.of());
        when(rewriteSecrets.rewriteSecrets(any())).thenAnswer(call -> call.getArgument(0));

        BatchReport report = mover.move(RecordMover.Target.ACTIVE_KEY, new BatchCommand(10, false),
                ProgressListener.NONE);

        assertThat(report.moved()).isEqualTo(1);
        assertThat(report.failures()).containsExactly(new RecordFailure("user", "u1", "mfaSecret",
                ErrorCode.MALFORMED_VALUE.name(), report.failures().get(0).message()));
        verify(rewriteSecrets).rewriteSecrets(rewrites.capture());
        assertThat(rewrites.getValue()).singleElement().satisfies(rewrite -> {
            assertThat(rewrite.before()).isEqualTo(good);
            assertThat(keyring.decrypt(rewrite.newValue())).isEqualTo("recovery-code");
            assertThat(rewrite.newValue()).startsWith(active.wireName() + ":");
        });
    }
}
