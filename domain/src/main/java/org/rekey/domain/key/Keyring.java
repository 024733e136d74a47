package org.rekey.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.domain.crypto.Base64Text;
import org.rekey.domain.crypto.GcmV1;
import org.rekey.domain.crypto.LegacyCbc;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;

/**
 * The set of data keys of one deployment, unwrapped under its instance key: the aggregate that owns
 * the rules of rotation.
 *
 * <ul>
 *   <li>Either the keyring is empty (rotation never enabled), or exactly one key is active.</li>
 *   <li>Only the active key encrypts; every key it holds, but a destroyed one, decrypts.</li>
 *   <li>{@link #rotate} adds a new key and promotes it; the previous active key becomes inactive.</li>
 * </ul>
 *
 * <p>A keyring is immutable: every change returns a new keyring together with the keys that changed,
 * which the caller persists. It is safe to share between threads. Reconstituting from storage
 * unwraps every key once, so the hot path (decrypt a value) does no I/O and no unwrapping.
 */
public final class Keyring {

    private static final Comparator<DataKey> BY_CREATION =
            Comparator.comparing(DataKey::createdAt).thenComparing(k -> k.id().value());

    private final InstanceKey instanceKey;
    private final Map<DataKeyId, DataKey> keys;
    private final Map<DataKeyId, UnwrappedKey> unwrapped;
    private final Map<DataKeyId, RekeyException> unusable;
    private final DataKey active;

    private Keyring(InstanceKey instanceKey, Collection<DataKey> stored, Keyring previous) {
        this.instanceKey = instanceKey;
        this.keys = new LinkedHashMap<>();
        stored.stream().sorted(BY_CREATION).forEach(k -> {
            if (keys.put(k.id(), k) != null) {
                throw RekeyException.invalid("two stored keys have the id " + k.id());
            }
        });
        List<DataKey> actives = keys.values().stream().filter(DataKey::isActive).toList();
        if (!keys.isEmpty() && actives.size() != 1) {
            throw new RekeyException(ErrorCode.NO_ACTIVE_KEY, "the keyring must have exactly one active key, but has "
                    + actives.size() + "; the key table was changed by hand or by a foreign tool");
        }
        this.active = actives.isEmpty() ? null : actives.get(0);
        this.unwrapped = new HashMap<>();
        this.unusable = new HashMap<>();
        for (DataKey key : keys.values()) {
            if (key.status() == KeyStatus.DESTROYED) {
                continue;
            }
            UnwrappedKey reused = previous == null ? null : previous.reusable(key);
            try {
                unwrapped.put(key.id(), reused != null ? reused : UnwrappedKey.unwrap(instanceKey, key));
            } catch (RekeyException e) {
                if (key.isActive()) {
                    throw e;
                }
                unusable.put(key.id(), e);
            }
        }
    }

    /** A keyring with no data keys: rotation was never enabled; values are legacy only. */
    public static Keyring empty(InstanceKey instanceKey) {
        return new Keyring(instanceKey, List.of(), null);
    }

    /**
     * The first keys of a deployment, as n8n seeds them: the inactive legacy {@code aes-256-cbc} row
     * (wrapping the instance key string itself) and an active {@code aes-256-gcm} key.
     */
    public static Keyring seed(InstanceKey instanceKey, Instant now, SecureRandom random) {
        DataKeyId legacyId = DataKeyId.generate(random);
        String instanceKeyString = instanceKey.reveal(SecretAccess.granted());
        DataKey legacy = DataKey.create(legacyId, KeyAlgorithm.AES_256_CBC, KeyStatus.INACTIVE,
                instanceKey.wrap(instanceKeyString.getBytes(StandardCharsets.UTF_8)), now);
        DataKey first = newGcmKey(instanceKey, freshId(Map.of(legacyId, legacy), random), now, random);
        return new Keyring(instanceKey, List.of(legacy, first), null);
    }

