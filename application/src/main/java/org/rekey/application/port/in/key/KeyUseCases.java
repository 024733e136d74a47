package org.rekey.application.port.in.key;

/** The key use cases: rotate, list, show, import and destroy data keys. */
public record KeyUseCases(
        RotateDataKeyUseCase rotateDataKey,
        ListDataKeysUseCase listDataKeys,
        ShowDataKeyUseCase showDataKey,
        ImportDataKeyUseCase importDataKey,
        DestroyDataKeyUseCase destroyDataKey) {
}
