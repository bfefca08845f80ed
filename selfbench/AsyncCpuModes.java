import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import one.profiler.AsyncProfiler;

/**
 * Whether async-profiler's CPU modes attribute CPU time alike, including the time in a JIT stub
 * (System.arraycopy): perf_events ({@code event=cpu} where the kernel allows it, as here), and the
 * per-thread CPU timer ({@code ctimer}, what {@code event=cpu} falls back to in containers without
 * perf_events) and the process timer ({@code itimer}). The thread measures its own CPU time around
 * each part (the truth); each mode samples 5 s of the same loop at 1 ms.
 *
 * <pre>java -cp ~/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1.jar selfbench/AsyncCpuModes.java</pre>
 */
public class AsyncCpuModes {

    static final int[] NUMBERS = new int[64 * 1024];
    static final byte[] SOURCE = new byte[8 << 20];
    static final byte[] TARGET = new byte[8 << 20];

    static long compute() {
        long s = 0;
        for (int r = 0; r < 8; r++) {
            for (int n : NUMBERS) {
                s = s * 6364136223846793005L + n;
            }
        }
        return s;
    }

    static long hash() {
        long h = 0;
        for (int r = 0; r < 4; r++) {
            for (int n : NUMBERS) {
                h = h * 31 + n;
            }
        }
        return h;
    }

    static void copy() {
        System.arraycopy(SOURCE, 0, TARGET, 0, SOURCE.length);
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < NUMBERS.length; i++) {
            NUMBERS[i] = i * 31 + 7;
        }
        long sink = 0;
        for (int i = 0; i < 300; i++) {
            sink += compute() + hash();
            copy();
        }
        AsyncProfiler profiler = AsyncProfiler.getInstance();
        for (String event : new String[] {"cpu", "ctimer", "itimer"}) {
            Path out = Files.createTempFile("async-cpu-" + event + "-", ".txt");
            profiler.execute("start,event=" + event + ",interval=1000000");
            long[] truth = new long[3];
            long end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end) {
                long t0 = threads.getCurrentThreadCpuTime();
                sink += compute();
                long t1 = threads.getCurrentThreadCpuTime();
                sink += hash();
                long t2 = threads.getCurrentThreadCpuTime();
                copy();
                long t3 = threads.getCurrentThreadCpuTime();
                truth[0] += t1 - t0;
                truth[1] += t2 - t1;
                truth[2] += t3 - t2;
            }
            profiler.execute("stop,file=" + out + ",collapsed");
            long[] sampled = new long[3];
            for (String line : Files.readAllLines(out)) {
                long n = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                int part = line.contains("AsyncCpuModes.compute")
                        ? 0
                        : line.contains("AsyncCpuModes.hash") ? 1 : line.contains("AsyncCpuModes.copy") ? 2 : -1;
                if (part >= 0) {
                    sampled[part] += n;
                }
            }
            Files.delete(out);
            double t = truth[0] + truth[1] + truth[2];
            double s = sampled[0] + sampled[1] + sampled[2];
            System.out.printf(
                    "%-6s compute/hash/copy: truth %.1f/%.1f/%.1f %%, profile %.1f/%.1f/%.1f %% (%d samples)%n",
                    event,
                    100 * truth[0] / t,
                    100 * truth[1] / t,
                    100 * truth[2] / t,
                    100 * sampled[0] / s,
                    100 * sampled[1] / s,
                    100 * sampled[2] / s,
                    (long) s);
        }
        System.out.println(sink == 42 ? "!" : "");
    }
}
