package org.xiaoche.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this JVM, all threads: printed beside wall time, so that a figure taken while other
 * work shares the cores still says how much computing the step needed.
 */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** CPU seconds used by this process so far, or NaN where the JVM cannot tell. */
    public static double seconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long cpu_ns = os.getProcessCpuTime();
            return cpu_ns >= 0 ? cpu_ns / 1e9 : Double.NaN;
        }
        return Double.NaN;
    }
}
