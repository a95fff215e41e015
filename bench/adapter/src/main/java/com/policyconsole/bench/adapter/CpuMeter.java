package com.policyconsole.bench.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine's CPUs were between two readings of {@code /proc/stat}, split into this JVM (the stub and
 * the clients) and everything else, so that a run disturbed by other processes can be recognised. Linux only;
 * elsewhere every reading is zero.
 */
final class CpuMeter {

    /** A reading: the machine's busy and total ticks, and this process's user and system (kernel) ticks. */
    record Reading(long machineBusy, long machineTotal, long processUser, long processSystem) {

        long process() {
            return processUser + processSystem;
        }

        /** The share of this process's CPU time spent in the kernel since {@code before}, in percent. */
        double processSystemShare(Reading before) {
            long used = process() - before.process();
            return used <= 0 ? 0 : 100.0 * (processSystem - before.processSystem) / used;
        }

        /** The share of all CPUs this process used since {@code before}, in percent. */
        double processPercent(Reading before) {
            long total = machineTotal - before.machineTotal;
            return total <= 0 ? 0 : 100.0 * (process() - before.process()) / total;
        }

        /** The share of all CPUs other processes (and the kernel on their behalf) used since {@code before}. */
        double othersPercent(Reading before) {
            long total = machineTotal - before.machineTotal;
            long others = (machineBusy - before.machineBusy) - (process() - before.process());
            return total <= 0 ? 0 : Math.max(0, 100.0 * others / total);
        }
    }

    private CpuMeter() {
    }

    static Reading read() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            long idle = 0;
            // cpu user nice system idle iowait irq softirq steal (guest time is already counted in user)
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                long ticks = Long.parseLong(cpu[i]);
                total += ticks;
                if (i == 4 || i == 5) {
                    idle += ticks;
                }
            }
            String self = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            return new Reading(total - idle, total, Long.parseLong(fields[11]), Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return new Reading(0, 0, 0, 0);
        }
    }
}
