package org.rekey.application.testing;

import static org.mockito.Mockito.mock;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Groups of in-ports with a Mockito mock for each, so the adapters' fixtures need not list every use case of a
 * group.
 */
public final class UseCaseMocks {

    private UseCaseMocks() {
    }

    public static <R extends Record> R group(Class<R> group) {
        RecordComponent[] components = group.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] mocks = Arrays.stream(types).map(type -> mock(type)).toArray();
        try {
            Constructor<R> constructor = group.getDeclaredConstructor(types);
            return constructor.newInstance(mocks);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every in-port of the groups. */
    public static Object[] components(Record... groups) {
        return Arrays.stream(groups).flatMap(group -> Arrays.stream(group.getClass().getRecordComponents())
                .map(component -> {
                    try {
                        return component.getAccessor().invoke(group);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })).toArray();
    }
}
