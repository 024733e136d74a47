package org.rekey.adapter.cli.key;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.rekey.domain.error.RekeyException;

/**
 * The dates of an n8n {@code deployment_key} row: ISO 8601 with an offset, as PostgreSQL gives them
 * ({@code 2024-05-01T10:00:00.123+00:00}), or SQLite's {@code datetime(3)} text in UTC
 * ({@code 2024-05-01 10:00:00.123}).
 */
final class ImportDates {

    private ImportDates() {
    }

    /** @throws RekeyException {@code INVALID_INPUT} naming {@code what} for text that is not such a date */
    static Optional<Instant> parse(String text, String what) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
        } catch (DateTimeParseException e) {
            // SQLite's form, below
        }
        try {
            return Optional.of(LocalDateTime.parse(trimmed.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw RekeyException.invalid(what + " must be an ISO 8601 date-time like 2024-05-01T10:00:00.000Z");
        }
    }
}
