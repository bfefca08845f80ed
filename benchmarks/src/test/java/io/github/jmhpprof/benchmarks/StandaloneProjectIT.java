package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A JMH project of a user who adds only {@code jmh-pprof-profiler}: built with Maven against the
 * installed artifacts (installed into a private local repository, never {@code ~/.m2}, which serves
 * read-only for everything else; not offline, so that a plugin the main build never used, such as
 * the install plugin on a new machine, is fetched into the private repository), shaded as JMH's
 * archetype does, and run with
 * {@code -prof pprof}. It must carry async-profiler and get its profiles by default.
 */
class StandaloneProjectIT {

    private static final String VERSION = System.getProperty("jmhpprof.version", "0.1.0-SNAPSHOT");

    @Test
    void aProjectWithOnlyTheProfilerDependencyGetsAsyncProfilerByDefault() throws Exception {
        Path work = BenchmarksJar.newWorkDir("standalone");
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path repo = work.resolve("repo");
        String tail = "-Dmaven.repo.local.tail=" + Path.of(System.getProperty("user.home"), ".m2", "repository");
        run(
                work,
                root,
                600,
                mvn(
                        root,
                        "install",
                        "-pl",
                        "proto,profiler",
                        "-am",
                        "-DskipTests",
                        "-Dmaven.repo.local=" + repo,
                        tail));

        Path project = work.resolve("project");
        Files.createDirectories(project.resolve("src/main/java/demo"));
        Files.writeString(project.resolve("pom.xml"), pom());
        Files.writeString(project.resolve("src/main/java/demo/DemoBenchmark.java"), """
                package demo;

                import org.openjdk.jmh.annotations.Benchmark;

                public class DemoBenchmark {
                    @Benchmark
                    public Object allocate() {
                        return new StringBuilder("demo").append(System.nanoTime()).toString();
                    }
                }
                """);
        run(
                work,
                project,
                600,
                mvn(root, "-f", project.resolve("pom.xml").toString(), "package", "-Dmaven.repo.local=" + repo, tail));
        Path jar = project.resolve("target/benchmarks.jar");
        try (JarFile shaded = new JarFile(jar.toFile())) {
            assertTrue(
                    shaded.getEntry("one/profiler/AsyncProfiler.class") != null, "async-profiler's API is in the jar");
            assertTrue(shaded.getEntry("linux-x64/libasyncProfiler.so") != null, "and its native library");
        }

        List<String> jmh = new ArrayList<>(List.of(
                BenchmarksJar.javaBinary().toString(),
                "-Djmh.ignoreLock=true",
                "-jar",
                jar.toString(),
                "DemoBenchmark",
                "-f",
                "1",
                "-wi",
                "1",
                "-w",
                "500ms",
                "-i",
                "2",
                "-r",
                "500ms",
                "-prof",
                "pprof"));
        String output = run(work, project, 300, jmh);
        boolean shipped = AsyncProfilerPlatform.shipsALibraryHere();
        Path folder;
        try (Stream<Path> folders = Files.list(project.resolve("pprof"))) {
            folder = folders.filter(f -> f.getFileName().toString().startsWith("demo.DemoBenchmark.allocate-"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no profiles:\n" + output));
        }
        String alloc = RawProfile.of(folder.resolve("alloc.pb.gz")).comment("sampler");
        String cpu = RawProfile.of(folder.resolve("cpu.pb.gz")).comment("sampler");
        assertTrue(alloc.startsWith(shipped ? "async-profiler alloc" : "jdk.ObjectAllocationSample"), alloc);
        assertTrue(cpu.startsWith(shipped ? "async-profiler event=ctimer" : "jdk."), cpu);
    }

    private static List<String> mvn(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-q"));
        command.addAll(List.of(args));
        return command;
    }

    private static String run(Path work, Path dir, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "log-", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(
                    command + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + "\n" + output);
        return output;
    }

    /** The pom of JMH's archetype, cut to what builds a benchmarks.jar, with the profiler as the one extra dependency. */
    private static String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>demo-benchmarks</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.openjdk.jmh</groupId>
                      <artifactId>jmh-core</artifactId>
                      <version>1.37</version>
                    </dependency>
                    <dependency>
                      <groupId>io.github.jmhpprof</groupId>
                      <artifactId>jmh-pprof-profiler</artifactId>
                      <version>%s</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.1</version>
                        <configuration>
                          <annotationProcessorPaths>
                            <path>
                              <groupId>org.openjdk.jmh</groupId>
                              <artifactId>jmh-generator-annprocess</artifactId>
                              <version>1.37</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                      <plugin>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>3.5.4</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-jar-plugin</artifactId>
                        <version>3.4.2</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-shade-plugin</artifactId>
                        <version>3.6.1</version>
                        <executions>
                          <execution>
                            <phase>package</phase>
                            <goals><goal>shade</goal></goals>
                            <configuration>
                              <finalName>benchmarks</finalName>
                              <createDependencyReducedPom>false</createDependencyReducedPom>
                              <transformers>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer">
                                  <mainClass>org.openjdk.jmh.Main</mainClass>
                                </transformer>
                                <transformer implementation="org.apache.maven.plugins.shade.resource.ServicesResourceTransformer"/>
                              </transformers>
                              <filters>
                                <filter>
                                  <artifact>*:*</artifact>
                                  <excludes>
                                    <exclude>META-INF/*.SF</exclude>
                                    <exclude>META-INF/*.DSA</exclude>
                                    <exclude>META-INF/*.RSA</exclude>
                                  </excludes>
                                </filter>
                              </filters>
                            </configuration>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(VERSION);
    }
}
