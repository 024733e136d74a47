package org.rekey.adapter.http.request;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rekey.domain.error.RekeyException;

/**
 * A route's query parameters, read strictly: unknown or repeated parameters and unparsable values are
 * a 400 naming the parameter.
 */
public final class QueryParams {

    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** The query of {@code ctx}, which may only use the {@code allowed} parameter names. */
    public static QueryParams of(Context ctx, Set<String> allowed) {
        Map<String, List<String>> params = ctx.queryParamMap();
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw RekeyException.invalid("unknown query parameter '" + entry.getKey() + "'"
                        + (allowed.isEmpty() ? "; this route takes none" : "; allowed: " + String.join(", ",
                                allowed.stream().sorted().toList())));
            }
            if (entry.getValue().size() > 1) {
                throw RekeyException.invalid("query parameter '" + entry.getKey() + "' is given more than once");
            }
        }
        return new QueryParams(params);
    }

    public Optional<String> text(String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A whole number of at least zero. */
    public Optional<Integer> count(String name) {
        return text(name).map(value -> {
            if (!value.matches("[0-9]{1,9}")) {
                throw RekeyException.invalid("query parameter '" + name + "' must be a whole number of 0 or more");
            }
            return Integer.parseInt(value);
        });
    }

    /** {@code true} or {@code false}. */
    public boolean flag(String name) {
        return text(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RekeyException.invalid("query parameter '" + name + "' must be true or false");
        }).orElse(false);
    }

    /**
     * An ISO 8601 instant ({@code 2024-05-01T12:00:00Z}, or with an offset), or a date
     * ({@code 2024-05-01}, UTC), which means its first moment, or its last when {@code endOfDay}. A
     * {@code +} offset sent unencoded arrives as a space and is read as {@code +}.
     */
    public Optional<Instant> instant(String name, boolean endOfDay) {
        return text(name).map(value -> {
            try {
                if (value.length() == 10) {
                    LocalDate date = LocalDate.parse(value);
                    return endOfDay ? date.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
                            : date.atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return OffsetDateTime.parse(value.replace(' ', '+')).toInstant();
            } catch (DateTimeParseException e) {
                throw RekeyException.invalid("query parameter '" + name
                        + "' must be an ISO 8601 date-time with an offset (2024-05-01T12:00:00Z) or a date (2024-05-01)");
            }
        });
    }
}
