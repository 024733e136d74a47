package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.adapter.http.ApiResponse.fieldNames;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CredentialPage;
import org.rekey.application.port.in.credential.ListCredentialsQuery;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.domain.record.RecordId;

class CredentialRoutesTest extends ApiTest {

    private static final List<String> METADATA = List.of("id", "name", "type", "keyId", "valueFormat", "createdAt", "updatedAt");
    private static final RecordId ID = new RecordId("cred0000000001");

    @Test
    void create_answers201WithMetadataKeyIdAndLocation_andPassesTheDataAsJson() {
        when(api.createCredential.createCredential(any())).thenReturn(Samples.CREDENTIAL);

        ApiResponse response = api.postJson("/rest/credentials",
                "{\"name\":\"Slack\",\"type\":\"slackApi\",\"data\":{\"token\":\"xoxb-1\",\"nested\":{\"n\":[1,2]}}}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/rest/credentials/cred0000000001");
        assertThat(fieldNames(response.json())).containsExactlyElementsOf(METADATA);
        assertThat(response.json().get("keyId").asText()).isEqualTo("Act1veKeyId00001");
        assertThat(response.body()).doesNotContain("xoxb-1");
        ArgumentCaptor<CreateCredentialCommand> command = ArgumentCaptor.forClass(CreateCredentialCommand.class);
        verify(api.createCredential).createCredential(command.capture());
        assertThat(command.getValue().name()).isEqualTo("Slack");
        assertThat(command.getValue().type()).isEqualTo("slackApi");
        assertThat(command.getValue().dataJson()).isEqualTo("{\"token\":\"xoxb-1\",\"nested\":{\"n\":[1,2]}}");
    }

    @Test
    void create_legacyCredential_hasNullKeyId() {
        when(api.createCredential.createCredential(any())).thenReturn(Samples.LEGACY_CREDENTIAL);

        ApiResponse response = api.postJson("/rest/credentials", "{\"name\":\"Old\",\"type\":\"t\",\"data\":{}}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().has("keyId")).isTrue();
        assertThat(response.json().get("keyId").isNull()).isTrue();
        assertThat(response.json().get("valueFormat").asText()).isEqualTo("legacy");
    }

    @Test
    void list_returnsCountAndMetadataOnly_withPaging() {
        when(api.listCredentials.listCredentials(any()))
                .thenReturn(new CredentialPage(9, List.of(Samples.CREDENTIAL, Samples.LEGACY_CREDENTIAL)));

        ApiResponse response = api.get("/rest/credentials?skip=2&take=2");

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactly("count", "items");
        assertThat(response.json().get("count").asLong()).isEqualTo(9);
        for (JsonNode item : response.json().get("items")) {
            assertThat(fieldNames(item)).containsExactlyElementsOf(METADATA);
        }
        verify(api.listCredentials).listCredentials(new ListCredentialsQuery(2, 2));
    }

    @Test
    void list_withoutPaging_asksForAll() {
        when(api.listCredentials.listCredentials(any())).thenReturn(new CredentialPage(0, List.of()));

        api.get("/rest/credentials");

        verify(api.listCredentials).listCredentials(ListCredentialsQuery.all());
    }

    @Test
    void get_withoutIncludeData_returnsMetadataOnly() {
        when(api.getCredential.getCredential(ID, false)).thenReturn(Samples.CREDENTIAL);

        ApiResponse response = api.get("/rest/credentials/cred0000000001");

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactlyElementsOf(METADATA);
        verify(api.getCredential).getCredential(ID, false);
    }

    @Test
    void get_withIncludeData_returnsTheDecryptedDataAsAJsonObject() {
        when(api.getCredential.getCredential(ID, true))
                .thenReturn(Samples.CREDENTIAL.withData("{\"token\":\"xoxb-1\",\"port\":5432}"));

        ApiResponse response = api.get("/rest/credentials/cred0000000001?includeData=true");

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.isObject()).isTrue();
        assertThat(data.get("token").asText()).isEqualTo("xoxb-1");
        assertThat(data.get("port").asInt()).isEqualTo(5432);
    }

    @Test
    void get_includeDataFalse_isTheSameAsLeavingItOut() {
        when(api.getCredential.getCredential(ID, false)).thenReturn(Samples.CREDENTIAL);

        ApiResponse response = api.get("/rest/credentials/cred0000000001?includeData=false");

        assertThat(fieldNames(response.json())).containsExactlyElementsOf(METADATA);
    }

    @Test
    void get_dataThatIsNotAJsonObject_is422WithoutEchoingIt() {
        when(api.getCredential.getCredential(ID, true)).thenReturn(Samples.CREDENTIAL.withData("not-json s3cret"));

        ApiResponse response = api.get("/rest/credentials/cred0000000001?includeData=true");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asText()).isEqualTo("DECRYPTION_FAILED");
        assertThat(response.body()).doesNotContain("s3cret");
    }

    @Test
    void patch_renamesAndReplacesData() {
        when(api.updateCredential.updateCredential(any())).thenReturn(Samples.CREDENTIAL);

        ApiResponse response = api.send("PATCH", "/rest/credentials/cred0000000001", ApiFixture.OWNER,
                ApiFixture.JSON, "{\"name\":\"Renamed\",\"data\":{\"k\":\"v\"}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactlyElementsOf(METADATA);
        ArgumentCaptor<UpdateCredentialCommand> command = ArgumentCaptor.forClass(UpdateCredentialCommand.class);
        verify(api.updateCredential).updateCredential(command.capture());
        assertThat(command.getValue().id()).isEqualTo(ID);
        assertThat(command.getValue().name()).contains("Renamed");
        assertThat(command.getValue().dataJson()).contains("{\"k\":\"v\"}");
        assertThat(command.getValue().expectedVersion()).isEmpty();
    }

    @Test
    void patch_nameOnly_leavesDataAlone() {
        when(api.updateCredential.updateCredential(any())).thenReturn(Samples.CREDENTIAL);

        api.send("PATCH", "/rest/credentials/cred0000000001", ApiFixture.OWNER, ApiFixture.JSON, "{\"name\":\"New\"}");

        ArgumentCaptor<UpdateCredentialCommand> command = ArgumentCaptor.forClass(UpdateCredentialCommand.class);
        verify(api.updateCredential).updateCredential(command.capture());
        assertThat(command.getValue().name()).contains("New");
        assertThat(command.getValue().dataJson()).isEqualTo(Optional.empty());
    }

    @Test
    void delete_answers204WithNoBody() {
        ApiResponse response = api.send("DELETE", "/rest/credentials/cred0000000001", ApiFixture.OWNER, null, null);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        verify(api.deleteCredential).deleteCredential(ID);
    }

    @Test
    void apiResponses_areNotCacheable() {
        when(api.getCredential.getCredential(ID, true)).thenReturn(Samples.CREDENTIAL.withData("{}"));

        ApiResponse response = api.get("/rest/credentials/cred0000000001?includeData=true");

        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }
}