    /**
     * Rebuilds a keyring from stored keys and unwraps them.
     *
     * @throws RekeyException {@code WRONG_INSTANCE_KEY} if the active key does not unwrap;
     *     {@code NO_ACTIVE_KEY} if keys exist but not exactly one is active
     */
    public static Keyring reconstitute(InstanceKey instanceKey, Collection<DataKey> stored) {
        return new Keyring(instanceKey, stored, null);
    }

    /** Like {@link #reconstitute}, reusing this keyring's unwrapped material for keys that did not change. */
    public Keyring refresh(Collection<DataKey> stored) {
        return new Keyring(instanceKey, stored, this);
    }

    private UnwrappedKey reusable(DataKey key) {
        DataKey known = keys.get(key.id());
        return known != null && known.wrappedValue().equals(key.wrappedValue()) ? unwrapped.get(key.id()) : null;
    }

    /** A new active key; the current one becomes inactive. O(1) in the number of records. */
    public KeyChange rotate(Instant now, SecureRandom random) {
        DataKey current = requireActive();
        DataKey created = newGcmKey(instanceKey, freshId(keys, random), now, random);
        DataKey retired = current.withStatus(KeyStatus.INACTIVE, now);
        return change(List.of(retired, created));
    }

    /**
     * Adds a key exported from n8n (a {@code deployment_key} row). It must unwrap under this instance key.
     * Importing an active key demotes the current one.
     */
    public KeyChange importKey(DataKey imported, Instant now) {
        requireActive();
        if (keys.containsKey(imported.id())) {
            throw new RekeyException(ErrorCode.DUPLICATE_ID, "a key with id " + imported.id() + " already exists");
        }
        if (imported.status() == KeyStatus.DESTROYED) {
            throw RekeyException.invalid("a destroyed key cannot be imported");
        }
        UnwrappedKey.unwrap(instanceKey, imported);
        List<DataKey> changed = new ArrayList<>();
        if (imported.isActive()) {
            changed.add(active.withStatus(KeyStatus.INACTIVE, now));
        }
        changed.add(imported);
        return change(changed);
    }

    /**
     * Adds several keys exported from n8n at once (the rows of a {@code deployment_key} dump), each as
     * {@link #importKey} would. Into a keyring with no keys yet, the rows take the place of seeding: they must
     * then hold exactly one active key, as n8n's table does.
     *
     * @throws RekeyException {@code INVALID_INPUT} for no rows, a repeated id or more than one active row;
     *     {@code NO_ACTIVE_KEY} for rows without an active key into an empty keyring; as {@link #importKey}
     */
    public KeyChange importKeys(List<DataKey> imported, Instant now) {
        if (imported.isEmpty()) {
            throw RekeyException.invalid("there are no keys to import");
        }
        if (imported.stream().map(DataKey::id).distinct().count() < imported.size()) {
            throw RekeyException.invalid("a key id appears twice among the keys to import");
        }
        long activeRows = imported.stream().filter(DataKey::isActive).count();
        if (activeRows > 1) {
            throw RekeyException.invalid(activeRows + " of the keys to import are active; at most one may be");
        }
        if (!keys.isEmpty()) {
            Keyring keyring = this;
            Map<DataKeyId, DataKey> changed = new LinkedHashMap<>();
            for (DataKey key : imported) {
                KeyChange step = keyring.importKey(key, now);
                step.changed().forEach(k -> changed.put(k.id(), k));
                keyring = step.keyring();
            }
            return new KeyChange(keyring, List.copyOf(changed.values()));
        }
        if (activeRows == 0) {
            throw new RekeyException(ErrorCode.NO_ACTIVE_KEY, "the store has no keys yet, so the import takes the"
                    + " place of the first keys and must include the active one (import every row of n8n's"
                    + " deployment_key table at once)");
        }
        for (DataKey key : imported) {
            if (key.status() == KeyStatus.DESTROYED) {
                throw RekeyException.invalid("a destroyed key cannot be imported");
            }
            UnwrappedKey.unwrap(instanceKey, key);
        }
        return change(imported);
    }

