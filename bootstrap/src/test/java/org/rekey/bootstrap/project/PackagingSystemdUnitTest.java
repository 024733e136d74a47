package org.rekey.bootstrap.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rekey.bootstrap.RekeyConfig;

/**
 * {@code packaging/systemd/rekey.service} and {@code rekey.env.example}: a unit systemd accepts (checked with
 * {@code systemd-analyze verify} and {@code security}), that runs the launcher's {@code serve} hardened, and an
 * environment file that names only variables rekey reads.
 */
class PackagingSystemdUnitTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Path UNIT = ROOT.resolve("packaging/systemd/rekey.service");
    private static final Path ENV_EXAMPLE = ROOT.resolve("packaging/systemd/rekey.env.example");
    private static final String INSTALLED_LAUNCHER = "/opt/rekey/rekey";

    private static final Map<String, Set<String>> DIRECTIVES = Map.of(
            "Unit", Set.of("Description", "Documentation", "Wants", "Requires", "After", "Before",
                    "StartLimitIntervalSec", "StartLimitBurst", "ConditionPathExists", "AssertPathExists"),
            "Service", Set.of("Type", "User", "Group", "EnvironmentFile", "Environment", "ExecStart",
                    "ExecStartPre", "ExecReload", "WorkingDirectory", "StateDirectory", "StateDirectoryMode",
                    "ReadWritePaths", "ReadOnlyPaths", "UMask", "Restart", "RestartSec", "SuccessExitStatus",
                    "TimeoutStartSec", "TimeoutStopSec", "KillMode", "KillSignal", "LimitNOFILE",
                    "NoNewPrivileges", "CapabilityBoundingSet", "AmbientCapabilities", "ProtectSystem",
                    "ProtectHome", "PrivateTmp", "PrivateDevices", "PrivateMounts", "ProtectKernelTunables",
                    "ProtectKernelModules", "ProtectKernelLogs", "ProtectControlGroups", "ProtectClock",
                    "ProtectHostname", "ProtectProc", "RestrictAddressFamilies", "RestrictNamespaces",
                    "RestrictRealtime", "RestrictSUIDSGID", "LockPersonality", "RemoveIPC",
                    "SystemCallArchitectures", "SystemCallFilter", "SystemCallErrorNumber", "DevicePolicy",
                    "IPAddressAllow", "IPAddressDeny", "MemoryMax", "TasksMax"),
            "Install", Set.of("WantedBy", "RequiredBy", "Alias"));
    /** Directives systemd takes more than once, adding to a list. */
    private static final Set<String> LISTS = Set.of("Wants", "Requires", "After", "Before", "Environment",
            "EnvironmentFile", "ExecStartPre", "ReadWritePaths", "ReadOnlyPaths", "SystemCallFilter",
            "RestrictAddressFamilies", "IPAddressAllow", "IPAddressDeny", "WantedBy", "RequiredBy");

    /** n8n's own variables, read by {@code N8nEnvironment} as n8n reads them (each also as {@code NAME_FILE}). */
    private static final Set<String> N8N_VARIABLES = Set.of("DB_TYPE", "DB_TABLE_PREFIX", "DB_SQLITE_DATABASE",
            "N8N_USER_FOLDER", "DB_POSTGRESDB_HOST", "DB_POSTGRESDB_PORT", "DB_POSTGRESDB_DATABASE",
            "DB_POSTGRESDB_USER", "DB_POSTGRESDB_PASSWORD", "DB_POSTGRESDB_SCHEMA", "DB_POSTGRESDB_SSL_ENABLED",
            "DB_POSTGRESDB_SSL_CA", "DB_POSTGRESDB_SSL_CERT", "DB_POSTGRESDB_SSL_KEY",
            "DB_POSTGRESDB_SSL_REJECT_UNAUTHORIZED");
    /** Read by the {@code rekey} launcher script, not by Java. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("REKEY_JAVA_OPTS");

    private static final Pattern SECTION = Pattern.compile("\\[([A-Za-z]+)\\]");
    private static final Pattern DIRECTIVE = Pattern.compile("([A-Za-z][A-Za-z0-9]*)=(.*)");
    private static final Pattern ENV_LINE = Pattern.compile("#?([A-Z][A-Z0-9_]*)=(.*)");

    /** One {@code Key=value} of a section, in file order. */
    private record Directive(String section, String key, String value, int line) {
    }

    @Test
    void unit_hasOnlyKnownSectionsAndDirectives_eachSetOnceUnlessAList() throws IOException {
        List<Directive> unit = parseUnit();

        assertThat(unit).extracting(Directive::section).containsOnly("Unit", "Service", "Install");
        assertThat(unit).allSatisfy(d -> assertThat(DIRECTIVES.get(d.section()))
                .as("line %d: %s is not a directive of [%s] this unit may use", d.line(), d.key(), d.section())
                .contains(d.key()));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Directive d : unit) {
            seen.merge(d.section() + "." + d.key(), 1, Integer::sum);
        }
        seen.forEach((key, count) -> assertThat(count == 1 || LISTS.contains(key.substring(key.indexOf('.') + 1)))
                .as("%s is set %d times", key, count).isTrue());
    }

    @Test
    void unit_runsTheLaunchersServe_asItsOwnUser_withTheEnvironmentFile_restartingOnFailure() throws IOException {
        Map<String, String> service = section(parseUnit(), "Service");

        assertThat(service.get("ExecStart")).isEqualTo(INSTALLED_LAUNCHER + " serve");
        Path launcher = ROOT.resolve(Path.of(INSTALLED_LAUNCHER).getFileName().toString());
        assertThat(launcher).as("the launcher the unit runs, at the checkout's root").isRegularFile();
        assertThat(Files.isExecutable(launcher)).isTrue();
        assertThat(service.get("User")).isNotBlank().isNotEqualTo("root");
        assertThat(service.get("EnvironmentFile")).isEqualTo("/etc/rekey/rekey.env");
        assertThat(service.get("Restart")).isEqualTo("on-failure");
        assertThat(service.get("SuccessExitStatus")).as("the JVM's exit status on SIGTERM").contains("143");
        assertThat(section(parseUnit(), "Install").get("WantedBy")).isEqualTo("multi-user.target");
    }

    @Test
    void unit_isHardened_andWritesOnlyTheUserFolder_withoutWhatBreaksTheJvm() throws IOException {
        Map<String, String> service = section(parseUnit(), "Service");
        String userFolder = envExample().get(RekeyConfig.USER_FOLDER);

        assertThat(service).containsEntry("NoNewPrivileges", "yes").containsEntry("ProtectSystem", "strict")
                .containsEntry("ProtectHome", "yes").containsEntry("PrivateTmp", "yes")
                .containsEntry("CapabilityBoundingSet", "").containsEntry("UMask", "0077");
        assertThat(service.get("ReadWritePaths")).isEqualTo(userFolder);
        assertThat("/var/lib/" + service.get("StateDirectory")).isEqualTo(userFolder);
        assertThat(service.get("StateDirectoryMode")).isEqualTo("0700");
        assertThat(service.get("MemoryDenyWriteExecute")).as("the JIT compiler writes executable memory").isNull();
        assertThat(service.get("ProcSubset")).as("the JVM reads /proc/stat and /proc/meminfo").isNull();
    }

    @Test
    void systemdAnalyzeVerify_acceptsTheUnit_withoutAWarning(@TempDir Path dir) throws Exception {
        Path unit = unitRunningThisCheckout(dir);

        Result result = run("systemd-analyze", "verify", "--man=no", unit.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as("systemd-analyze verify says nothing about a good unit").isBlank();
    }

    @Test
    void systemdAnalyzeSecurity_ratesTheUnitsExposure_atMost2Of10(@TempDir Path dir) throws Exception {
        Path unit = unitRunningThisCheckout(dir);

        Result result = run("systemd-analyze", "security", "--offline=yes", "--threshold=20", unit.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Overall exposure level for rekey.service");
    }

    @Test
    void envExample_isAnEnvironmentFile_namingOnlyVariablesRekeyReads() throws IOException {
        Set<String> known = new TreeSet<>(rekeyConfigVariables());
        known.addAll(LAUNCHER_VARIABLES);
        for (String name : N8N_VARIABLES) {
            known.add(name);
            known.add(name + "_FILE");
        }
        List<String> lines = Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8);
        Map<String, String> set = envExample();

        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || (line.startsWith("#") && !ENV_LINE.matcher(line).matches())) {
                continue;
            }
            Matcher m = ENV_LINE.matcher(line);
            assertThat(m.matches()).as("line %d is NAME=value (no export, no spaces): %s", i + 1, line).isTrue();
            assertThat(known).as("line %d names a variable rekey reads", i + 1).contains(m.group(1));
        }
        assertThat(set).containsKeys(RekeyConfig.USER_FOLDER, RekeyConfig.INSTANCE_TYPE, RekeyConfig.ROTATION_FLAG,
                RekeyConfig.DB_URL, RekeyConfig.ENCRYPTION_KEY_FILE);
        assertThat(set.get(RekeyConfig.INSTANCE_TYPE)).isIn("main", "worker");
        assertThat(set.get(RekeyConfig.DB_URL)).startsWith("jdbc:postgresql://");
        assertThat(set).doesNotContainKey(RekeyConfig.ENCRYPTION_KEY);
    }

    /** The unit as installed, but starting this checkout's launcher, which {@code verify} requires to exist. */
    private static Path unitRunningThisCheckout(Path dir) throws IOException {
        String text = Files.readString(UNIT, StandardCharsets.UTF_8);
        assertThat(text).contains("ExecStart=" + INSTALLED_LAUNCHER + " ");
        Path unit = dir.resolve("rekey.service");
        Files.writeString(unit, text.replace("ExecStart=" + INSTALLED_LAUNCHER + " ",
                "ExecStart=" + ROOT.resolve("rekey") + " "), StandardCharsets.UTF_8);
        return unit;
    }

    private static List<Directive> parseUnit() throws IOException {
        List<String> lines = Files.readAllLines(UNIT, StandardCharsets.UTF_8);
        List<Directive> directives = new ArrayList<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            assertThat(line).as("line %d continues on the next: write it on one line", number).doesNotEndWith("\\");
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1);
                continue;
            }
            Matcher directive = DIRECTIVE.matcher(line);
            assertThat(directive.matches()).as("line %d is Key=value: %s", number, line).isTrue();
            assertThat(section).as("line %d comes before any [Section]", number).isNotNull();
            directives.add(new Directive(section, directive.group(1), directive.group(2).strip(), number));
        }
        return directives;
    }

    /** A section's directives; a list's values joined by a space, in order. */
    private static Map<String, String> section(List<Directive> unit, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        unit.stream().filter(d -> d.section().equals(name))
                .forEach(d -> values.merge(d.key(), d.value(), (a, b) -> a + " " + b));
        return values;
    }

    /** The variables the example sets (not those commented out). */
    private static Map<String, String> envExample() throws IOException {
        Map<String, String> set = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ENV_EXAMPLE, StandardCharsets.UTF_8)) {
            Matcher m = ENV_LINE.matcher(line);
            if (m.matches() && !line.startsWith("#")) {
                assertThat(set.put(m.group(1), m.group(2))).as("%s is set twice", m.group(1)).isNull();
            }
        }
        return set;
    }

    /** The environment variables {@link RekeyConfig} names as its public constants. */
    private static Set<String> rekeyConfigVariables() {
        Set<String> names = new TreeSet<>();
        for (Field field : RekeyConfig.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(names).contains(RekeyConfig.DB_URL, RekeyConfig.INSTANCE_TYPE);
        return names;
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a tool this test needs; scripts/ensure-test-services.sh installs it (Debian's systemd package). */
    private static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: install Debian's systemd package"
                    + " (bash scripts/ensure-test-services.sh does)", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " ends").isTrue();
        return new Result(process.exitValue(), output);
    }
}
