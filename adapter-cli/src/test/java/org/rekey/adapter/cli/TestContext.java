package org.rekey.adapter.cli;

import static org.mockito.Mockito.mock;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.rekey.application.port.in.RekeyUseCases;
import org.rekey.domain.key.InstanceKey;

/** A CliContext whose use cases are Mockito mocks; records what the CLI asked of it. */
public final class TestContext implements CliContext {

    public final RekeyUseCases useCases = mockedUseCases();
    public final Map<String, String> environment = new HashMap<>();
    public final AtomicInteger useCasesOpened = new AtomicInteger();
    public final AtomicInteger served = new AtomicInteger();
    public Boolean verbose;
    public boolean terminal;
    public RuntimeException openFailure;
    public InstanceKey offeredNewKey;
    public boolean seedingDeferred;

    @Override
    public RekeyUseCases useCases() {
        useCasesOpened.incrementAndGet();
        if (openFailure != null) {
            throw openFailure;
        }
        return useCases;
    }

    @Override
    public void offerNewInstanceKey(InstanceKey newKey) {
        offeredNewKey = newKey;
    }

    @Override
    public void deferSeeding() {
        seedingDeferred = true;
    }

    @Override
    public void serve() {
        served.incrementAndGet();
    }

    @Override
    public void setVerbose(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(environment.get(name));
    }

    @Override
    public boolean isTerminal() {
        return terminal;
    }

    private static RekeyUseCases mockedUseCases() {
        RecordComponent[] components = RekeyUseCases.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] mocks = Arrays.stream(types).map(type -> mock(type)).toArray();
        try {
            Constructor<RekeyUseCases> constructor = RekeyUseCases.class.getDeclaredConstructor(types);
            return constructor.newInstance(mocks);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
