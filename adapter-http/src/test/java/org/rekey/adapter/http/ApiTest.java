package org.rekey.adapter.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One running server per test class, its mocks reset before each test. */
abstract class ApiTest {

    static ApiFixture api;

    @BeforeAll
    static void startServer() {
        api = new ApiFixture();
    }

    @BeforeEach
    void resetMocks() {
        api.reset();
    }

    @AfterAll
    static void stopServer() {
        api.close();
    }
}
