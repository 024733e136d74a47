package org.rekey.application.port.in.apikey;

import java.util.Optional;

/** Checks a presented token (constant-time), revocation included. */
public interface AuthenticateUseCase {
    /** @return empty for an unknown, malformed or revoked token */
    Optional<Principal> authenticate(String token);
}
