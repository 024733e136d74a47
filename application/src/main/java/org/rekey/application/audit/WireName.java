package org.rekey.application.audit;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.rekey.domain.error.RekeyException;

/** An enum constant with the name users, JSON and the database see (the audit trail's and the jobs' enums). */
public interface WireName {

    String wireName();

    /**
     * The constant of {@code type} whose wire name is {@code name}.
     *
     * @param what what such a name is, for the error ("audit action")
     * @throws RekeyException {@code INVALID_INPUT} naming the names there are
     */
    static <E extends Enum<E> & WireName> E parse(Class<E> type, String name, String what) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.wireName().equals(name)) {
                return constant;
            }
        }
        throw RekeyException.invalid("unknown " + what + " '" + name + "'; one of "
                + Arrays.stream(constants).map(WireName::wireName).collect(Collectors.joining(", ")));
    }
}
