package org.rekey.application.service.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.port.in.maintenance.ChangeInstanceKeyCommand;
import org.rekey.application.port.in.maintenance.ProgressListener;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.RekeyEventsPort;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;
import org.rekey.application.testing.MutableClock;
import org.rekey.application.testing.TestServices;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.key.InstanceKey;
import org.rekey.domain.key.Keyring;
import org.rekey.domain.key.StoredValue;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Two instances over one store: how soon one sees the other's key changes. Time is driven, never slept. */
class KeyringCacheTest {

    private static final Duration REFRESH = RekeySettings.DEFAULT_KEY_REFRESH;

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clockA = new MutableClock();
    private final TestServices a = TestServices.builder().store(store).clock(clockA).build();
    private final TestServices b = TestServices.builder().store(store).clock(new MutableClock()).build();
    private final AtomicInteger loads = new AtomicInteger();
    private final LoadDataKeysPort countingLoads = () -> {
        loads.incrementAndGet();
        return store.loadDataKeys();
    };

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    @Test
    void aRotationByAnotherInstance_reachesThisInstancesWrites_onceTheRefreshIntervalPasses() {
        String oldKey = activeKeyOf(a);
        String newKey = b.keys().rotateDataKey().rotateDataKey(OPERATOR).id();

        assertThat(keyOf(a.values().encryptValue().encryptValue("x"))).isEqualTo(oldKey);
        clockA.advance(REFRESH.minusNanos(1));
        assertThat(keyOf(a.values().encryptValue().encryptValue("x"))).isEqualTo(oldKey);
        clockA.advance(Duration.ofNanos(1));
        assertThat(keyOf(a.values().encryptValue().encryptValue("x"))).isEqualTo(newKey);
        assertThat(REFRESH).as("n8n's rule: under one second").isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aFreshSnapshot_isServedWithoutLoadingTheKeys() {
        KeyringCache cache = new KeyringCache(countingLoads, a.keyring().current(), REFRESH, clockA.nanoTime());

        cache.current();
        cache.decrypt(a.values().encryptValue().encryptValue("x"));

        assertThat(loads).hasValue(0);
    }

    @Test
    void aValueNamingAKeyTheSnapshotDoesNotKnowYet_triggersExactlyOneReload() {
        KeyringCache cache = new KeyringCache(countingLoads, a.keyring().current(), REFRESH, clockA.nanoTime());
        b.keys().rotateDataKey().rotateDataKey(OPERATOR);
        String underNewKey = b.values().encryptValue().encryptValue("fresh secret");

        assertThat(cache.decrypt(underNewKey)).isEqualTo("fresh secret");
        assertThat(cache.decrypt(underNewKey)).isEqualTo("fresh secret");

        assertThat(loads).hasValue(1);
    }

    @Test
    void aValueNamingAKeyNobodyHas_reloadsOnce_thenFailsWithKeyNotFound() {
        KeyringCache cache = new KeyringCache(countingLoads, a.keyring().current(), REFRESH, clockA.nanoTime());
        String value = a.values().encryptValue().encryptValue("x");
        String unknown = "UnknownKey000000:" + StoredValue.parse(value).ciphertext();

        assertRejected(ErrorCode.KEY_NOT_FOUND, () -> cache.decrypt(unknown));

        assertThat(loads).hasValue(1);
    }

    @Test
    void aFailedDecryption_isToldOnceWithItsCode_evenAfterTheReloadAndRetry() {
        List<ErrorCode> failures = new ArrayList<>();
        RekeyEventsPort events = new RekeyEventsPort() {
            @Override
            public void decryptFailed(ErrorCode code) {
                failures.add(code);
            }

            @Override
            public void rotated() {
            }
        };
        KeyringCache cache = new KeyringCache(countingLoads, a.keyring().current(), REFRESH, clockA.nanoTime(),
                events);
        String value = a.values().encryptValue().encryptValue("x");
        String unknown = "UnknownKey000000:" + StoredValue.parse(value).ciphertext();

        assertRejected(ErrorCode.KEY_NOT_FOUND, () -> cache.decrypt(unknown));
        assertThat(cache.decrypt(value)).isEqualTo("x");

        assertThat(failures).containsExactly(ErrorCode.KEY_NOT_FOUND);
    }

    @Test
    void aRecordWithABrokenStoredValue_isToldAsMalformedStoredValue() {
        List<ErrorCode> failures = new ArrayList<>();
        RekeyEventsPort events = new RekeyEventsPort() {
            @Override
            public void decryptFailed(ErrorCode code) {
                failures.add(code);
            }

            @Override
            public void rotated() {
            }
        };
        KeyringCache cache = new KeyringCache(countingLoads, a.keyring().current(), REFRESH, clockA.nanoTime(),
                events);
        EncryptedRecord broken = EncryptedRecord.reconstitute(new RecordId("broken"), "n", "t", "", 0,
                Instant.EPOCH, Instant.EPOCH);

        assertRejected(ErrorCode.MALFORMED_STORED_VALUE, () -> cache.decryptData(broken));

        assertThat(failures).containsExactly(ErrorCode.MALFORMED_STORED_VALUE);
    }

    @Test
    void aReloadThatMeetsAnotherInstanceKey_keepsTheOldSnapshot_andWaitsAFullIntervalBeforeTryingAgain() {
        KeyringCache cache = new KeyringCache(countingLoads, a.keyring().current(), REFRESH, clockA.nanoTime());
        Keyring before = cache.current();
        b.maintenance().changeInstanceKey().changeInstanceKey(
                new ChangeInstanceKeyCommand(InstanceKey.of("the-new-instance-key"), 100, false), ProgressListener.NONE, OPERATOR);
        String writtenAfterTheChange = b.values().encryptValue().encryptValue("still readable");

        clockA.advance(REFRESH);
        assertThat(cache.current()).isSameAs(before);
        assertThat(loads).hasValue(1);
        clockA.advance(REFRESH.minusNanos(1));
        assertThat(cache.current()).isSameAs(before);

        assertThat(loads).as("a failed reload is not retried on every call").hasValue(1);
        assertThat(cache.decrypt(writtenAfterTheChange)).as("data keys keep their material when re-wrapped")
                .isEqualTo("still readable");
    }

    @Test
    void replace_installsAKeyringAtOnce_andRestartsTheInterval() {
        KeyringCache cache = new KeyringCache(countingLoads, a.keyring().current(), REFRESH, clockA.nanoTime());
        Keyring rotated = cache.current().rotate(Fixtures.T0, Fixtures.RANDOM).keyring();
        clockA.advance(REFRESH.minusMillis(1));

        cache.replace(rotated);
        clockA.advance(REFRESH.minusMillis(1));

        assertThat(cache.current()).isSameAs(rotated);
        assertThat(loads).hasValue(0);
    }

    private static String activeKeyOf(TestServices rekey) {
        return rekey.keyring().current().activeKey().orElseThrow().id().value();
    }

    private static String keyOf(String value) {
        return StoredValue.parse(value).keyId().orElseThrow().value();
    }
}
