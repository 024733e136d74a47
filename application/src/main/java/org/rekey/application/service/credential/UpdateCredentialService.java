package org.rekey.application.service.credential;

import java.time.Clock;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.in.credential.UpdateCredentialCommand;
import org.rekey.application.port.in.credential.UpdateCredentialUseCase;
import org.rekey.application.port.out.LoadRecordsPort;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.error.ErrorCode;
import org.rekey.domain.error.RekeyException;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;

/**
 * Updates a credential and moves its data to the active key (lazy re-encryption). The write only
 * succeeds if nobody changed the record since it was read: a racing update fails with
 * {@code VERSION_CONFLICT} instead of silently losing the other one.
 */
public final class UpdateCredentialService implements UpdateCredentialUseCase {

    private static final int MAX_ATTEMPTS = 3;

    private final KeyringCache keyring;
    private final LoadRecordsPort loadRecords;
    private final SaveRecordPort saveRecord;
    private final RekeySettings settings;
    private final Clock clock;

    public UpdateCredentialService(KeyringCache keyring, LoadRecordsPort loadRecords, SaveRecordPort saveRecord,
            RekeySettings settings, Clock clock) {
        this.keyring = keyring;
        this.loadRecords = loadRecords;
        this.saveRecord = saveRecord;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CredentialView updateCredential(UpdateCredentialCommand command) {
        EncryptedRecord current = RecordLookup.require(loadRecords, command.id());
        if (command.expectedVersion().isPresent() && command.expectedVersion().get() != current.version()) {
            throw conflict(current);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return CredentialView.metadata(saveRecord.updateRecord(updated(current, command)));
            } catch (RekeyException e) {
                if (e.code() != ErrorCode.VERSION_CONFLICT || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                EncryptedRecord now = RecordLookup.require(loadRecords, command.id());
                if (!onlyReencrypted(current, now) || command.expectedVersion().isPresent()) {
                    throw conflict(now);
                }
                current = now;
            }
        }
    }

    private EncryptedRecord updated(EncryptedRecord current, UpdateCredentialCommand command) {
        WriteFormat format = WriteFormat.forRotation(settings.rotationEnabled());
        return keyring.apply(k -> current.update(command.name(), command.dataJson(), k, format, clock.instant()));
    }

    /**
     * Re-encryption rewrites a record's ciphertext without touching its name, updatedAt or plaintext. Only a
     * racing re-encryption is retried: a racing user update is a conflict.
     */
    private boolean onlyReencrypted(EncryptedRecord before, EncryptedRecord after) {
        if (!before.updatedAt().equals(after.updatedAt()) || !before.name().equals(after.name())) {
            return false;
        }
        try {
            return keyring.decrypt(before.data()).equals(keyring.decrypt(after.data()));
        } catch (RekeyException e) {
            return false;
        }
    }

    private static RekeyException conflict(EncryptedRecord current) {
        return new RekeyException(ErrorCode.VERSION_CONFLICT, "credential " + current.id()
                + " was changed by someone else (now at version " + current.version() + "); read it again and retry");
    }
}
