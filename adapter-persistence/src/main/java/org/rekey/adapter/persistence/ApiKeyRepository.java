package org.rekey.adapter.persistence;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rekey.application.apikey.ApiKey;
import org.rekey.application.port.out.ApiKeyStorePort;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/** API keys in {@code api_key}: the hash of each token's secret, never the token. */
public final class ApiKeyRepository implements ApiKeyStorePort {

    private static final int MAX_ID_LENGTH = 36;
    private static final int MAX_HASH_LENGTH = 128;

    private final ThreadBoundTransactions transactions;

    ApiKeyRepository(ThreadBoundTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insertApiKey(ApiKey key) {
        requireStorable(key);
        transactions.call(em -> {
            if (exists(em, key.id())) {
                throw duplicate(key.id(), null);
            }
            ApiKeyEntity row = ApiKeyMapper.toEntity(key);
            em.persist(row);
            em.flush();
            em.detach(row);
            return null;
        }, e -> StorageErrors.violates(e, StorageErrors.API_KEY_PK)
                ? duplicate(key.id(), e)
                : StorageErrors.failure("saving an API key", e));
    }

    @Override
    public Optional<ApiKey> loadApiKey(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return transactions.read(em -> {
            ApiKeyEntity row = em.find(ApiKeyEntity.class, id);
            if (row == null) {
                return Optional.<ApiKey>empty();
            }
            em.detach(row);
            return Optional.of(ApiKeyMapper.toDomain(row));
        }, e -> StorageErrors.failure("loading an API key", e));
    }

    /** Oldest first. */
    @Override
    public List<ApiKey> listApiKeys() {
        return transactions.read(em -> {
            List<ApiKey> keys = new ArrayList<>();
            for (ApiKeyEntity row : em.createQuery("select k from ApiKeyEntity k order by k.createdAt, k.id",
                    ApiKeyEntity.class).getResultList()) {
                keys.add(ApiKeyMapper.toDomain(row));
                em.detach(row);
            }
            return keys;
        }, e -> StorageErrors.failure("listing API keys", e));
    }

    /**
     * Revoking a revoked key succeeds and keeps the first revocation date. One conditional JPQL statement
     * ({@code ... WHERE revoked_at IS NULL}): the database keeps the first of two racing revocations, with no
     * version column and no read first.
     */
    @Override
    public boolean revokeApiKey(String id, Instant at) {
        Objects.requireNonNull(at, "at");
        if (id == null) {
            return false;
        }
        return transactions.call(em -> {
            int revoked = em.createQuery("update ApiKeyEntity k set k.revokedAt = :at"
                            + " where k.id = :id and k.revokedAt is null")
                    .setParameter("at", ApiKeyMapper.millis(at))
                    .setParameter("id", id)
                    .executeUpdate();
            return revoked > 0 || exists(em, id);
        }, e -> StorageErrors.failure("revoking an API key", e));
    }

    private static boolean exists(EntityManager em, String id) {
        return em.createQuery("select count(k) from ApiKeyEntity k where k.id = :id", Long.class)
                .setParameter("id", id)
                .getSingleResult() > 0;
    }

    private static void requireStorable(ApiKey key) {
        Objects.requireNonNull(key, "key");
        if (key.id() == null || key.id().isBlank() || key.id().length() > MAX_ID_LENGTH) {
            throw RekeyException.invalid("an API key id is 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (key.secretHash() == null || key.secretHash().isBlank() || key.secretHash().length() > MAX_HASH_LENGTH
                || key.createdAt() == null
                || key.revokedAt() == null) {
            throw RekeyException.invalid("API key " + key.id() + " lacks its secret hash or dates");
        }
    }

    private static RekeyException duplicate(String id, Throwable cause) {
        return new RekeyException(ErrorCode.DUPLICATE_ID, "an API key with id " + id + " already exists", cause);
    }
}
