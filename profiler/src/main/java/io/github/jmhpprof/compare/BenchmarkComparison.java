package io.github.jmhpprof.compare;

import io.github.jmhpprof.files.FileNames;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.report.PerOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark × params present in both runs: the score change and its test, the exact bytes,
 * estimated allocations and CPU time per operation on both sides, and what moved in the profiles.
 *
 * @param oldScores   the old run's scores
 * @param newScores   the new run's
 * @param test        the U-test of the scores
 * @param deltaPct    change of the time per operation in %: positive when NEW is slower, whatever the unit
 * @param oldAllocsPerOp estimated allocated objects per operation (alloc profile), NaN without one
 * @param newAllocsPerOp the same, new
 * @param cpuChanges  functions whose CPU time per operation changed most
 * @param allocChanges functions whose allocated bytes per operation changed most
 * @param oldFolder   the old run's benchmark folder (profiles)
 * @param newFolder   the new run's
 */
public record BenchmarkComparison(
        BenchmarkScores oldScores,
        BenchmarkScores newScores,
        ScoreTest test,
        double deltaPct,
        double oldAllocsPerOp,
        double newAllocsPerOp,
        List<FunctionChanges.Change> cpuChanges,
        List<FunctionChanges.Change> allocChanges,
        Path oldFolder,
        Path newFolder) {

    public static final String CPU_PER_OP = FileNames.perOperationProfile(ProfileKind.CPU.fileStem());
    public static final String ALLOC_PER_OP = FileNames.perOperationProfile(ProfileKind.ALLOC.fileStem());

    public static BenchmarkComparison of(
            BenchmarkScores oldScores,
            Path oldFolder,
            BenchmarkScores newScores,
            Path newFolder,
            double alpha,
            int topFunctions)
            throws IOException {
        ScoreTest test = ScoreTest.of(oldScores, newScores, alpha);
        double slowdown = timeRatio(test.oldMedian(), test.newMedian(), newScores.higherIsBetter());
        return new BenchmarkComparison(
                oldScores,
                newScores,
                test,
                (slowdown - 1) * 100,
                allocsPerOp(oldFolder),
                allocsPerOp(newFolder),
                FunctionChanges.largest(
                        oldFolder.resolve(CPU_PER_OP),
                        newFolder.resolve(CPU_PER_OP),
                        "cpu" + PerOperation.SUFFIX,
                        topFunctions),
                FunctionChanges.largest(
                        oldFolder.resolve(ALLOC_PER_OP),
                        newFolder.resolve(ALLOC_PER_OP),
                        "alloc_space" + PerOperation.SUFFIX,
                        topFunctions),
                oldFolder,
                newFolder);
    }

    /** New time per operation ÷ old: for throughput (higher is better) that is old score ÷ new score. */
    static double timeRatio(double oldScore, double newScore, boolean higherIsBetter) {
        return higherIsBetter ? oldScore / newScore : newScore / oldScore;
    }

    /** New time per operation ÷ old, for the geometric mean. */
    public double timeRatio() {
        return 1 + deltaPct / 100;
    }

    public String benchmark() {
        return newScores.benchmark();
    }

    public String params() {
        return newScores.paramsText();
    }

    /** Change of the exact bytes per operation in %; NaN when the old run allocated nothing or was not measured. */
    public double allocGrowthPct() {
        double before = oldScores.bytesPerOp();
        return before > 0 ? (newScores.bytesPerOp() / before - 1) * 100 : Double.NaN;
    }

    /** The command that opens the per-operation diff in pprof's web UI, the old run as the base. */
    public String diffCommand(String perOpFile) {
        return "go tool pprof -http=: -diff_base=" + oldFolder.resolve(perOpFile) + " " + newFolder.resolve(perOpFile);
    }

    public boolean hasProfile(String perOpFile) {
        return Files.isRegularFile(oldFolder.resolve(perOpFile)) && Files.isRegularFile(newFolder.resolve(perOpFile));
    }

    private static double allocsPerOp(Path folder) throws IOException {
        Path file = folder.resolve(ALLOC_PER_OP);
        if (!Files.isRegularFile(file)) {
            return Double.NaN;
        }
        ProfileData perOp = ProfileFiles.read(file);
        return (double) perOp.total(perOp.indexOf("alloc_objects" + PerOperation.SUFFIX)) / PerOperation.OPS_SCALE;
    }
}
