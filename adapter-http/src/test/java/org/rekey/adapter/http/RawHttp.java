package org.rekey.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** A hand-written HTTP/1.1 exchange over a loopback socket, for requests no well-behaved client would send. */
final class RawHttp implements AutoCloseable {

    /** How long a read waits for the server before the test gives up on it. */
    static final int READ_TIMEOUT_MS = 30_000;

    private final Socket socket;

    RawHttp(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
        socket.setSoTimeout(READ_TIMEOUT_MS);
    }

    /** Request line and headers for an authenticated JSON request; {@code extraHeaders} end with CRLF each. */
    static String head(String method, String path, String extraHeaders) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-N8N-API-KEY: " + ApiFixture.OWNER
                + "\r\nContent-Type: application/json\r\n" + extraHeaders + "\r\n";
    }

    RawHttp write(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Tells the server this client will send nothing more. */
    RawHttp endOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** Everything the server sends until it closes the connection or sends a whole response with a length. */
    String readResponse() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            received.write(buffer, 0, n);
            if (isComplete(received.toString(StandardCharsets.ISO_8859_1))) {
                break;
            }
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** The status code of the response the server sent, or -1 when it closed without one. */
    int readStatus() throws IOException {
        String response = readResponse();
        return response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
    }

    /** Whether nothing from the server has arrived yet (no answer, no close); does not wait. */
    boolean hasReceivedNothing() throws IOException {
        return socket.getInputStream().available() == 0 && !socket.isInputShutdown();
    }

    /** Whether the server closes this connection (sends nothing more) within {@link #READ_TIMEOUT_MS}. */
    boolean isClosedByServer() {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean isComplete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = response.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int at = headers.indexOf("\r\ncontent-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = headers.indexOf("\r\n", at + 2);
        String value = headers.substring(at + 17, lineEnd < 0 ? headers.length() : lineEnd).strip();
        return response.length() - end - 4 >= Integer.parseInt(value);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
