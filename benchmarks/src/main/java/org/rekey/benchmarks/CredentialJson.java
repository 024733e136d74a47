package org.rekey.benchmarks;

import java.nio.charset.StandardCharsets;

/** The plaintext every benchmark encrypts: an OAuth2 credential's JSON data object of exactly 1 KiB (UTF-8). */
public final class CredentialJson {

    /** The size of the benchmarked plaintext, in UTF-8 bytes. */
    public static final int SIZE = 1024;

    private CredentialJson() {
    }

    /** The same 1024-byte JSON object on every call. */
    public static String oneKib() {
        String head = "{\"clientId\":\"1234567890-abcdefghijklmnop.apps.googleusercontent.com\","
                + "\"clientSecret\":\"GOCSPX-AbCdEfGhIjKlMnOpQrStUvWxYz01\","
                + "\"accessTokenUrl\":\"https://oauth2.googleapis.com/token\","
                + "\"authUrl\":\"https://accounts.google.com/o/oauth2/v2/auth\","
                + "\"scope\":\"https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/gmail.send\","
                + "\"oauthTokenData\":{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                + "\"refresh_token\":\"1//0gAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-AbCdEfGhIjKlMnOpQrStUvWxYz\","
                + "\"access_token\":\"ya29.";
        String tail = "\"}}";
        int fill = SIZE - head.getBytes(StandardCharsets.UTF_8).length - tail.length();
        StringBuilder json = new StringBuilder(SIZE).append(head);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < fill; i++) {
            json.append(alphabet.charAt((i * 37 + 11) % alphabet.length()));
        }
        return json.append(tail).toString();
    }
}
