package org.rekey.application.service.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.rekey.application.testing.Fixtures.OPERATOR;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.apikey.Scope;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import org.rekey.application.port.in.apikey.Principal;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.application.testing.Fixtures;
import org.rekey.application.testing.InMemoryStore;

@ExtendWith(MockitoExtension.class)
class AuthenticateServiceTest {

    private static final Set<Scope> SCOPES = Set.of(Scope.CREDENTIAL_READ, Scope.CREDENTIAL_LIST);

    @Mock
    private ApiKeyStorePort store;

    private final AtomicLong nanos = new AtomicLong();
    private VerifiedKeyCache cache;
    private final InMemoryStore audit = new InMemoryStore();
    private AuthenticateService authenticate;
    private CreatedApiKey created;
    private ApiKey stored;

    @BeforeEach
    void createAKey() {
        cache = new VerifiedKeyCache(Duration.ofMillis(500), nanos::get);
        authenticate = new AuthenticateService(store, cache, Fixtures.auditTrail(audit));
        created = new CreateApiKeyService(store, Clock.fixed(Fixtures.T0, ZoneOffset.UTC), new SecureRandom(), audit,
                Fixtures.auditTrail(audit))
                .createApiKey(new CreateApiKeyCommand("ci pipeline", SCOPES), OPERATOR);
        ArgumentCaptor<ApiKey> inserted = ArgumentCaptor.forClass(ApiKey.class);
        verify(store).insertApiKey(inserted.capture());
        stored = inserted.getValue();
    }

    @Test
    void create_returnsATokenOfTheDocumentedShape_andStoresOnlyTheHashOfItsSecret() throws Exception {
        String token = created.token();
        assertThat(token).matches("rk_[A-Za-z0-9]{16}_[A-Za-z0-9_-]{43}");
        String id = token.substring(3, 19);
        String secret = token.substring(20);
        assertThat(stored.id()).isEqualTo(id);
        assertThat(created.key().id()).isEqualTo(id);
        assertThat(stored.secretHash()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII))));
        assertThat(stored.toString()).doesNotContain(secret).doesNotContain(stored.secretHash());
        assertThat(created.toString()).doesNotContain(secret);
    }

    @Test
    void authenticate_aValidToken_returnsItsKeyAndScopes() {
        when(store.loadApiKey(stored.id())).thenReturn(Optional.of(stored));

        Optional<Principal> principal = authenticate.authenticate(created.token());

        assertThat(principal).contains(new Principal(stored.id(), stored.label(), SCOPES));
        assertThat(principal.orElseThrow().may(Scope.CREDENTIAL_READ)).isTrue();
        assertThat(principal.orElseThrow().may(Scope.ENCRYPTION_KEY_MANAGE)).isFalse();
    }

    @Test
    void authenticate_aValidTokenWithSurroundingWhitespace_isAccepted() {
        when(store.loadApiKey(stored.id())).thenReturn(Optional.of(stored));

        assertThat(authenticate.authenticate(" " + created.token() + "\n")).isPresent();
    }

    @Test
    void authenticate_anUnknownKeyId_isRefused() {
        when(store.loadApiKey(stored.id())).thenReturn(Optional.empty());

        assertThat(authenticate.authenticate(created.token())).isEmpty();
    }

    @Test
    void authenticate_aRevokedKey_isRefused() {
        ApiKey revoked = new ApiKey(stored.id(), stored.label(), stored.scopes(), stored.secretHash(),
                stored.createdAt(), Optional.of(Fixtures.T0.plusSeconds(1)));
        when(store.loadApiKey(stored.id())).thenReturn(Optional.of(revoked));

        assertThat(authenticate.authenticate(created.token())).isEmpty();
    }

    @Test
    void authenticate_theRightIdWithAWrongSecret_isRefused() {
        when(store.loadApiKey(stored.id())).thenReturn(Optional.of(stored));
        String secret = created.token().substring(20);
        char last = secret.charAt(secret.length() - 1);
        String forged = created.token().substring(0, 20) + secret.substring(0, secret.length() - 1)
                + (last == 'A' ? 'B' : 'A');

        assertThat(authenticate.authenticate(forged)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"rk_short_secret", "Bearer rk_AAAAAAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "xx_AAAAAAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "rk_AAAAAAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "rk_AAAAAAAAAAAA-AAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void authenticate_aMalformedToken_isRefusedWithoutAStoreLookup(String token) {
        assertThat(authenticate.authenticate(token)).isEmpty();

        verify(store).insertApiKey(stored);
        verifyNoMoreInteractions(store);
    }

    @Test
    void authenticate_theSameTokenWithinTheTimeToLive_readsTheStoreOnce_andStillChecksTheSecret() {
        when(store.loadApiKey(stored.id())).thenReturn(Optional.of(stored));
        String forged = created.token().substring(0, 20) + "A".repeat(43);

        assertThat(authenticate.authenticate(created.token())).isPresent();
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(authenticate.authenticate(created.token())).isPresent();
        assertThat(authenticate.authenticate(forged)).isEmpty();

        verify(store, times(1)).loadApiKey(stored.id());
    }

    @Test
    void authenticate_afterTheTimeToLive_readsTheStoreAgain_andSeesARevocationMadeElsewhere() {
        ApiKey revoked = new ApiKey(stored.id(), stored.label(), stored.scopes(), stored.secretHash(),
                stored.createdAt(), Optional.of(Fixtures.T0.plusSeconds(1)));
        when(store.loadApiKey(stored.id())).thenReturn(Optional.of(stored), Optional.of(revoked));
        assertThat(authenticate.authenticate(created.token())).isPresent();

        nanos.addAndGet(Duration.ofMillis(500).toNanos());

        assertThat(authenticate.authenticate(created.token())).isEmpty();
        verify(store, times(2)).loadApiKey(stored.id());
    }

    @Test
    void authenticate_afterARevocationOnThisInstance_isRefusedAtOnce() {
        ApiKey revoked = new ApiKey(stored.id(), stored.label(), stored.scopes(), stored.secretHash(),
                stored.createdAt(), Optional.of(Fixtures.T0.plusSeconds(1)));
        when(store.loadApiKey(stored.id())).thenReturn(Optional.of(stored), Optional.of(revoked));
        when(store.revokeApiKey(eq(stored.id()), any()))
                .thenReturn(true);
        assertThat(authenticate.authenticate(created.token())).isPresent();

        new RevokeApiKeyService(store, Clock.fixed(Fixtures.T0, ZoneOffset.UTC), cache, audit,
                Fixtures.auditTrail(audit)).revokeApiKey(stored.id(), OPERATOR);

        assertThat(authenticate.authenticate(created.token())).isEmpty();
    }

    @Test
    void authenticate_anUnknownOrRevokedKey_isNotCached() {
        ApiKey revoked = new ApiKey(stored.id(), stored.label(), stored.scopes(), stored.secretHash(),
                stored.createdAt(), Optional.of(Fixtures.T0.plusSeconds(1)));
        when(store.loadApiKey(stored.id())).thenReturn(Optional.empty(), Optional.of(revoked), Optional.of(stored));

        assertThat(authenticate.authenticate(created.token())).isEmpty();
        assertThat(authenticate.authenticate(created.token())).isEmpty();
        assertThat(authenticate.authenticate(created.token())).isPresent();
    }
}
