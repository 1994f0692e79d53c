package vn.hdnd.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The load driver's HTTP client: JSON in, status and JSON out, HTTP Basic as the bench's admin user.
 *
 * <p>A plain HTTP/1.1 client with one keep-alive connection per thread. The driver shares the machine with the server
 * and PostgreSQL, and {@code java.net.http.HttpClient} (selector thread, futures, per-request executors) used about a
 * quarter of the two cores at 16 clients: CPU taken from the server under test. This one writes a request and reads
 * the answer on the calling thread.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int TIMEOUT_MILLIS = 60_000;

    private final String host;
    private final int port;
    private final String fixedHeaders;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        long position() {
            return json().path("position").asLong();
        }
    }

    Http(String base, String user, String password) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.fixedHeaders = "Host: " + host + ":" + port + "\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
                + "\r\nAccept: application/json, application/problem+json, */*\r\n";
    }

    Answer post(String path, Object body) throws IOException {
        return send("POST", path, JSON.writeValueAsBytes(body));
    }

    Answer get(String path) throws IOException {
        return send("GET", path, null);
    }

    private Answer send(String method, String path, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append(fixedHeaders);
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        Connection connection = connections.get();
        if (connection != null) {
            try {
                return connection.exchange(request, body);
            } catch (StaleConnection e) {
                // The server closed an idle keep-alive connection before reading this request: send it again.
                connection.close();
            }
        }
        connection = new Connection(host, port);
        connections.set(connection);
        try {
            return connection.exchange(request, body);
        } catch (StaleConnection e) {
            throw new IOException("the server closed a new connection", e);
        }
    }

    /** Thrown when a reused connection turns out closed before any byte of the answer arrived. */
    private static final class StaleConnection extends IOException {
        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    private final class Connection {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port) throws IOException {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Answer exchange(byte[] head, byte[] body) throws IOException {
            int first;
            try {
                out.write(head);
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                first = in.read();
            } catch (IOException e) {
                throw new StaleConnection(e);
            }
            if (first < 0) {
                throw new StaleConnection(new EOFException());
            }
            String statusLine = (char) first + line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    content.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                content.write(in.readNBytes((int) length));
            } else if (close) {
                content.write(in.readAllBytes());
            }
            if (close) {
                close();
                connections.remove();
            }
            return new Answer(status, content.toString(StandardCharsets.UTF_8));
        }

        /** One header line without its CRLF (ISO-8859-1, as HTTP headers are). */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the connection closed mid-answer");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
