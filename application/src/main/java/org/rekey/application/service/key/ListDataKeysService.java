package org.rekey.application.service.key;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.KeySort;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.LoadSecretsPort;
import org.rekey.domain.key.DataKey;

/** Lists keys straight from the database (a list must be exact), filtered, sorted and paged in memory: keys are few. */
public final class ListDataKeysService implements ListDataKeysUseCase {

    private final LoadDataKeysPort loadDataKeys;
    private final LoadSecretsPort loadSecrets;

    public ListDataKeysService(LoadDataKeysPort loadDataKeys, LoadSecretsPort loadSecrets) {
        this.loadDataKeys = loadDataKeys;
        this.loadSecrets = loadSecrets;
    }

    @Override
    public DataKeyPage listDataKeys(ListDataKeysQuery query) {
        List<DataKey> matching = loadDataKeys.loadDataKeys().stream()
                .filter(k -> query.type().map(t -> t == k.type()).orElse(true))
                .filter(k -> query.activatedFrom().map(from -> !k.createdAt().isBefore(from)).orElse(true))
                .filter(k -> query.activatedTo().map(to -> !k.createdAt().isAfter(to)).orElse(true))
                .sorted(order(query.sort()))
                .toList();
        KeyRecordCounts counts = KeyRecordCounts.load(loadSecrets);
        Stream<DataKey> page = matching.stream().skip(query.skip());
        if (query.take() != null) {
            page = page.limit(query.take());
        }
        List<DataKeyView> items = page.map(counts::view).toList();
        return new DataKeyPage(matching.size(), items, counts.legacy());
    }

    private static Comparator<DataKey> order(KeySort sort) {
        Comparator<DataKey> byField = switch (sort.field()) {
            case CREATED_AT -> Comparator.comparing(DataKey::createdAt);
            case UPDATED_AT -> Comparator.comparing(DataKey::updatedAt);
            case STATUS -> Comparator.comparing((DataKey k) -> k.status().wireName());
        };
        Comparator<DataKey> stable = byField.thenComparing(DataKey::createdAt).thenComparing(k -> k.id().value());
        return sort.ascending() ? stable : stable.reversed();
    }
}
