package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rekey.adapter.http.ApiResponse.fieldNames;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.KeySort;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyType;

class KeyRoutesTest extends ApiTest {

    private static final List<String> KEY_FIELDS =
            List.of("id", "type", "algorithm", "status", "createdAt", "updatedAt", "recordCount");

    @Test
    void list_returnsCountItemsAndLegacyCount_inN8nShape() {
        when(api.listDataKeys.listDataKeys(any()))
                .thenReturn(new DataKeyPage(2, List.of(Samples.ACTIVE_KEY, Samples.OLD_KEY), 7));

        ApiResponse response = api.get("/rest/encryption/keys");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("count", "items", "legacyRecordCount");
        assertThat(body.get("count").asLong()).isEqualTo(2);
        assertThat(body.get("legacyRecordCount").asLong()).isEqualTo(7);
        JsonNode active = body.get("items").get(0);
        assertThat(fieldNames(active)).containsExactlyElementsOf(KEY_FIELDS);
        assertThat(active.get("id").asText()).isEqualTo("Act1veKeyId00001");
        assertThat(active.get("type").asText()).isEqualTo("data_encryption");
        assertThat(active.get("algorithm").asText()).isEqualTo("aes-256-gcm");
        assertThat(active.get("status").asText()).isEqualTo("active");
        assertThat(active.get("createdAt").asText()).isEqualTo("2024-06-01T10:00:00Z");
        assertThat(active.get("recordCount").asLong()).isEqualTo(12);
        assertThat(body.get("items").get(1).get("status").asText()).isEqualTo("inactive");
    }

    @Test
    void list_withoutQuery_asksForEverythingNewestFirst() {
        when(api.listDataKeys.listDataKeys(any())).thenReturn(new DataKeyPage(0, List.of(), 0));

        api.get("/rest/encryption/keys");

        ArgumentCaptor<ListDataKeysQuery> query = ArgumentCaptor.forClass(ListDataKeysQuery.class);
        verify(api.listDataKeys).listDataKeys(query.capture());
        assertThat(query.getValue()).isEqualTo(ListDataKeysQuery.all());
        assertThat(query.getValue().sort().wireName()).isEqualTo("createdAt:desc");
    }

    @Test
    void list_mapsEveryQueryParameterOntoTheQuery() {
        when(api.listDataKeys.listDataKeys(any())).thenReturn(new DataKeyPage(0, List.of(), 0));

        ApiResponse response = api.get("/rest/encryption/keys?skip=5&take=10&type=data_encryption&sortBy=status:asc"
                + "&activatedFrom=2024-05-01T00:00:00Z&activatedTo=2024-06-01T12:30:00%2B02:00");

        assertThat(response.status()).isEqualTo(200);
        ArgumentCaptor<ListDataKeysQuery> query = ArgumentCaptor.forClass(ListDataKeysQuery.class);
        verify(api.listDataKeys).listDataKeys(query.capture());
        assertThat(query.getValue()).isEqualTo(new ListDataKeysQuery(5, 10, Optional.of(KeyType.DATA_ENCRYPTION),
                new KeySort(KeySort.Field.STATUS, true), Optional.of(Instant.parse("2024-05-01T00:00:00Z")),
                Optional.of(Instant.parse("2024-06-01T10:30:00Z"))));
    }

    @Test
    void list_offsetWithAnUnencodedPlus_isReadAsPlus() {
        when(api.listDataKeys.listDataKeys(any())).thenReturn(new DataKeyPage(0, List.of(), 0));

        ApiResponse response = api.get("/rest/encryption/keys?activatedFrom=2024-06-01T12:30:00+02:00");

        assertThat(response.status()).isEqualTo(200);
        ArgumentCaptor<ListDataKeysQuery> query = ArgumentCaptor.forClass(ListDataKeysQuery.class);
        verify(api.listDataKeys).listDataKeys(query.capture());
        assertThat(query.getValue().activatedFrom()).contains(Instant.parse("2024-06-01T10:30:00Z"));
    }

