package io.celerity.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time (user + system) that processes spent, read from Linux's /proc: steadier than a rate on a shared machine,
 * and it says which process the time went to. PostgreSQL runs a process per connection: its time is that of every
 * live {@code postgres} process plus what the server process reaped from the ended ones.
 */
final class ProcessCpu {

    /** Clock ticks per second of /proc's times: 100 on Linux for x86 and ARM (USER_HZ). */
    private static final double TICK_MS = 1000.0 / Long.getLong("bench.clock-ticks", 100);

    /** CPU milliseconds of the server, the broker, the database and this driver at one moment. */
    record Sample(double server, double broker, double db, double driver) {

        Sample minus(Sample earlier) {
            return new Sample(server - earlier.server, broker - earlier.broker, db - earlier.db,
                    driver - earlier.driver);
        }
    }

    /** Work measured by {@link #costed}: what it returned, and the CPU it cost. */
    record Costed<T>(T value, Sample used) {
    }

    /** Work whose cost {@link #costed} measures. */
    interface Work<T> {
        T run() throws Exception;
    }

    private ProcessCpu() {
    }

    /** Runs {@code work}, and the CPU that the server, the broker, the database and this driver spent meanwhile. */
    static <T> Costed<T> costed(ProcessHandle server, long brokerPid, Work<T> work) throws Exception {
        Sample start = sample(server, brokerPid);
        T value = work.run();
        return new Costed<>(value, sample(server, brokerPid).minus(start));
    }

    static Sample sample(ProcessHandle server, long brokerPid) {
        return new Sample(server == null ? 0 : tree(server), tree(ProcessHandle.of(brokerPid).orElse(null)),
                postgres(), self(ProcessHandle.current().pid()));
    }

    /** The pid in the broker's pid file (standalone.sh writes it). */
    static long brokerPid(Path instance) throws IOException {
        return Long.parseLong(Files.readString(instance.resolve("broker.pid")).strip());
    }

    /** Resident memory of a process and its descendants, in MiB. */
    static long residentMib(ProcessHandle root) throws IOException {
        long kib = 0;
        for (ProcessHandle process : Stream.concat(Stream.of(root), root.descendants()).toList()) {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    kib += Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        return kib / 1024;
    }

    private static double tree(ProcessHandle root) {
        if (root == null) {
            return 0;
        }
        return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(p -> self(p.pid())).sum();
    }

    private static double self(long pid) {
        List<String> fields = stat(pid);
        return fields.isEmpty() ? 0 : ticks(fields, 14) + ticks(fields, 15);
    }

    private static double postgres() {
        double total = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                List<String> fields = stat(Long.parseLong(process.getFileName().toString()));
                if (fields.isEmpty() || !fields.get(1).equals("(postgres)")) {
                    continue;
                }
                total += ticks(fields, 14) + ticks(fields, 15);
                if (!stat(Long.parseLong(fields.get(3))).stream().skip(1).findFirst().orElse("").equals("(postgres)")) {
                    total += ticks(fields, 16) + ticks(fields, 17); // the server process: its ended connections
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return total;
    }

    /** A /proc/pid/stat line split into fields numbered from 1; empty if the process ended. */
    private static List<String> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = line.lastIndexOf(')');
            String command = line.substring(line.indexOf('('), close + 1).replace(' ', '_');
            return Stream.concat(Stream.of(line.substring(0, line.indexOf('(')).strip(), command),
                    Stream.of(line.substring(close + 2).split(" "))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double ticks(List<String> fields, int number) {
        return Long.parseLong(fields.get(number - 1)) * TICK_MS;
    }
}
