package org.rekey.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.apikey.Scope;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** The contract of {@code ApiKeyStorePort}, run on every database. */
abstract class ApiKeyStoreContract extends DatabaseTestBase {

    private static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant CREATED_MILLIS = Instant.parse("2024-05-06T07:08:09.123Z");
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void insertedKey_loadsWithEveryField_datesToTheMillisecond() {
        ApiKey key = new ApiKey("key-1", "CI pipeline", Set.of(Scope.CREDENTIAL_READ, Scope.CREDENTIAL_LIST), HASH,
                CREATED, Optional.empty());

        database.apiKeys().insertApiKey(key);

        ApiKey loaded = database.apiKeys().loadApiKey("key-1").orElseThrow();
        assertThat(loaded.id()).isEqualTo("key-1");
        assertThat(loaded.label()).isEqualTo("CI pipeline");
        assertThat(loaded.scopes()).containsExactlyInAnyOrder(Scope.CREDENTIAL_READ, Scope.CREDENTIAL_LIST);
        assertThat(loaded.secretHash()).isEqualTo(HASH);
        assertThat(loaded.createdAt()).isEqualTo(CREATED_MILLIS);
        assertThat(loaded.revokedAt()).isEmpty();
    }

    @Test
    void keyWithEveryScope_roundTrips() {
        database.apiKeys().insertApiKey(new ApiKey("all", "admin", Set.of(Scope.values()), HASH, CREATED,
                Optional.empty()));

        assertThat(database.apiKeys().loadApiKey("all").orElseThrow().scopes()).containsExactlyInAnyOrder(Scope.values());
    }

    @Test
    void missingKey_loadsAsEmpty() {
        assertThat(database.apiKeys().loadApiKey("nope")).isEmpty();
        assertThat(database.apiKeys().loadApiKey(null)).isEmpty();
    }

    @Test
    void insertWithATakenId_isRejectedAsDuplicate_andKeepsTheOriginal() {
        database.apiKeys().insertApiKey(key("same", CREATED));

        assertThatThrownBy(() -> database.apiKeys().insertApiKey(new ApiKey("same", "other", Set.of(Scope.values()),
                "other-hash", CREATED, Optional.empty())))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.DUPLICATE_ID));

        assertThat(database.apiKeys().loadApiKey("same").orElseThrow().label()).isEqualTo("label same");
    }

    @Test
    void insertWithoutAHash_isRejected_andStoresNothing() {
        assertThatThrownBy(() -> database.apiKeys().insertApiKey(new ApiKey("k", "l", Set.of(Scope.CREDENTIAL_READ),
                null, CREATED, Optional.empty())))
                .isInstanceOfSatisfying(RekeyException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT));

        assertThat(database.apiKeys().listApiKeys()).isEmpty();
    }

    @Test
    void list_returnsEveryKey_oldestFirst() {
        database.apiKeys().insertApiKey(key("b", CREATED.plusSeconds(60)));
        database.apiKeys().insertApiKey(key("c", CREATED));
        database.apiKeys().insertApiKey(key("a", CREATED.plusSeconds(60)));

        assertThat(database.apiKeys().listApiKeys()).extracting(ApiKey::id).containsExactly("c", "a", "b");
    }

    @Test
    void revoke_setsTheRevocationDate_andRevokingAgainKeepsTheFirstDate() {
        database.apiKeys().insertApiKey(key("k", CREATED));
        Instant first = Instant.parse("2024-06-01T00:00:00.001Z");

        assertThat(database.apiKeys().revokeApiKey("k", first)).isTrue();
        assertThat(database.apiKeys().revokeApiKey("k", first.plusSeconds(5))).isTrue();

        ApiKey loaded = database.apiKeys().loadApiKey("k").orElseThrow();
        assertThat(loaded.isRevoked()).isTrue();
        assertThat(loaded.revokedAt()).contains(first);
    }

    @Test
    void revokingAMissingKey_returnsFalse() {
        assertThat(database.apiKeys().revokeApiKey("missing", CREATED)).isFalse();
    }

    private static ApiKey key(String id, Instant created) {
        return new ApiKey(id, "label " + id, Set.of(Scope.CREDENTIAL_READ), HASH, created, Optional.empty());
    }
}
