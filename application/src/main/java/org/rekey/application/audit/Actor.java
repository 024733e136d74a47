package org.rekey.application.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Who asked for a change: an API token (its id and label, never its secret), an operator at the command line
 * (the OS user and host), or this instance's own scheduler.
 */
public record Actor(Kind kind, String id, String label) {

    private static final int MAX_LENGTH = 255;

    /** The kinds of actor, with the names the audit trail shows. */
    public enum Kind implements WireName {
        API_KEY("api-key"), OPERATOR("operator"), SCHEDULER("scheduler");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        @Override
        public String wireName() {
            return wireName;
        }

        public static Kind fromWire(String name) {
            return WireName.parse(Kind.class, name, "actor kind");
        }
    }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        id = clip(Objects.requireNonNull(id, "id"));
        label = clip(Objects.requireNonNull(label, "label"));
    }

    public static Actor apiKey(String id, String label) {
        return new Actor(Kind.API_KEY, id, label);
    }

    public static Actor operator(String user, String host) {
        return new Actor(Kind.OPERATOR, user + "@" + host, user);
    }

    /** This instance's scheduler, named by the instance it runs in. */
    public static Actor scheduler(String instance) {
        return new Actor(Kind.SCHEDULER, instance, "scheduled rotation");
    }

    /** The OS user running this process, on this host. */
    public static Actor thisOperator() {
        return operator(System.getProperty("user.name", "unknown"), Host.NAME);
    }

    /** This process, as jobs and the scheduler name it: {@code host:pid}. */
    public static String thisInstance() {
        return Host.NAME + ":" + ProcessHandle.current().pid();
    }

    /** This host's name, looked up once per process. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH);
    }

    /** As the audit trail prints it: {@code kind:id}. */
    @Override
    public String toString() {
        return kind.wireName + ":" + id;
    }
}
