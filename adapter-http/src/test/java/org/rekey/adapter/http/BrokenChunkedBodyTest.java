package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A chunked request body that breaks off or does not follow the chunked format is the caller's fault: 400. */
class BrokenChunkedBodyTest extends ApiTest {

    private static final String CHUNKED = "Transfer-Encoding: chunked\r\n";

    @ParameterizedTest
    @CsvSource({"POST, /rest/credentials", "PATCH, /rest/credentials/cred0000000001",
        "POST, /rest/encryption/keys", "POST, /rest/encryption/reencryption"})
    void aChunkThatEndsBeforeItsPromisedSize_is400(String method, String path) throws IOException {
        RouteStubs.stubEverySuccess(api);
        try (RawHttp http = new RawHttp(api.server.port())) {
            String response = http.write(RawHttp.head(method, path, CHUNKED) + "64\r\n{\"name\":").endOutput()
                    .readResponse();

            assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"code\":\"INVALID_INPUT\"")
                    .contains("request body");
        }
        verifyNoInteractions(api.mutatingUseCases());
    }

    @ParameterizedTest
    @CsvSource({"POST, /rest/credentials", "PATCH, /rest/credentials/cred0000000001",
        "POST, /rest/encryption/keys", "POST, /rest/encryption/reencryption"})
    void aChunkSizeThatIsNotHexadecimal_is400(String method, String path) throws IOException {
        RouteStubs.stubEverySuccess(api);
        try (RawHttp http = new RawHttp(api.server.port())) {
            String response = http.write(RawHttp.head(method, path, CHUNKED) + "2\r\n{}\r\nzz\r\n}\r\n0\r\n\r\n")
                    .readResponse();

            assertThat(response).startsWith("HTTP/1.1 400 ");
        }
        verifyNoInteractions(api.mutatingUseCases());
    }
}
