package vn.hdnd.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Processor time used by the server, by PostgreSQL (every process named {@code postgres}, with the connections that
 * have ended) and by this load driver,
 * read from {@code /proc} (Linux). Divided by a scenario's operations it is what one operation costs each process:
 * on a shared, noisy machine that holds far better between runs than throughput does, and it shows which process
 * bounds a scenario. Where {@code /proc} is missing, {@link #read()} answers null and nothing is reported.
 */
final class CpuMeter {
    /** Processor time in clock ticks since each process started (for PostgreSQL, the sum over its processes). */
    record Reading(long server, long postgres, long driver) {
    }

    /** Milliseconds of processor time per operation. */
    record Usage(double server, double postgres, double driver) {
    }

    private static final Path PROC = Path.of("/proc");
    private final long ticksPerSecond = ticksPerSecond();
    private volatile long serverPid = -1;

    void server(long pid) {
        serverPid = pid;
    }

    Reading read() {
        if (!Files.isDirectory(PROC)) {
            return null;
        }
        long postgres = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                String stat = stat(process);
                if (stat != null && "postgres".equals(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')))) {
                    // With its ended children's: a connection closed before the reading still counts, in the
                    // postmaster's total.
                    postgres += ticks(stat) + childTicks(stat);
                }
            }
        } catch (IOException e) {
            return null;
        }
        long server = serverPid < 0 ? 0 : ticksOf(PROC.resolve(String.valueOf(serverPid)));
        return new Reading(server, postgres, ticksOf(PROC.resolve(String.valueOf(ProcessHandle.current().pid()))));
    }

    /** What each process used per operation since {@code before}; null when either reading is missing. */
    Usage since(Reading before, long operations) {
        Reading after = read();
        if (before == null || after == null || operations == 0) {
            return null;
        }
        double perOperation = 1000.0 / ticksPerSecond / operations;
        return new Usage((after.server() - before.server()) * perOperation,
                (after.postgres() - before.postgres()) * perOperation,
                (after.driver() - before.driver()) * perOperation);
    }

    /** cutime + cstime: the processor time of the process's children that have ended. */
    private static long childTicks(String stat) {
        String[] fields = fields(stat);
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long ticksOf(Path process) {
        String stat = stat(process);
        return stat == null ? 0 : ticks(stat);
    }

    private static String stat(Path process) {
        try {
            return Files.readString(process.resolve("stat"));
        } catch (IOException e) {
            return null; // the process has ended
        }
    }

    /** utime + stime: the 14th and 15th fields, the 12th and 13th after the command name in parentheses. */
    private static long ticks(String stat) {
        String[] fields = fields(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(answer) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100; // Linux's USER_HZ on every common architecture
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
