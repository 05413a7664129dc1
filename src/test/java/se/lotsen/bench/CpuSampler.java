package se.lotsen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the machine's processor time goes during a phase of the benchmark, read from Linux's {@code /proc}: the app
 * (its process), the database (the postmaster, the backends it runs and, through its children's totals, those that
 * ended), the load driver (this process) and everything else (the machine's busy time less those three). Divided by
 * a phase's requests it gives the processor time one request costs each of them: the figure behind a ceiling, and
 * steadier than the ceiling itself, which moves with whatever else the machine does.
 *
 * <p>Outside Linux, or without the processes, it samples nothing and the figures are {@code null}.
 */
final class CpuSampler {

    /** Cumulative processor time in clock ticks; a part is -1 when it could not be read. */
    record Snapshot(long app, long database, long driver, long machineBusy, long machineAll) {
    }

    /**
     * Processor time per request in milliseconds ({@code null} for a part not sampled) and how busy the machine was
     * (in cores) over the phase.
     */
    record PerRequest(long requests, Double app, Double database, Double driver, Double other, Double busyCores) {

        /** App and database together: what the server spends on a request. */
        Double server() {
            return app == null || database == null ? null : app + database;
        }
    }

    private final Long appPid;
    private final Long databasePid;
    private final long driverPid;
    private final long ticksPerSecond;
    private final int cores;

    /**
     * @param appPid      the app's process, or {@code null}
     * @param databasePid the postmaster's process, or {@code null}
     */
    CpuSampler(Long appPid, Long databasePid) {
        this.appPid = appPid;
        this.databasePid = databasePid;
        this.driverPid = ProcessHandle.current().pid();
        this.ticksPerSecond = clockTicks();
        this.cores = Runtime.getRuntime().availableProcessors();
    }

    /** The kernel's clock ticks per second, the unit of {@code /proc}'s times. */
    long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** Whether anything can be sampled here. */
    boolean available() {
        return Files.isReadable(Path.of("/proc/stat")) && appPid != null;
    }

    /** The cumulative times now; {@code null} when nothing can be sampled. */
    Snapshot snapshot() {
        if (!available()) {
            return null;
        }
        long app = ownTicks(appPid);
        // In the integration test the app runs inside the driver's process: its time is the app's.
        long driver = appPid == driverPid ? -1 : ownTicks(driverPid);
        long database = databasePid == null ? -1 : databaseTicks(databasePid);
        long[] machine = machineTicks();
        return new Snapshot(app, database, driver, machine[0], machine[1]);
    }

    /** The time per request between two snapshots. */
    PerRequest perRequest(Snapshot before, Snapshot after, long requests) {
        if (before == null || after == null || requests <= 0) {
            return new PerRequest(requests, null, null, null, null, null);
        }
        Double app = msPerRequest(before.app(), after.app(), requests);
        Double database = msPerRequest(before.database(), after.database(), requests);
        Double driver = msPerRequest(before.driver(), after.driver(), requests);
        Double busy = msPerRequest(before.machineBusy(), after.machineBusy(), requests);
        Double other = busy == null || app == null ? null
                : Math.max(0, busy - app - (database == null ? 0 : database) - (driver == null ? 0 : driver));
        long all = after.machineAll() - before.machineAll();
        Double busyCores = all <= 0 || busy == null ? null
                : round2(cores * (double) (after.machineBusy() - before.machineBusy()) / all);
        return new PerRequest(requests, app, database, driver, other == null ? null : round2(other), busyCores);
    }

    private Double msPerRequest(long before, long after, long requests) {
        if (before < 0 || after < 0) {
            return null;
        }
        return round2((after - before) * 1000.0 / ticksPerSecond / requests);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A process's own user and system time ({@code -1} when it cannot be read). */
    private static long ownTicks(long pid) {
        String stat = read(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat == null ? -1 : ticks(stat, false);
    }

    /** The postmaster's time with its ended children's, and its live children's own. */
    private static long databaseTicks(long postmaster) {
        String own = read(Path.of("/proc", String.valueOf(postmaster), "stat"));
        if (own == null) {
            return -1;
        }
        long sum = ticks(own, true);
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat = read(p.resolve("stat"));
                if (stat != null && parent(stat) == postmaster) {
                    sum += ticks(stat, false);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    /**
     * User and system time from a {@code /proc/<pid>/stat} line, with the waited-for children's when asked. The
     * command name (field 2) is in parentheses and may hold spaces and parentheses itself: the fields are counted
     * from the last closing one.
     */
    static long ticks(String stat, boolean withEndedChildren) {
        String[] f = fieldsAfterName(stat);
        // f[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
        long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withEndedChildren ? t + Long.parseLong(f[13]) + Long.parseLong(f[14]) : t;
    }

    /** The parent's pid (field 4) of a {@code /proc/<pid>/stat} line. */
    static long parent(String stat) {
        return Long.parseLong(fieldsAfterName(stat)[1]);
    }

    private static String[] fieldsAfterName(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    }

    /** The machine's busy and total ticks from the first line of {@code /proc/stat}. */
    private static long[] machineTicks() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null) {
            return new long[] {-1, -1};
        }
        return machineTicks(stat.lines().findFirst().orElse(""));
    }

    /**
     * Busy and total ticks of the {@code cpu} line: user, nice, system, idle, iowait, irq, softirq, steal (guest
     * time is already counted in user); idle and iowait are not busy.
     */
    static long[] machineTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) {
            return new long[] {-1, -1};
        }
        long busy = 0;
        long all = 0;
        for (int i = 1; i <= 8; i++) {
            long v = Long.parseLong(f[i]);
            all += v;
            if (i != 4 && i != 5) {
                busy += v;
            }
        }
        return new long[] {busy, all};
    }

    private static String read(Path file) {
        try {
            // Latin-1 reads any byte: a command name may hold any.
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code getconf CLK_TCK}; 100, Linux's usual value, when it cannot be asked. */
    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("\\d+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // the usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
