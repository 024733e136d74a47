package org.rekey.domain.crypto;

import java.util.HexFormat;

/**
 * The test vectors of {@code docs/FORMAT.md}, as literals. Tests assert rekey's output against these
 * strings byte for byte; FORMAT.md repeats them. None was produced by rekey: the legacy values come
 * from the openssl command line, the others from Node.js's {@code crypto} module (see FORMAT.md).
 */
public final class FormatVectors {

    private FormatVectors() {
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** 0x00, 0x01, ... as many bytes as asked, starting at {@code first}. */
    public static byte[] sequence(int first, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }

    public static byte[] filled(int value, int length) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** A plaintext of three AES blocks with 2-, 3- and 4-byte UTF-8 characters. */
    public static final String MULTI_BYTE = "{\"apiKey\":\"sk-test-123\",\"note\":\"ключ 🔑 鍵\"}";

    /** Instance key 1: the one n8n's own unit tests use. */
    public static final String INSTANCE_KEY_1 = "test_key";
    /** Instance key 2: shaped like the keys n8n generates. */
    public static final String INSTANCE_KEY_2 = "Yr5Wx3q9mT1dP8sK2vL6nB4hJ0fG7cZe";
    public static final String SHA256_INSTANCE_KEY_1 = "92488e1e3eeecdf99f3ed2ce59233efb4b4fb612d5655c0ce9ea52b5a502e655";
    public static final String SHA256_INSTANCE_KEY_2 = "e76df51637dba683b4917c858f60d3b78f665696bfe170b9143d7e8a09473a3d";

    // ---- Legacy CBC --------------------------------------------------------------------------------
    // Made with the openssl command line. OpenSSL 3 omits the "Salted__" header when -S is given, so the
    // command writes the header and the salt itself:
    //   { printf 'Salted__'; printf '%s' SALT | xxd -r -p;
    //     printf '%s' PLAINTEXT | openssl enc -aes-256-cbc -md md5 -S SALT -pass pass:PASSWORD; } | base64 -w0

    /** Password INSTANCE_KEY_1, salt 0001020304050607, plaintext "random-string". */
    public static final String LEGACY_1 = "U2FsdGVkX18AAQIDBAUGB4R/k03e6tAZKdbudN7XD70=";
    /** Password INSTANCE_KEY_2, salt f0e1d2c3b4a59687, plaintext MULTI_BYTE (three blocks). */
    public static final String LEGACY_2 = "U2FsdGVkX1/w4dLDtKWWh5vror4l2PUPyKiFiRPzjaBPrltLYVFZPzJt4TYP1fLxZqY5jVZxFfHUbIpuynOBcOsyK8rvBHiB50Wwpxp5xBk=";
    /** Password INSTANCE_KEY_1, salt 0000000000000000, empty plaintext (one block of padding). */
    public static final String LEGACY_3 = "U2FsdGVkX18AAAAAAAAAAAMes2Gra9IXm2WWZBqAZ8M=";
    /**
     * From n8n's own test suite ({@code packages/core/src/encryption/__tests__/cipher.test.ts}):
     * password INSTANCE_KEY_1, plaintext "random-string", salt 78544a17dbba37fb.
     */
    public static final String LEGACY_N8N = "U2FsdGVkX194VEoX27o3+y5jUd1JTTmVwkOKjVhB6Jg=";
    /**
     * A password outside Latin-1, as n8n (Node.js {@code Buffer.from(password, 'binary')}) reads it: each
     * UTF-16 unit truncated to its low byte. Password NON_LATIN1_PASSWORD, salt 0102030405060708, plaintext
     * "random-string". (openssl uses the UTF-8 bytes instead and writes another value: n8n is the reference.)
     */
    public static final String LEGACY_NON_LATIN1 = "U2FsdGVkX18BAgMEBQYHCNorWtn6I6CzPntbyuLBkoU=";
    public static final String NON_LATIN1_PASSWORD = "clé-€-ключ";

    // ---- GCM v1 ------------------------------------------------------------------------------------
    // Made with Node.js crypto (hkdfSync + createCipheriv('aes-256-gcm')), see FORMAT.md.

    /** Key 000102..1f. */
    public static final byte[] GCM_KEY_1 = sequence(0x00, 32);
    /** Key 1111..11. */
    public static final byte[] GCM_KEY_2 = filled(0x11, 32);
    /** Key GCM_KEY_1, salt a0a1..bf, plaintext "random-string". */
    public static final String GCM_1 = "AaChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/72OUsLrz5ZEjYvUrjGeJ4jN+U61AWHwumlb0+hU=";
    /** Key GCM_KEY_2, salt 0000..00, plaintext MULTI_BYTE. */
    public static final String GCM_2 = "AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD93QDDsUR1SamzVQI/K5TcxbLaRGloShG+zRcsZcdgacok/REMDLfSOEfdIKxSzqLpUMd6TX37kbIm9zhFFUeINqeg==";
    /** Key GCM_KEY_1, salt ffff..ff, empty plaintext: the shortest valid value, 49 bytes. */
    public static final String GCM_3 = "Af//////////////////////////////////////////4x83KB/Ff1sz4ig8KB4QOw==";

    // ---- Wrapped data keys and legacy rows -----------------------------------------------------------
    // GCM v1 under SHA-256(UTF-8(instance key)) of the key's material as 64 lowercase hex characters
    // (data keys) or of the instance key string itself (the legacy row).

    /** GCM_KEY_1 as hex, wrapped under INSTANCE_KEY_1 with salt c0c1..df. */
    public static final String WRAPPED_1 = "AcDBwsPExcbHyMnKy8zNzs/Q0dLT1NXW19jZ2tvc3d7fPa5MMBAgPDWynhVK6Oc4yPZC0ZeVdt6RxNgXGwwomM5cnI8qcgT/7tfgBk0z/loDG4hdWjFc/yRu1fXsCk68TichOdpUP7ArhITtpQ7LKpg=";
    /** GCM_KEY_2 as hex, wrapped under INSTANCE_KEY_2 with salt 4041..5f. */
    public static final String WRAPPED_2 = "AUBBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fQtZ+DcrrPFuzR/7m0fx6567F5SR7WWZ4EhYNHK80SN0BYAuw4xwH2ff5kIP4afMnS2yJ08+0tfSIzULOXPJOkbWqEDyoJscUnGcCxliZ9lM=";
    /** The legacy row of INSTANCE_KEY_1: the string "test_key" wrapped under it with salt e0e1..ff. */
    public static final String LEGACY_ROW_1 = "AeDh4uPk5ebn6Onq6+zt7u/w8fLz9PX29/j5+vv8/f7/fN++9ZhkY/adMUQ+s6ZkRQfsU6Ob9Lj1";
    /** The legacy row of INSTANCE_KEY_2, wrapped under it with salt 6061..7f. */
    public static final String LEGACY_ROW_2 = "AWBhYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/4BD46Fm371s+96juPqV4jktw4rpnxDy4M31v2ZTMmMpf7qwUErrhiD6+q6O3A/Mh";

    /** The id the vectors give the GCM data key. */
    public static final String DATA_KEY_ID = "AbCdEfGhIjKlMnOp";
    /** The id the vectors give the legacy row. */
    public static final String LEGACY_ROW_ID = "LegacyRow0000001";
}
