package io.github.jmhpprof.jmh;

import java.util.Locale;
import java.util.Optional;

/**
 * CPU samples the JVM reported lost ({@code jdk.CPUTimeSamplesLost}). Their CPU time stays in the
 * profile under {@code [lost samples]}, so coverage can read 1.00 while a quarter of the time has
 * no stack: the summary and the comparison report say how much.
 */
final class LostCpuSamples {

    /** From this share on, the functions' shares are visibly off: warn. */
    static final double WARN_SHARE = 0.05;

    private LostCpuSamples() {}

    /** Lost samples ÷ all samples (kept and lost); 0 when there were none. */
    static double share(ForkReport report) {
        long all = report.cpu().samples() + report.cpu().lostSamples();
        return all == 0 ? 0 : (double) report.cpu().lostSamples() / all;
    }

    /** How coverage splits between samples with stacks and lost ones, e.g. "(0.75 with stacks, 0.25 lost)". */
    static String coverageSplit(ForkReport report) {
        if (report.cpu().lostSamples() == 0 || Double.isNaN(report.coverage())) {
            return "";
        }
        double lost = report.coverage() * share(report);
        return String.format(
                Locale.ROOT, " (%.2f with stacks, %.2f lost samples without)", report.coverage() - lost, lost);
    }

    /** The warning to print when enough samples were lost to mislead, else empty. */
    static Optional<String> warning(ForkReport report) {
        double share = share(report);
        if (share < WARN_SHARE) {
            return Optional.empty();
        }
        return Optional.of(String.format(
                Locale.ROOT,
                "%.0f%% of the CPU samples were lost (the JVM reported them with "
                        + "jdk.CPUTimeSamplesLost): their time is in the profile as [lost samples], without stacks, so every "
                        + "function's share is understated",
                100 * share));
    }
}
