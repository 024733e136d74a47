package org.rekey.adapter.cli.apikey;

import java.util.List;

/** {@code api-keys list --json}: {@code {count, items}} like the other lists. */
record ApiKeyListJson(long count, List<ApiKeyJson> items) {
}
