package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rekey.application.port.out.LoadDataKeysPort;
import org.rekey.application.port.out.SaveDataKeysPort;
import org.rekey.application.port.out.SecretRewrite;
import org.rekey.application.port.out.StoredSecret;
import org.rekey.application.port.out.WrappedSecretsPort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.DataKey;

/** The data keys in {@code deployment_key}. rekey's own schema keeps no other secret under the instance key. */
public final class DataKeyRepository implements LoadDataKeysPort, SaveDataKeysPort, WrappedSecretsPort {

    private final ThreadBoundTransactions transactions;

    DataKeyRepository(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<DataKey> loadDataKeys() {
        return transactions.read(em -> {
            List<DataKey> keys = new ArrayList<>();
            for (DataKeyEntity row : em.createQuery("select k from DataKeyEntity k", DataKeyEntity.class)
                    .getResultList()) {
                keys.add(DataKeyMapper.toDomain(row));
                em.detach(row);
            }
            return keys;
        }, e -> StorageErrors.failure("loading data keys", e));
    }

    /**
     * Inserts or updates each key in list order, flushing each before the next, so the database sees
     * "demote the old active key" before "insert the new active key".
     */
    @Override
    public void saveDataKeys(List<DataKey> changed) {
        List<DataKey> keys = List.copyOf(Objects.requireNonNull(changed, "changed"));
        transactions.call(em -> {
            keys.forEach(key -> save(em, key));
            return null;
        }, DataKeyRepository::translate);
    }

    private static void save(EntityManager em, DataKey key) {
        DataKeyEntity row = em.find(DataKeyEntity.class, key.id().value());
        if (row == null) {
            row = DataKeyMapper.toEntity(key);
            em.persist(row);
        } else {
            DataKeyMapper.copy(key, row);
        }
        em.flush();
        em.detach(row);
    }

    @Override
    public List<StoredSecret> loadWrappedSecrets() {
        return List.of();
    }

    @Override
    public List<SecretRewrite> rewrapSecrets(List<SecretRewrite> rewrites) {
        if (!rewrites.isEmpty()) {
            throw new IllegalArgumentException("rekey's own schema keeps no secrets wrapped by the instance key");
        }
        return List.of();
    }

    private static RekeyException translate(PersistenceException e) {
        if (StorageErrors.violates(e, StorageErrors.ONE_ACTIVE_KEY) || StorageErrors.lostRace(e)) {
            return new RekeyException(ErrorCode.ROTATION_CONFLICT, "another instance changed the active data key at"
                    + " the same moment; nothing was saved, retry with the keys as they are now", e);
        }
        if (StorageErrors.violates(e, StorageErrors.DATA_KEY_PK)) {
            return new RekeyException(ErrorCode.DUPLICATE_ID, "another instance stored a data key with the same id"
                    + " at the same moment; nothing was saved", e);
        }
        return StorageErrors.failure("saving data keys", e);
    }
}
