package org.rekey.application.port.in.key;

/** Lists data keys with paging, filters and sorting, each with the number of records using it. */
public interface ListDataKeysUseCase {
    DataKeyPage listDataKeys(ListDataKeysQuery query);
}
