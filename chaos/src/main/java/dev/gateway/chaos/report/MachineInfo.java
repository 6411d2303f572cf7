package dev.gateway.chaos.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run happened on, and how busy it was: results on a shared 2-core box vary with its load. */
public record MachineInfo(int cores, long memoryMb, String loadAverage) {

    public static MachineInfo now() {
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), readMemoryMb(), readLoadAverage());
    }

    private static String readLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long readMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
