package org.rekey.adapter.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.apikey.Scope;

/** Maps {@link ApiKey} to and from its row; dates are kept to the millisecond. */
final class ApiKeyMapper {

    private static final String SEPARATOR = ",";

    private ApiKeyMapper() {
    }

    static ApiKey toDomain(ApiKeyEntity row) {
        return new ApiKey(row.id, row.label,
                Arrays.stream(row.scopes.split(SEPARATOR)).map(Scope::fromWire).collect(Collectors.toSet()),
                row.secretHash, row.createdAt, Optional.ofNullable(row.revokedAt));
    }

    static ApiKeyEntity toEntity(ApiKey key) {
        ApiKeyEntity row = new ApiKeyEntity();
        row.id = key.id();
        row.label = key.label();
        row.scopes = key.scopes().stream().sorted().map(Scope::wireName).collect(Collectors.joining(SEPARATOR));
        row.secretHash = key.secretHash();
        row.createdAt = millis(key.createdAt());
        row.revokedAt = key.revokedAt().map(ApiKeyMapper::millis).orElse(null);
        return row;
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