    @Test
    void list_dateOnlyBounds_coverWholeDaysInUtc() {
        when(api.listDataKeys.listDataKeys(any())).thenReturn(new DataKeyPage(0, List.of(), 0));

        api.get("/rest/encryption/keys?activatedFrom=2024-05-01&activatedTo=2024-05-31");

        ArgumentCaptor<ListDataKeysQuery> query = ArgumentCaptor.forClass(ListDataKeysQuery.class);
        verify(api.listDataKeys).listDataKeys(query.capture());
        assertThat(query.getValue().activatedFrom()).contains(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(query.getValue().activatedTo()).contains(Instant.parse("2024-05-31T23:59:59.999999999Z"));
    }

    @Test
    void list_sameDayFromAndTo_isAllowed() {
        when(api.listDataKeys.listDataKeys(any())).thenReturn(new DataKeyPage(0, List.of(), 0));

        assertThat(api.get("/rest/encryption/keys?activatedFrom=2024-05-01&activatedTo=2024-05-01").status())
                .isEqualTo(200);
    }

    @Test
    void rotate_answers201WithTheNewActiveKeyAndItsLocation() {
        when(api.rotateDataKey.rotateDataKey(any())).thenReturn(Samples.NEW_KEY);

        ApiResponse response = api.postJson("/rest/encryption/keys", "{\"type\":\"data_encryption\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/rest/encryption/keys/NewKeyId00000003");
        assertThat(fieldNames(response.json())).containsExactlyElementsOf(KEY_FIELDS);
        assertThat(response.json().get("id").asText()).isEqualTo("NewKeyId00000003");
        assertThat(response.json().get("status").asText()).isEqualTo("active");
        verify(api.rotateDataKey).rotateDataKey(any());
    }

    @Test
    void rotate_acceptsJsonWithUtf8Charset() {
        when(api.rotateDataKey.rotateDataKey(any())).thenReturn(Samples.NEW_KEY);

        ApiResponse response = api.send("POST", "/rest/encryption/keys", ApiFixture.OWNER,
                "application/json; charset=UTF-8", "{\"type\":\"data_encryption\"}");

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void show_returnsOneKeyWithItsRecordCount() {
        when(api.showDataKey.showDataKey(new DataKeyId("0ldKeyId00000002"))).thenReturn(Samples.OLD_KEY);

        ApiResponse response = api.get("/rest/encryption/keys/0ldKeyId00000002");

        assertThat(response.status()).isEqualTo(200);
        assertThat(fieldNames(response.json())).containsExactlyElementsOf(KEY_FIELDS);
        assertThat(response.json().get("status").asText()).isEqualTo("inactive");
        assertThat(response.json().get("updatedAt").asText()).isEqualTo("2024-06-01T10:00:00Z");
        assertThat(response.json().get("recordCount").asLong()).isEqualTo(3);
    }

    @Test
    void destroy_returnsTheTombstone() {
        var tombstone = new DataKeyView("0ldKeyId00000002", "data_encryption",
                "aes-256-gcm", "destroyed", Samples.T0, Samples.T2, Optional.of(Samples.T2), 0);
        when(api.destroyDataKey.destroyDataKey(eq(new DataKeyId("0ldKeyId00000002")), any())).thenReturn(tombstone);

        ApiResponse response = api.send("DELETE", "/rest/encryption/keys/0ldKeyId00000002", ApiFixture.OWNER, null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asText()).isEqualTo("destroyed");
        verify(api.destroyDataKey).destroyDataKey(eq(new DataKeyId("0ldKeyId00000002")), any());
    }

    @Test
    void keyRoutes_bodiesNeverCarryKeyMaterialFields() {
        when(api.listDataKeys.listDataKeys(any())).thenReturn(new DataKeyPage(1, List.of(Samples.ACTIVE_KEY), 0));

        String body = api.get("/rest/encryption/keys").body();

        assertThat(body).doesNotContainIgnoringCase("value").doesNotContainIgnoringCase("material")
                .doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("wrapped");
    }
}