    /**
     * Wipes an inactive key's material, keeping a tombstone. The caller must first prove that no
     * record uses it.
     */
    public KeyChange destroy(DataKeyId id, Instant now) {
        DataKey key = key(id);
        if (key.isActive()) {
            throw new RekeyException(ErrorCode.KEY_ACTIVE, "key " + id + " is active; rotate first, then destroy it");
        }
        if (key.status() == KeyStatus.DESTROYED) {
            throw new RekeyException(ErrorCode.KEY_DESTROYED, destroyedMessage(key));
        }
        return change(List.of(key.destroyed(now)));
    }

    /**
     * Every usable key wrapped anew under {@code newInstanceKey}. The legacy {@code aes-256-cbc} row stands for
     * the instance key itself (n8n refuses a legacy row that does not unwrap to its instance key), so where it
     * holds the current instance key it gets the new one. Values that name it must therefore be moved to a GCM
     * key first, as {@code instance-key change} does.
     */
    public KeyChange rewrap(InstanceKey newInstanceKey, Instant now) {
        if (!unusable.isEmpty()) {
            DataKeyId id = unusable.keySet().iterator().next();
            throw new RekeyException(ErrorCode.DECRYPTION_FAILED,
                    "key " + id + " cannot be unwrapped, so it cannot be re-wrapped: " + unusable.get(id).getMessage());
        }
        List<DataKey> rewrapped = new ArrayList<>();
        for (DataKey key : keys.values()) {
            if (key.status() != KeyStatus.DESTROYED) {
                byte[] secret = unwrapped.get(key.id()).wrappable();
                if (key.algorithm() == KeyAlgorithm.AES_256_CBC && instanceKey.isValue(secret)) {
                    secret = newInstanceKey.valueBytes();
                }
                rewrapped.add(key.withWrappedValue(newInstanceKey.wrap(secret), now));
            } else {
                rewrapped.add(key);
            }
        }
        return new KeyChange(new Keyring(newInstanceKey, rewrapped, null), rewrapped);
    }

    private KeyChange change(List<DataKey> changed) {
        Map<DataKeyId, DataKey> next = new LinkedHashMap<>(keys);
        changed.forEach(k -> next.put(k.id(), k));
        return new KeyChange(new Keyring(instanceKey, next.values(), this), changed);
    }

    /** Encrypts under the active key ({@code keyId:ciphertext}), or in the legacy format. */
    public String encrypt(String plaintext, WriteFormat format) {
        if (plaintext == null) {
            throw RekeyException.invalid("nothing to encrypt: the plaintext is missing");
        }
        if (format == WriteFormat.LEGACY) {
            return instanceKey.encryptLegacy(plaintext);
        }
        DataKey key = requireActive();
        return key.id().value() + ":" + unwrapped.get(key.id()).encrypt(plaintext);
    }

    /**
     * Decrypts any stored value: legacy, or naming any key of this keyring.
     *
     * @throws RekeyException {@code MALFORMED_VALUE}, {@code UNSUPPORTED_VERSION}, {@code KEY_NOT_FOUND},
     *     {@code KEY_DESTROYED} or {@code DECRYPTION_FAILED}; never with plaintext or key material
     */
    public String decrypt(String value) {
        StoredValue parsed = StoredValue.parse(value);
        if (parsed.isLegacy()) {
            return instanceKey.decryptLegacy(parsed.ciphertext());
        }
        return usable(parsed.keyId().orElseThrow()).decrypt(parsed.ciphertext());
    }

