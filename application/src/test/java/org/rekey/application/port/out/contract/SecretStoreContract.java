package org.rekey.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.application.port.out.RewriteSecretsPort;
import org.rekey.application.port.out.SecretLocation;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.TransactionPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.KeyRef;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.Keyring.KeyChange;
import org.rekey.domain.key.WriteFormat;

/**
 * The contract of {@link LoadSecretsPort} and {@link RewriteSecretsPort}, run against every store (rekey's own
 * schema on H2 and PostgreSQL, n8n's database, the in-memory fake), so that none drifts from the others.
 *
 * <p>A store's test says only how to open an empty store ({@link #newStore()}), where that store keeps secrets
 * ({@link #locations(int)}) and how to put a value there the way something writing the database directly would,
 * malformed values included ({@link #insertSecretRaw}). The values here are encrypted under a keyring the
 * contract makes itself: the secret ports never need the data keys to be stored.
 */
public abstract class SecretStoreContract {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123Z");
    private static final Instant T1 = Instant.parse("2024-06-01T10:00:00.001Z");
    /** A value no store can parse: a key id part with characters a key id never has, and a second ':'. */
    protected static final String MALFORMED = "not a key!:x:y";

    /** The ports of one store under test; they must all work on the same data. */
    public record SecretStore(TransactionPort transactions, LoadSecretsPort load, RewriteSecretsPort rewrite) {
    }

    private SecretStore store;
    private Keyring keyring;

    /** A store holding no secrets. It may reuse a database opened once per test class, emptied. */
    protected abstract SecretStore newStore() throws Exception;

    /**
     * {@code count} distinct locations where this store keeps secrets, in any order; a store with several
     * tables or fields should spread them over several.
     */
    protected abstract List<SecretLocation> locations(int count);

