package org.rekey.domain.archfixture;

import io.javalin.http.Context;

/** A deliberate violation, in test code only: proves the architecture rule catches Javalin in the domain. */
public class DomainTypeUsingJavalin {
    String path(Context context) {
        return context.path();
    }
}
