import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * What the heap profile's class histogram costs on a large live heap: holds N small objects and
 * times GC.class_histogram (the call the profiler makes, through the same MBean) against a plain
 * System.gc() of the same heap, three times each.
 *
 * <pre>java -Xmx16g selfbench/HistogramCost.java 80000000</pre>
 */
public class HistogramCost {

    record Held(long a, long b) {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000_000;
        List<Held> held = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            held.add(new Held(i, i));
        }
        ObjectName diagnostics = new ObjectName("com.sun.management:type=DiagnosticCommand");
        for (int round = 0; round < 3; round++) {
            System.gc();
            long start = System.nanoTime();
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(diagnostics, "gcClassHistogram", new Object[] {new String[0]}, new String[] {
                        String[].class.getName()
                    });
            long histogram = System.nanoTime() - start;
            start = System.nanoTime();
            System.gc();
            long gc = System.nanoTime() - start;
            long usedMb =
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            System.out.printf(
                    "%,d live objects, %,d MB heap in use: class histogram %d ms, System.gc() %d ms%n",
                    held.size(), usedMb, histogram / 1_000_000, gc / 1_000_000);
        }
    }
}
