package org.rekey.application.service.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rekey.application.testing.Fixtures.OPERATOR;
import static org.rekey.domain.error.RekeyAssertions.assertRejected;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rekey.application.apikey.Scope;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.ApiKeyView;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import org.rekey.application.testing.MutableClock;
import org.rekey.application.testing.TestServices;

/** The API key lifecycle over the in-memory store: create, authenticate, list, revoke. */
class ApiKeysTest {

    private final MutableClock clock = new MutableClock();
    private final TestServices rekey = TestServices.builder().clock(clock).build();

    @AfterEach
    void close() {
        rekey.close();
    }

    @Test
    void aCreatedToken_authenticatesUntilRevoked() {
        CreatedApiKey created = rekey.apiKeys().createApiKey().createApiKey(
                new CreateApiKeyCommand("deploy bot", Set.of(Scope.ENCRYPTION_KEY_MANAGE)), OPERATOR);
        assertThat(rekey.apiKeys().authenticate().authenticate(created.token())).isPresent();

        clock.advance(Duration.ofMinutes(1));
        rekey.apiKeys().revokeApiKey().revokeApiKey(created.key().id(), OPERATOR);

        assertThat(rekey.apiKeys().authenticate().authenticate(created.token())).isEmpty();
        assertThat(rekey.apiKeys().listApiKeys().listApiKeys()).singleElement()
                .satisfies(k -> assertThat(k.revokedAt()).contains(clock.instant()));
    }

    @Test
    void list_isOldestFirst_andNeverShowsATokenOrHash() {
        CreatedApiKey first = rekey.apiKeys().createApiKey().createApiKey(
                new CreateApiKeyCommand("first", Set.of(Scope.CREDENTIAL_READ)), OPERATOR);
        clock.advance(Duration.ofSeconds(1));
        CreatedApiKey second = rekey.apiKeys().createApiKey().createApiKey(
                new CreateApiKeyCommand("second", Set.of(Scope.CREDENTIAL_READ)), OPERATOR);

        assertThat(rekey.apiKeys().listApiKeys().listApiKeys()).extracting(ApiKeyView::id)
                .containsExactly(first.key().id(), second.key().id());
        assertThat(rekey.apiKeys().listApiKeys().listApiKeys().toString()).doesNotContain(first.token().substring(20))
                .doesNotContain(second.token().substring(20));
    }

    @Test
    void revokingAnUnknownKey_isApiKeyNotFound() {
        assertRejected(ApplicationErrorCode.API_KEY_NOT_FOUND, () -> rekey.apiKeys().revokeApiKey().revokeApiKey("NoSuchKey0000000", OPERATOR));
    }
}