    /** Tells a value's format, key and key status without decrypting it. */
    public ValueInfo inspect(String value) {
        StoredValue parsed = StoredValue.parse(value);
        byte[] raw = Base64Text.decode(parsed.ciphertext(), "the ciphertext");
        ValueFormat format;
        if (LegacyCbc.looksLike(raw)) {
            format = parsed.isLegacy() ? ValueFormat.LEGACY : ValueFormat.KEYED_CBC;
        } else if (parsed.isLegacy()) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE,
                    "malformed value: no key id, and not an OpenSSL \"Salted__\" legacy value");
        } else if (raw.length < GcmV1.HEADER_LENGTH) {
            throw new RekeyException(ErrorCode.MALFORMED_VALUE, "malformed value: too short for GCM v1");
        } else if (raw[0] != GcmV1.VERSION) {
            throw new RekeyException(ErrorCode.UNSUPPORTED_VERSION,
                    "unsupported GCM value version " + (raw[0] & 0xff) + "; only version 1 is known");
        } else {
            format = ValueFormat.GCM_V1;
        }
        Optional<KeyStatus> status = parsed.keyId().map(keys::get).map(DataKey::status);
        return new ValueInfo(format, parsed.keyId(), status);
    }

    /** True when {@code value} names the active key. Legacy values never are. */
    public boolean isOnActiveKey(String value) {
        return active != null && StoredValue.parse(value).keyId().filter(active.id()::equals).isPresent();
    }

    private UnwrappedKey usable(DataKeyId id) {
        DataKey key = keys.get(id);
        if (key == null) {
            throw new RekeyException(ErrorCode.KEY_NOT_FOUND, "the value names key " + id + ", which is not in the keyring");
        }
        if (key.status() == KeyStatus.DESTROYED) {
            throw new RekeyException(ErrorCode.KEY_DESTROYED, destroyedMessage(key));
        }
        RekeyException failure = unusable.get(id);
        if (failure != null) {
            throw new RekeyException(failure.code(), failure.getMessage());
        }
        return unwrapped.get(id);
    }

    private static String destroyedMessage(DataKey key) {
        return "key " + key.id() + " was destroyed at " + key.updatedAt();
    }

    public Optional<DataKey> activeKey() {
        return Optional.ofNullable(active);
    }

    private DataKey requireActive() {
        if (active == null) {
            throw new RekeyException(ErrorCode.NO_ACTIVE_KEY,
                    "there is no active data key: enable rotation (N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true) and restart");
        }
        return active;
    }

    /** @throws RekeyException {@code KEY_NOT_FOUND} */
    public DataKey key(DataKeyId id) {
        DataKey key = keys.get(id);
        if (key == null) {
            throw new RekeyException(ErrorCode.KEY_NOT_FOUND, "no data key with id " + id);
        }
        return key;
    }

    /** All keys, oldest first. */
    public List<DataKey> keys() {
        return List.copyOf(keys.values());
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public InstanceKey instanceKey() {
        return instanceKey;
    }

    private static DataKey newGcmKey(InstanceKey instanceKey, DataKeyId id, Instant now, SecureRandom random) {
        byte[] material = new byte[GcmV1.KEY_LENGTH];
        random.nextBytes(material);
        UnwrappedKey key = new UnwrappedKey.Gcm(material);
        Arrays.fill(material, (byte) 0);
        return DataKey.create(id, KeyAlgorithm.AES_256_GCM, KeyStatus.ACTIVE, instanceKey.wrap(key.wrappable()), now);
    }

    private static DataKeyId freshId(Map<DataKeyId, DataKey> taken, SecureRandom random) {
        DataKeyId id;
        do {
            id = DataKeyId.generate(random);
        } while (taken.containsKey(id));
        return id;
    }

    @Override
    public String toString() {
        return "Keyring[keys=" + keys.size() + ", active=" + (active == null ? "none" : active.id()) + "]";
    }

    /** The keyring after a change, and the keys the change added or altered (to persist). */
    public record KeyChange(Keyring keyring, List<DataKey> changed) {
        public KeyChange {
            changed = List.copyOf(changed);
        }

        /** The key the change made active, if it did. */
        public Optional<DataKey> activated() {
            return changed.stream().filter(DataKey::isActive).findFirst();
        }
    }
}
