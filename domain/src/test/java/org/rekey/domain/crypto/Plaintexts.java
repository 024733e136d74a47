package org.rekey.domain.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Plaintexts for property tests: empty, one byte, multi-byte UTF-8 (Latin-1, Cyrillic, CJK, emoji), 1 MiB. */
public final class Plaintexts {

    public static final int ONE_MIB = 1 << 20;

    /** Code point ranges to draw from: ASCII, Latin-1, Cyrillic, CJK, emoji (outside the BMP). */
    private static final int[][] RANGES = {
        {0x20, 0x7e}, {0xa0, 0xff}, {0x400, 0x4ff}, {0x4e00, 0x9fff}, {0x1f300, 0x1f64f},
    };

    private Plaintexts() {
    }

    /** A random string of {@code codePoints} code points mixing every range. */
    public static String randomUtf8(Random random, int codePoints) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int[] range = RANGES[random.nextInt(RANGES.length)];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    /** A random string whose UTF-8 encoding is at least {@code bytes} long. */
    public static String randomUtf8OfAtLeast(Random random, int bytes) {
        StringBuilder text = new StringBuilder();
        int length = 0;
        while (length < bytes) {
            String chunk = randomUtf8(random, 256);
            text.append(chunk);
            length += chunk.getBytes(StandardCharsets.UTF_8).length;
        }
        return text.toString();
    }

    /** The edge cases plus {@code randomCount} random strings of 1 to 300 code points. */
    public static List<String> samples(Random random, int randomCount) {
        List<String> samples = new ArrayList<>(List.of(
                "", "a", "é", "鍵", "🔑", "ключ 🔑 鍵 clé", "exactly 16 bytes", "{\"password\":\"hunter2\"}",
                randomUtf8OfAtLeast(random, ONE_MIB)));
        for (int i = 0; i < randomCount; i++) {
            samples.add(randomUtf8(random, 1 + random.nextInt(300)));
        }
        return samples;
    }

    public static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
