package org.rekey.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The settings page and its assets as served, and what they may load. */
class SettingsPageTest extends ApiTest {

    @Test
    void page_isServedAsHtml_withAStrictContentSecurityPolicy() {
        ApiResponse response = api.send("GET", "/settings/encryption-keys", null, null, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'")
                .contains("script-src 'self'").contains("connect-src 'self'").contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.body()).contains("<title>Data Encryption Keys")
                .contains("/settings/assets/encryption-keys.js").contains("/settings/assets/settings.css")
                .contains("<dialog id=\"rotate-dialog\"");
    }

    @Test
    void assets_areServedWithTheirTypes() {
        ApiResponse script = api.get("/settings/assets/encryption-keys.js");
        ApiResponse style = api.get("/settings/assets/settings.css");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).contains("javascript");
        assertThat(style.status()).isEqualTo(200);
        assertThat(style.header("Content-Type")).startsWith("text/css");
    }

    @Test
    void webFiles_referenceNothingOutsideThisServer_andUseNoInlineCode() throws IOException, URISyntaxException {
        Path web = Path.of(SettingsPageTest.class.getResource("/web").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(web)) {
            files = walk.filter(Files::isRegularFile).toList();
        }

        assertThat(files).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("encryption-keys.html", "encryption-keys.js", "settings.css");
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContain("http://").doesNotContain("https://")
                    .doesNotContain("//cdn").doesNotContain("@import").doesNotContain("innerHTML");
        }
        String html = Files.readString(web.resolve("encryption-keys.html"));
        assertThat(html).doesNotContain("<style").doesNotContain(" style=").doesNotContain("onclick")
                .containsPattern("<script src=\"/settings/assets/encryption-keys.js\" defer></script>");
    }
}
