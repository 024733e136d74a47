package org.rekey.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rekey.domain.key.DataKeyId;
import org.rekey.domain.key.KeyRef;

/**
 * Reads every encrypted value a store keeps: in rekey's own schema the credentials' data; in n8n's database
 * also every other secret n8n encrypts (users' MFA secrets, settings, secrets providers, ...).
 * A value that cannot even be parsed is still returned as stored: callers report it.
 */
public interface LoadSecretsPort {

    /** Up to {@code limit} secrets whose location comes after {@code after}, in location order (keyset paging). */
    List<StoredSecret> loadSecretsAfter(Optional<SecretLocation> after, int limit);

    long countSecrets();

    /**
     * How many secrets name each key; legacy values count under {@link KeyRef#LEGACY}. Values that do not
     * parse are left out.
     */
    Map<KeyRef, Long> countSecretsByKey();

    /** How many secrets name {@code keyId}. */
    long countSecretsUsing(DataKeyId keyId);
}
