package org.rekey.bootstrap.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every script the README runs, and every file under scripts/ and .ci/, has its run bit: no "Permission denied". */
class ScriptsAreExecutableTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Pattern NAMED_IN_README =
            Pattern.compile("(?<![\\w/.-])(\\./rekey|(?:scripts|\\.ci)/[\\w.-]+)");

    @Test
    void everyScriptUnderScriptsAndCi_isExecutable() throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (String folder : List.of("scripts", ".ci")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                files.filter(Files::isRegularFile).forEach(scripts::add);
            }
        }

        assertThat(scripts).as("scripts found under %s", ROOT).isNotEmpty();
        assertThat(scripts).allSatisfy(script -> assertThat(Files.isExecutable(script))
                .as("%s is not executable: git update-index --chmod=+x %s", script, ROOT.relativize(script))
                .isTrue());
    }

    @Test
    void everyScriptTheReadmeNames_existsAndIsExecutable() throws IOException {
        TreeSet<String> named = new TreeSet<>();
        Matcher matcher = NAMED_IN_README.matcher(Files.readString(ROOT.resolve("README.md")));
        while (matcher.find()) {
            named.add(matcher.group(1));
        }

        assertThat(named).contains("./rekey", "scripts/bench-http.sh", ".ci/run");
        assertThat(named).allSatisfy(name -> {
            Path script = ROOT.resolve(name).normalize();
            assertThat(script).as("the README names %s", name).isRegularFile();
            assertThat(Files.isExecutable(script))
                    .as("%s is not executable: git update-index --chmod=+x %s", name, ROOT.relativize(script)).isTrue();
        });
    }
}
