package org.rekey.adapter.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;

/** A small keyring for the browser test: lists with filters and sorting, and rotates. */
final class InMemoryKeys implements ListDataKeysUseCase, RotateDataKeyUseCase {

    static final String FIRST_ID = "0ldestKeyAAAA001";
    static final String ACTIVE_ID = "Act1veKeyBBBB002";

    private final List<DataKeyView> keys = new ArrayList<>();
    private int rotations;

    InMemoryKeys() {
        Instant first = Instant.parse("2024-03-01T09:00:00Z");
        Instant second = Instant.parse("2024-06-01T09:00:00Z");
        keys.add(view(FIRST_ID, "inactive", first, second, 4));
        keys.add(view(ACTIVE_ID, "active", second, second, 11));
    }

    @Override
    public synchronized DataKeyPage listDataKeys(ListDataKeysQuery query) {
        Comparator<DataKeyView> order = switch (query.sort().field()) {
            case CREATED_AT -> Comparator.comparing(DataKeyView::createdAt);
            case UPDATED_AT -> Comparator.comparing(DataKeyView::updatedAt);
            case STATUS -> Comparator.comparing(DataKeyView::status);
        };
        List<DataKeyView> matching = keys.stream()
                .filter(key -> query.activatedFrom().map(from -> !key.createdAt().isBefore(from)).orElse(true))
                .filter(key -> query.activatedTo().map(to -> !key.createdAt().isAfter(to)).orElse(true))
                .sorted(query.sort().ascending() ? order : order.reversed())
                .toList();
        List<DataKeyView> page = matching.stream().skip(query.skip())
                .limit(query.take() == null ? Long.MAX_VALUE : query.take()).toList();
        return new DataKeyPage(matching.size(), page, 2);
    }

    @Override
    public synchronized DataKeyView rotateDataKey() {
        Instant now = Instant.now();
        for (int i = 0; i < keys.size(); i++) {
            DataKeyView key = keys.get(i);
            if (key.status().equals("active")) {
                keys.set(i, view(key.id(), "inactive", key.createdAt(), now, key.recordCount()));
            }
        }
        rotations++;
        DataKeyView fresh = view("Rotated" + rotations + "KeyCCCC0" + rotations, "active", now, now, 0);
        keys.add(fresh);
        return fresh;
    }

    synchronized int rotations() {
        return rotations;
    }

    private static DataKeyView view(String id, String status, Instant created, Instant updated, long records) {
        return new DataKeyView(id, "data_encryption", "aes-256-gcm", status, created, updated,
                status.equals("active") ? Optional.empty() : Optional.of(updated), records);
    }
}
