package org.rekey.adapter.cli.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rekey.adapter.cli.CliRun;
import org.rekey.adapter.cli.JsonAssert;
import org.rekey.adapter.cli.TestContext;
import org.rekey.application.apikey.Scope;
import org.rekey.application.error.ApplicationErrorCode;
import org.rekey.application.port.in.apikey.ApiKeyView;
import org.rekey.application.port.in.apikey.CreateApiKeyCommand;
import org.rekey.application.port.in.apikey.CreatedApiKey;
import org.rekey.domain.error.RekeyException;

class ApiKeysCommandsTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");
    private static final String TOKEN = "rk_k1_0123456789abcdef";

    private final TestContext context = new TestContext();

    private void givenCreationSucceeds() {
        when(context.apiKeys.createApiKey().createApiKey(any(), any())).thenAnswer(call -> {
            CreateApiKeyCommand command = call.getArgument(0);
            return new CreatedApiKey(new ApiKeyView("k1", command.label(), command.scopes(), CREATED,
                    Optional.empty()), TOKEN);
        });
    }

    @Test
    void create_withOwner_grantsEveryScope_andPrintsOnlyTheTokenOnStdout() {
        givenCreationSucceeds();

        CliRun.Result result = CliRun.run(context, "api-keys", "create", "--label", "ops", "--owner");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(TOKEN);
        assertThat(result.err()).contains("k1", "ops", "shown only this once").doesNotContain(TOKEN);
        verify(context.apiKeys.createApiKey()).createApiKey(eq(new CreateApiKeyCommand("ops", EnumSet.allOf(Scope.class))), any());
    }

    @Test
    void create_withScopes_grantsThose() {
        givenCreationSucceeds();

        CliRun.run(context, "api-keys", "create", "--label", "reader", "--scopes", "credential:list, credential:read");

        verify(context.apiKeys.createApiKey()).createApiKey(eq(new CreateApiKeyCommand("reader", Set.of(Scope.CREDENTIAL_LIST, Scope.CREDENTIAL_READ))), any());
    }

    @Test
    void create_json_printsIdLabelScopesTokenAndDate() {
        givenCreationSucceeds();

        CliRun.Result result = CliRun.run(context, "api-keys", "create", "--label", "ci", "--scopes",
                "encryptionKey:manage", "--json");

        JsonNode json = JsonAssert.parse(result.out());
        assertThat(JsonAssert.fieldNames(json))
                .containsExactlyInAnyOrder("id", "label", "scopes", "token", "createdAt");
        assertThat(json.get("token").asText()).isEqualTo(TOKEN);
        assertThat(json.get("scopes").get(0).asText()).isEqualTo("encryptionKey:manage");
        assertThat(json.get("createdAt").asText()).isEqualTo("2024-05-01T10:00:00Z");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void create_withAnUnknownScope_isBadInput_listingTheKnownOnes() {
        CliRun.Result result = CliRun.run(context, "api-keys", "create", "--label", "x", "--scopes", "admin");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: unknown scope 'admin'; known scopes: encryptionKey:manage");
        assertThat(context.useCasesOpened).hasValue(0);
    }

    @Test
    void create_withBothOwnerAndScopes_isBadUsage() {
        CliRun.Result result = CliRun.run(context, "api-keys", "create", "--label", "x", "--owner", "--scopes",
                "credential:list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --scopes=S, --owner are mutually exclusive");
    }

    @Test
    void create_withNeitherOwnerNorScopes_isBadUsage() {
        assertThat(CliRun.run(context, "api-keys", "create", "--label", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void createHelp_listsEveryScope() {
        String help = CliRun.run(context, "api-keys", "create", "--help").out().replaceAll("\\s+", "");

        for (Scope scope : Scope.values()) {
            assertThat(help).contains(scope.wireName());
        }
    }

    @Test
    void list_printsLabelsScopesAndDates_neverTokens() {
        when(context.apiKeys.listApiKeys().listApiKeys()).thenReturn(List.of(
                new ApiKeyView("k1", "ops", EnumSet.allOf(Scope.class), CREATED, Optional.empty()),
                new ApiKeyView("k2", "old", Set.of(Scope.CREDENTIAL_READ), CREATED, Optional.of(CREATED))));

        CliRun.Result result = CliRun.run(context, "api-keys", "list");

        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID  LABEL  SCOPES").endsWith("CREATED               REVOKED");
        assertThat(lines.get(1)).startsWith("k1  ops    encryptionKey:manage,credential:create,credential:read,")
                .endsWith("2024-05-01T10:00:00Z  -");
        assertThat(lines.get(2)).startsWith("k2  old    credential:read ")
                .endsWith("2024-05-01T10:00:00Z  2024-05-01T10:00:00Z");
        int createdColumn = lines.get(0).indexOf("CREATED");
        assertThat(lines.get(1).indexOf("2024")).isEqualTo(createdColumn);
        assertThat(lines.get(2).indexOf("2024")).isEqualTo(createdColumn);
        assertThat(result.out()).doesNotContain("rk_");
    }

    @Test
    void list_json_hasCountAndItems() {
        when(context.apiKeys.listApiKeys().listApiKeys()).thenReturn(List.of(
                new ApiKeyView("k2", "old", Set.of(Scope.CREDENTIAL_READ), CREATED, Optional.of(CREATED))));

        JsonNode json = JsonAssert.parse(CliRun.run(context, "api-keys", "list", "--json").out());

        assertThat(json.get("count").asInt()).isEqualTo(1);
        JsonNode item = json.get("items").get(0);
        assertThat(JsonAssert.fieldNames(item))
                .containsExactlyInAnyOrder("id", "label", "scopes", "createdAt", "revokedAt");
        assertThat(item.get("revokedAt").asText()).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void revoke_revokesAndSaysSo() {
        CliRun.Result result = CliRun.run(context, "api-keys", "revoke", "k1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("revoked API key k1\n");
        verify(context.apiKeys.revokeApiKey()).revokeApiKey(eq("k1"), any());
    }

    @Test
    void revoke_ofAnUnknownKey_isNotFound() {
        org.mockito.Mockito.doThrow(new RekeyException(ApplicationErrorCode.API_KEY_NOT_FOUND, "no API key k9"))
                .when(context.apiKeys.revokeApiKey()).revokeApiKey(eq("k9"), any());

        CliRun.Result result = CliRun.run(context, "api-keys", "revoke", "k9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: no API key k9 [API_KEY_NOT_FOUND]\n");
    }
}
