package io.github.jmhpprof;

import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.recording.jfr.JfrEventReader;
import io.github.jmhpprof.recording.jfr.JfrRecording;
import io.github.jmhpprof.threads.ThreadSelector;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;

/** One running CPU profile of {@link Pprof}: a JFR recording of CPU samples of all but the system threads. */
final class CpuProfile {

    private final OutputStream out;
    private final RecordingPlan plan;
    private final JfrRecording recording;
    private final MeasurementWindows windows = new MeasurementWindows();
    private final Instant start;

    private CpuProfile(OutputStream out, RecordingPlan.CpuEvent event) {
        this.out = out;
        this.plan = RecordingPlan.of(ProfileKind.CPU).withCpuEvent(event).withCpuInterval(Pprof.CPU_INTERVAL);
        this.recording = JfrRecording.start(plan);
        this.start = Instant.now();
        windows.open(start);
    }

    static CpuProfile start(OutputStream out) {
        return new CpuProfile(
                out,
                JfrRecording.hasCpuTimeSampler()
                        ? RecordingPlan.CpuEvent.CPU_TIME_SAMPLE
                        : RecordingPlan.CpuEvent.EXECUTION_SAMPLE);
    }

    /** Stops recording and drops what was recorded. */
    void discard() {
        recording.close();
    }

    void stopAndWrite() throws IOException {
        Instant end = Instant.now();
        windows.close(end);
        Path jfr = null;
        try {
            jfr = recording.stopAndDump();
            Samples samples = JfrEventReader.read(jfr, plan, windows, ThreadSelector.allButSystem());
            ProfileData profile = samples.cpu().toProfile(Labels.NONE, Pprof.CPU_INTERVAL);
            BackgroundRecording.describe(
                    profile,
                    start,
                    end,
                    recording.cpuSampler(Pprof.CPU_INTERVAL) + "; all threads but the JVM's system threads and JFR's");
            ProfileFiles.writeTo(profile, out);
        } finally {
            recording.close();
            JfrRecording.deleteDump(jfr);
        }
    }
}