    /** Puts {@code value} at {@code location} as it is, even malformed, as if written by another program. */
    protected abstract void insertSecretRaw(SecretLocation location, String value) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        keyring = Keyring.seed(InstanceKey.of("secret-store-contract-instance-key"), T0, RANDOM);
    }

    @Test
    void loadSecretsAfter_visitsEverySecretOnce_inLocationOrder_pageByPage() throws Exception {
        List<SecretLocation> locations = locations(10);
        Map<SecretLocation, String> values = new HashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            values.put(locations.get(i), insert(locations.get(i), i % 3 == 0 ? WriteFormat.LEGACY : WriteFormat.ACTIVE_KEY));
        }

        List<StoredSecret> visited = new ArrayList<>();
        Optional<SecretLocation> after = Optional.empty();
        List<StoredSecret> page;
        while (!(page = store.load().loadSecretsAfter(after, 3)).isEmpty()) {
            assertThat(page).hasSizeLessThanOrEqualTo(3);
            visited.addAll(page);
            after = Optional.of(page.get(page.size() - 1).location());
        }

        assertThat(visited).extracting(StoredSecret::location)
                .containsExactlyElementsOf(locations.stream().sorted().toList());
        assertThat(visited).allSatisfy(secret -> {
            assertThat(secret.value()).isEqualTo(values.get(secret.location()));
            assertThat(keyring.decrypt(secret.value())).isEqualTo(plaintextAt(secret.location()));
        });
        assertThat(store.load().countSecrets()).isEqualTo(10);
    }

    @Test
    void loadSecretsAfter_returnsAValueThatDoesNotParse_asStored() throws Exception {
        List<SecretLocation> locations = sorted(2);
        insertSecretRaw(locations.get(0), MALFORMED);
        insert(locations.get(1), WriteFormat.ACTIVE_KEY);

        List<StoredSecret> loaded = store.load().loadSecretsAfter(Optional.empty(), 10);

        assertThat(loaded).hasSize(2);
        assertThat(loaded.get(0)).isEqualTo(new StoredSecret(locations.get(0), MALFORMED));
        assertThat(store.load().countSecrets()).isEqualTo(2);
    }

    @Test
    void emptyStore_hasNoSecrets_andNoCounts() {
        assertThat(store.load().loadSecretsAfter(Optional.empty(), 10)).isEmpty();
        assertThat(store.load().countSecrets()).isZero();
        assertThat(store.load().countSecretsByKey()).isEmpty();
        assertThat(claim(KeyRef.LEGACY, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void countSecretsByKey_countsEachKey_legacyUnderLegacy_andLeavesOutValuesThatDoNotParse() throws Exception {
        List<SecretLocation> at = locations(7);
        DataKeyId first = keyring.activeKey().orElseThrow().id();
        insert(at.get(0), WriteFormat.LEGACY);
        insert(at.get(1), WriteFormat.LEGACY);
        insert(at.get(2), WriteFormat.ACTIVE_KEY);
        KeyChange rotation = keyring.rotate(T1, RANDOM);
        keyring = rotation.keyring();
        DataKeyId second = rotation.activated().orElseThrow().id();
        insert(at.get(3), WriteFormat.ACTIVE_KEY);
        insert(at.get(4), WriteFormat.ACTIVE_KEY);
        insert(at.get(5), WriteFormat.ACTIVE_KEY);
        insertSecretRaw(at.get(6), MALFORMED);

        Map<KeyRef, Long> counts = store.load().countSecretsByKey();

        assertThat(counts).containsOnly(Map.entry(KeyRef.LEGACY, 2L), Map.entry(KeyRef.of(first), 1L),
                Map.entry(KeyRef.of(second), 3L));
        assertThat(store.load().countSecrets()).isEqualTo(7);
        assertThat(store.load().countSecretsUsing(first)).isEqualTo(1);
        assertThat(store.load().countSecretsUsing(second)).isEqualTo(3);
        assertThat(store.load().countSecretsUsing(new DataKeyId("unused"))).isZero();
    }

    @Test
    void claim_returnsSecretsNotOnTheTarget_afterTheGivenLocation_inOrder_upToTheLimit() throws Exception {
        List<SecretLocation> at = sorted(5);
        Keyring old = keyring;
        KeyChange rotation = keyring.rotate(T1, RANDOM);
        KeyRef target = KeyRef.of(rotation.activated().orElseThrow().id());
        insert(at.get(4), old, WriteFormat.LEGACY);
        insert(at.get(0), old, WriteFormat.ACTIVE_KEY);
        insert(at.get(2), rotation.keyring(), WriteFormat.ACTIVE_KEY);
        insert(at.get(3), old, WriteFormat.ACTIVE_KEY);
        insert(at.get(1), old, WriteFormat.ACTIVE_KEY);

        assertThat(locationsOf(claim(target, Optional.empty(), 10)))
                .containsExactly(at.get(0), at.get(1), at.get(3), at.get(4));
        assertThat(locationsOf(claim(target, Optional.empty(), 2))).containsExactly(at.get(0), at.get(1));
        assertThat(locationsOf(claim(target, Optional.of(at.get(1)), 10))).containsExactly(at.get(3), at.get(4));
        assertThat(claim(target, Optional.of(at.get(4)), 10)).isEmpty();
        assertThat(claim(target, Optional.empty(), 10)).allSatisfy(secret ->
                assertThat(secret.value()).doesNotStartWith(target.wireName() + ":"));
    }

    @Test
    void claimToLegacy_returnsEverySecretThatNamesAKey_notLegacyOnes() throws Exception {
        List<SecretLocation> at = sorted(3);
        insert(at.get(0), WriteFormat.LEGACY);
        insert(at.get(1), WriteFormat.ACTIVE_KEY);
        insert(at.get(2), WriteFormat.ACTIVE_KEY);

        assertThat(locationsOf(claim(KeyRef.LEGACY, Optional.empty(), 10))).containsExactly(at.get(1), at.get(2));
    }

    @Test
    void claimFromTheStart_findsWhatIsLeft_behindMoreThanAPageOfSecretsAlreadyOnTheTarget() throws Exception {
        // A second pass of a re-encryption: most secrets moved already, a few left at the end (stores that
        // read in pages of a hundred rows or more must go on reading past full pages of moved rows).
        List<SecretLocation> at = sorted(400);
        for (SecretLocation location : at.subList(0, at.size() - 2)) {
            insert(location, WriteFormat.ACTIVE_KEY);
        }
        insert(at.get(at.size() - 2), WriteFormat.LEGACY);
        insert(at.get(at.size() - 1), WriteFormat.LEGACY);
        KeyRef active = KeyRef.of(keyring.activeKey().orElseThrow().id());

        assertThat(locationsOf(claim(active, Optional.empty(), 1))).containsExactly(at.get(at.size() - 2));
        assertThat(locationsOf(claim(active, Optional.empty(), 5))).containsExactly(at.get(at.size() - 2),
                at.get(at.size() - 1));
    }

    @Test
    void claimToADataKey_returnsAValueThatDoesNotParse_asStored_soThatItIsReported() throws Exception {
        List<SecretLocation> at = sorted(2);
        insertSecretRaw(at.get(0), MALFORMED);
        insert(at.get(1), WriteFormat.ACTIVE_KEY);
        KeyRef active = KeyRef.of(keyring.activeKey().orElseThrow().id());

        assertThat(claim(active, Optional.empty(), 10)).containsExactly(new StoredSecret(at.get(0), MALFORMED));
    }

    @Test
    void claimOutsideATransaction_isRefused() {
        assertThatThrownBy(() -> store.rewrite().claimSecretsNotOn(KeyRef.LEGACY, Optional.empty(), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside TransactionPort.inTransaction");
    }

    @Test
    void aBatchSizeBelowOne_isRejected() {
        assertThatThrownBy(() -> claim(KeyRef.LEGACY, Optional.empty(), 0))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> store.load().loadSecretsAfter(Optional.empty(), 0))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));
    }

    @Test
    void rewrite_writesOnlyValuesStillAsRead_andReturnsThoseItWrote() throws Exception {
        List<SecretLocation> at = sorted(3);
        for (SecretLocation location : at) {
            insert(location, WriteFormat.LEGACY);
        }
        List<StoredSecret> read = store.load().loadSecretsAfter(Optional.empty(), 10);
        String byAUser = encrypt(at.get(1), WriteFormat.ACTIVE_KEY);
        inTransaction(() -> store.rewrite().rewriteSecrets(List.of(new SecretRewrite(read.get(1), byAUser))));
        List<SecretRewrite> batch = new ArrayList<>();
        for (StoredSecret secret : read) {
            batch.add(new SecretRewrite(secret, encrypt(secret.location(), WriteFormat.ACTIVE_KEY)));
        }

        List<SecretRewrite> written = inTransaction(() -> store.rewrite().rewriteSecrets(batch));

        assertThat(written).containsExactlyInAnyOrder(batch.get(0), batch.get(2));
        assertThat(store.load().loadSecretsAfter(Optional.empty(), 10)).containsExactly(
                new StoredSecret(at.get(0), batch.get(0).newValue()), new StoredSecret(at.get(1), byAUser),
                new StoredSecret(at.get(2), batch.get(2).newValue()));
        assertThat(store.load().countSecretsByKey())
                .containsOnly(Map.entry(KeyRef.of(keyring.activeKey().orElseThrow().id()), 3L));
        assertThat(inTransaction(() -> store.rewrite().rewriteSecrets(List.of()))).isEmpty();
    }

    @Test
    void rewrite_isUndoneWithItsTransaction() throws Exception {
        SecretLocation location = locations(1).get(0);
        String before = insert(location, WriteFormat.LEGACY);
        StoredSecret read = store.load().loadSecretsAfter(Optional.empty(), 1).get(0);
        IllegalStateException failure = new IllegalStateException("a later step failed");

        assertThatThrownBy(() -> inTransaction(() -> {
            store.rewrite().rewriteSecrets(List.of(new SecretRewrite(read, encrypt(location, WriteFormat.ACTIVE_KEY))));
            throw failure;
        })).isSameAs(failure);

        assertThat(store.load().loadSecretsAfter(Optional.empty(), 1))
                .containsExactly(new StoredSecret(location, before));
    }

    @Test
    void twoClaimersAtOnce_neverGetTheSameSecret_andTogetherMoveEverySecret() throws Exception {
        int secrets = 150;
        for (SecretLocation location : locations(secrets)) {
            insert(location, WriteFormat.LEGACY);
        }
        KeyRef target = KeyRef.of(keyring.activeKey().orElseThrow().id());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<SecretLocation> all = new ArrayList<>();
        try {
            Future<List<SecretLocation>> first = threads.submit(() -> moveAll(target));
            Future<List<SecretLocation>> second = threads.submit(() -> moveAll(target));
            all.addAll(first.get(60, TimeUnit.SECONDS));
            all.addAll(second.get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }

        assertThat(all).hasSize(secrets).doesNotHaveDuplicates();
        assertThat(store.load().countSecretsUsing(target.dataKey().orElseThrow())).isEqualTo(secrets);
        for (StoredSecret secret : store.load().loadSecretsAfter(Optional.empty(), secrets)) {
            assertThat(keyring.decrypt(secret.value())).isEqualTo(plaintextAt(secret.location()));
        }
    }

    /** Claims and re-encrypts batches until nothing is left to claim; returns what it claimed. */
    private List<SecretLocation> moveAll(KeyRef target) {
        List<SecretLocation> claimed = new ArrayList<>();
        while (true) {
            List<SecretLocation> batch = inTransaction(() -> {
                List<StoredSecret> secrets = store.rewrite().claimSecretsNotOn(target, Optional.empty(), 7);
                List<SecretRewrite> rewrites = secrets.stream().map(s -> new SecretRewrite(s,
                        keyring.encrypt(keyring.decrypt(s.value()), WriteFormat.ACTIVE_KEY))).toList();
                assertThat(store.rewrite().rewriteSecrets(rewrites)).hasSameSizeAs(rewrites);
                return locationsOf(secrets);
            });
            if (batch.isEmpty()) {
                return claimed;
            }
            claimed.addAll(batch);
        }
    }

    private List<StoredSecret> claim(KeyRef target, Optional<SecretLocation> after, int limit) {
        return inTransaction(() -> store.rewrite().claimSecretsNotOn(target, after, limit));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return store.transactions().inTransaction(work);
    }

    private List<SecretLocation> sorted(int count) {
        return locations(count).stream().sorted().toList();
    }

    private String insert(SecretLocation location, WriteFormat format) throws Exception {
        return insert(location, keyring, format);
    }

    private String insert(SecretLocation location, Keyring with, WriteFormat format) throws Exception {
        String value = with.encrypt(plaintextAt(location), format);
        insertSecretRaw(location, value);
        return value;
    }

    private String encrypt(SecretLocation location, WriteFormat format) {
        return keyring.encrypt(plaintextAt(location), format);
    }

    private static String plaintextAt(SecretLocation location) {
        return "{\"secret\":\"" + location + "\"}";
    }

    private static List<SecretLocation> locationsOf(List<StoredSecret> secrets) {
        return secrets.stream().map(StoredSecret::location).toList();
    }
}
