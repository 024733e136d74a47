package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rekey.adapter.http.error.ErrorMapper;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.domain.error.DomainErrorCode;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

class ErrorMappingTest extends ApiTest {

    /** The contract, written out rather than computed. */
    private static final Map<ErrorCode.Kind, Integer> STATUS_BY_KIND = Map.of(
            ErrorCode.Kind.INVALID, 400,
            ErrorCode.Kind.UNPROCESSABLE, 422,
            ErrorCode.Kind.NOT_FOUND, 404,
            ErrorCode.Kind.GONE, 410,
            ErrorCode.Kind.CONFLICT, 409,
            ErrorCode.Kind.UNAUTHORIZED, 401,
            ErrorCode.Kind.FORBIDDEN, 403,
            ErrorCode.Kind.FAILURE, 500);

    @ParameterizedTest
    @MethodSource("everyErrorCode")
    void rekeyException_answersTheStatusOfItsKind_withCodeAndMessage(ErrorCode code) {
        when(api.showDataKey.showDataKey(any())).thenThrow(new RekeyException(code, "what went wrong: " + code));

        ApiResponse response = api.get("/rest/encryption/keys/Act1veKeyId00001");

        assertThat(response.status()).isEqualTo(STATUS_BY_KIND.get(code.kind()));
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo("{\"code\":\"" + code.name() + "\",\"message\":\"what went wrong: " + code + "\"}");
    }

    /** The domain's codes and the application's. */
    static Stream<ErrorCode> everyErrorCode() {
        return Stream.concat(Stream.of(DomainErrorCode.values()), Stream.of(ApplicationErrorCode.values()));
    }

    @Test
    void everyKind_hasAStatus() {
        Stream.of(ErrorCode.Kind.values())
                .forEach(kind -> assertThat(ErrorMapper.status(kind)).as(kind.name()).isEqualTo(STATUS_BY_KIND.get(kind)));
    }

    @Test
    void keyInUse_isAConflictThatSaysHowMany() {
        when(api.destroyDataKey.destroyDataKey(any(), any()))
                .thenThrow(new RekeyException(ErrorCode.KEY_IN_USE, "key 0ldKeyId00000002 is used by 3 records"));

        ApiResponse response = api.send("DELETE", "/rest/encryption/keys/0ldKeyId00000002", ApiFixture.OWNER, null, null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo("KEY_IN_USE");
        assertThat(response.json().get("message").asText()).contains("3 records");
    }

    @Test
    void unexpectedException_is500WithAFixedBody_andIsLoggedWithItsStackTraceServerSideOnly() {
        when(api.listCredentials.listCredentials(any()))
                .thenThrow(new IllegalStateException("connection pool exhausted at db-internal:5432"));

        try (LogCapture log = new LogCapture(ErrorMapper.class)) {
            ApiResponse response = api.get("/rest/credentials");

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"code\":\"INTERNAL_ERROR\",\"message\":\"internal server error\"}");
            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getFormattedMessage()).contains("GET /rest/credentials");
                assertThat(event.getThrowableProxy().getMessage()).contains("connection pool exhausted");
            });
        }
    }

    @Test
    void unknownRoute_is404Json() {
        ApiResponse response = api.get("/rest/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get("message").asText()).isEqualTo("no such route: GET /rest/nothing-here");
    }

    @Test
    void unknownMethodOnAKnownPath_is404Json() {
        ApiResponse response = api.send("PUT", "/rest/credentials", ApiFixture.OWNER, ApiFixture.JSON, "{}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void missingAsset_is404Json() {
        ApiResponse response = api.get("/settings/assets/missing.js");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }
}
