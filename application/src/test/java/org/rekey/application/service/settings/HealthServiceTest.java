package org.rekey.application.service.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rekey.application.testing.TestServices;

class HealthServiceTest {

    @ParameterizedTest(name = "rotation enabled: {0}")
    @ValueSource(booleans = {false, true})
    void healthy_whileTheStoreAnswers(boolean rotation) {
        try (TestServices services = TestServices.builder().rotationEnabled(rotation).build()) {
            assertThat(services.settings().checkHealth().isHealthy()).isTrue();
        }
    }

    @ParameterizedTest(name = "rotation enabled: {0}")
    @ValueSource(booleans = {false, true})
    void unhealthy_whenTheStoreStopsAnswering_whateverTheFlag(boolean rotation) {
        try (TestServices services = TestServices.builder().rotationEnabled(rotation).build()) {
            services.store().answering(false);

            assertThat(services.settings().checkHealth().isHealthy()).isFalse();

            services.store().answering(true);
            assertThat(services.settings().checkHealth().isHealthy()).as("healthy again once it answers").isTrue();
        }
    }
}
