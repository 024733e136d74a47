package org.rekey.adapter.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rekey.application.audit.Actor;
import org.rekey.application.port.in.key.DataKeyPage;
import org.rekey.application.port.in.key.DataKeyView;
import org.rekey.application.port.in.key.DestroyDataKeyUseCase;
import org.rekey.application.port.in.key.ListDataKeysQuery;
import org.rekey.application.port.in.key.ListDataKeysUseCase;
import org.rekey.application.port.in.key.RotateDataKeyUseCase;
import org.rekey.application.port.in.key.ShowDataKeyUseCase;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKeyId;

/**
 * A small keyring for the browser test: lists with filters and sorting, rotates, shows one key and destroys an
 * unused inactive one (or refuses as the test says).
 */
final class InMemoryKeys implements ListDataKeysUseCase, RotateDataKeyUseCase, ShowDataKeyUseCase,
        DestroyDataKeyUseCase {

    static final String FIRST_ID = "0ldestKeyAAAA001";
    static final String ACTIVE_ID = "Act1veKeyBBBB002";

    private final List<DataKeyView> keys = new ArrayList<>();
    private int rotations;
    private int destructions;
    private RekeyException refusal;

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
    public synchronized Optional<DataKeyView> rotateDataKeyIfOlderThan(Duration maxAge, Actor actor) {
        throw new UnsupportedOperationException("the settings page never schedules rotations");
    }

    @Override
    public synchronized DataKeyView rotateDataKey(Actor actor) {
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

    @Override
    public synchronized DataKeyView showDataKey(DataKeyId id) {
        return find(id.value());
    }

    @Override
    public synchronized DataKeyView destroyDataKey(DataKeyId id, Actor actor) {
        DataKeyView key = find(id.value());
        if (refusal != null) {
            throw refusal;
        }
        if (key.recordCount() > 0) {
            throw new RekeyException(ErrorCode.KEY_IN_USE, key.recordCount() + " records use key " + key.id());
        }
        DataKeyView destroyed = view(key.id(), "destroyed", key.createdAt(), Instant.now(), 0);
        keys.set(keys.indexOf(key), destroyed);
        destructions++;
        return destroyed;
    }

    synchronized int destructions() {
        return destructions;
    }

    /** From now on, {@code id} counts {@code records} records. */
    synchronized void setRecordCount(String id, long records) {
        DataKeyView key = find(id);
        keys.set(keys.indexOf(key), view(key.id(), key.status(), key.createdAt(), key.updatedAt(), records));
    }

    /** From now on, destroying fails with {@code refusal}, as a server that found a record meanwhile would. */
    synchronized void refuseDestroy(RekeyException refusal) {
        this.refusal = refusal;
    }

    private DataKeyView find(String id) {
        return keys.stream().filter(key -> key.id().equals(id)).findFirst()
                .orElseThrow(() -> new RekeyException(ErrorCode.KEY_NOT_FOUND, "no data key with id " + id));
    }

    private static DataKeyView view(String id, String status, Instant created, Instant updated, long records) {
        return new DataKeyView(id, "data_encryption", "aes-256-gcm", status, created, updated,
                status.equals("active") ? Optional.empty() : Optional.of(updated), records);
    }
}
