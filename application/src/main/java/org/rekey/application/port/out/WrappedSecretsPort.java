package org.rekey.application.port.out;

import java.util.List;

/**
 * Secrets a store keeps protected directly by the instance key beside its data keys, which an instance-key
 * change must re-protect: in n8n's database the signing keys and the OAuth JWE key ({@code deployment_key}
 * rows of other types). rekey's own schema keeps none.
 */
public interface WrappedSecretsPort {

    /** Every such secret as stored (GCM v1 wrapped, or legacy CBC), in no particular order. */
    List<StoredSecret> loadWrappedSecrets();

    /**
     * Writes the re-protected values, each only where the store still holds {@code before}; in the caller's
     * transaction.
     *
     * @return the rewrites written
     */
    List<SecretRewrite> rewrapSecrets(List<SecretRewrite> rewrites);
}
