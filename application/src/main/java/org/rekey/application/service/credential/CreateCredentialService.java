package org.rekey.application.service.credential;

import java.security.SecureRandom;
import java.time.Clock;
import org.rekey.application.port.in.credential.CreateCredentialCommand;
import org.rekey.application.port.in.credential.CreateCredentialUseCase;
import org.rekey.application.port.in.credential.CredentialView;
import org.rekey.application.port.out.SaveRecordPort;
import org.rekey.application.service.keyring.KeyringCache;
import org.rekey.application.service.keyring.RekeySettings;
import org.rekey.domain.key.WriteFormat;
import org.rekey.domain.record.EncryptedRecord;
import org.rekey.domain.record.RecordId;

/** Encrypts and stores a new credential. */
public final class CreateCredentialService implements CreateCredentialUseCase {

    private final KeyringCache keyring;
    private final SaveRecordPort saveRecord;
    private final RekeySettings settings;
    private final Clock clock;
    private final SecureRandom random;

    public CreateCredentialService(KeyringCache keyring, SaveRecordPort saveRecord, RekeySettings settings,
            Clock clock, SecureRandom random) {
        this.keyring = keyring;
        this.saveRecord = saveRecord;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public CredentialView createCredential(CreateCredentialCommand command) {
        EncryptedRecord record = EncryptedRecord.create(RecordId.generate(random), command.name(), command.type(),
                command.dataJson(), keyring.current(), WriteFormat.forRotation(settings.rotationEnabled()),
                clock.instant());
        saveRecord.insertRecord(record);
        return CredentialView.metadata(record);
    }
}
