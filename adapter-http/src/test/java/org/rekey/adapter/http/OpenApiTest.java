package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes exactly the routes the server registers. */
class OpenApiTest extends ApiTest {

    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern OPERATION = Pattern.compile("^    (get|put|post|patch|delete|head|options):\\s*$");
    private static final Set<String> PUBLIC = Set.of("GET /healthz", "GET /rest/openapi.yaml", "GET /settings/encryption-keys");

    /** An operation in the document and whether it opts out of authentication. */
    record Operation(String route, boolean publicAccess) {
    }

    @Test
    void document_isServedWithoutATokenAsYaml() throws IOException {
        ApiResponse response = api.send("GET", "/rest/openapi.yaml", null, null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/yaml");
        assertThat(response.body()).startsWith("openapi: 3.").isEqualTo(resource());
    }

    @Test
    void document_listsExactlyTheRegisteredRoutes() throws IOException {
        List<String> documented = operations(resource()).stream().map(Operation::route).toList();

        assertThat(documented).doesNotHaveDuplicates();
        assertThat(documented).containsExactlyInAnyOrderElementsOf(api.server.registeredRoutes());
    }

    @Test
    void document_marksExactlyThePublicRoutesAsNeedingNoToken() throws IOException {
        Set<String> documentedPublic = new LinkedHashSet<>();
        for (Operation operation : operations(resource())) {
            if (operation.publicAccess()) {
                documentedPublic.add(operation.route());
            }
        }

        assertThat(documentedPublic).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @Test
    void document_statesTheBodyLimit() throws IOException {
        assertThat(resource()).contains("1,114,112 bytes");
    }

    static List<Operation> operations(String yaml) {
        List<Operation> operations = new ArrayList<>();
        boolean inPaths = false;
        String path = null;
        String route = null;
        boolean publicAccess = false;
        for (String line : yaml.split("\n")) {
            if (!line.startsWith(" ") && !line.isBlank()) {
                inPaths = line.startsWith("paths:");
                continue;
            }
            if (!inPaths) {
                continue;
            }
            Matcher pathLine = PATH.matcher(line);
            Matcher operationLine = OPERATION.matcher(line);
            if (pathLine.matches() || operationLine.matches()) {
                if (route != null) {
                    operations.add(new Operation(route, publicAccess));
                    route = null;
                }
                if (pathLine.matches()) {
                    path = pathLine.group(1);
                } else {
                    route = operationLine.group(1).toUpperCase(Locale.ROOT) + " " + path;
                    publicAccess = false;
                }
            } else if (route != null && line.equals("      security: []")) {
                publicAccess = true;
            }
        }
        if (route != null) {
            operations.add(new Operation(route, publicAccess));
        }
        return operations;
    }

    private static String resource() throws IOException {
        try (InputStream in = OpenApiTest.class.getResourceAsStream("/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
