package vn.hdnd.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server under test, started from its executable jar as a separate process (as in production), with its output
 * in a log file. Samples its heap (from /actuator/prometheus) and reads its peak RSS (VmHWM) from /proc.
 */
final class ServerProcess implements AutoCloseable {
    static final String USER = "bench";
    static final String PASSWORD = "bench-" + Long.toHexString(System.nanoTime());

    private final Process process;
    final int port;
    final Http http;
    private final AtomicLong peakHeap = new AtomicLong();
    private final Thread sampler;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.http = new Http("http://localhost:" + port, USER, PASSWORD);
        this.sampler = new Thread(this::sampleHeap, "heap-sampler");
        this.sampler.setDaemon(true);
    }

    /** The collector the Dockerfile and run.sh start the server with, unless --server-jvm names another. */
    static final String DEPLOYED_GC = "-XX:+UseParallelGC";

    static ServerProcess start(Path jar, Database database, Path log, List<String> jvmArgs, List<String> extraArgs)
            throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmArgs.stream().noneMatch(arg -> arg.matches("-XX:\\+Use\\w+GC"))) {
            command.add(DEPLOYED_GC);
        }
        command.addAll(jvmArgs);
        command.addAll(List.of(
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url,
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--council.security.users[0].username=" + USER,
                "--council.security.users[0].password={noop}" + PASSWORD,
                "--council.security.users[0].roles[0]=ADMIN",
                "--logging.level.root=warn"));
        command.addAll(extraArgs);
        Files.createDirectories(log.getParent());
        // In the results directory, so that what the server writes (a flight recording, a key file) stays there.
        Process process = new ProcessBuilder(command).directory(log.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(process, port);
        server.awaitHealthy(Duration.ofMinutes(3), log);
        server.sampler.start();
        return server;
    }

    private void awaitHealthy(Duration timeout, Path log) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited; see " + log);
            }
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not become healthy; see " + log);
    }

    private void sampleHeap() {
        while (process.isAlive()) {
            try {
                long heap = 0;
                for (String line : http.get("/actuator/prometheus").body().split("\n")) {
                    if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                        heap += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
                peakHeap.accumulateAndGet(heap, Math::max);
                // A scrape costs the server real work (every meter is rendered): every 2 s it stays out of the figures.
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception ignored) {
                // the server may be busy or stopping; the next sample will tell
            }
        }
    }

    long pid() {
        return process.pid();
    }

    long peakHeapBytes() {
        return peakHeap.get();
    }

    /** Peak resident set size of the server process (VmHWM), in bytes; -1 where /proc is not available. */
    long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
