import io.github.jmhpprof.jmh.PprofProfiler;
import org.openjdk.jmh.profile.ProfilerException;

/**
 * Lets users type {@code -prof pprof}: JMH resolves a profiler name only as a built-in or as a
 * class whose canonical name equals it, so this short name must be a top-level class in the
 * unnamed package. Everything is in {@link PprofProfiler}.
 */
@SuppressWarnings("checkstyle:TypeName")
public final class pprof extends PprofProfiler {

    public pprof() throws ProfilerException {
        super();
    }

    public pprof(String initLine) throws ProfilerException {
        super(initLine);
    }
}
