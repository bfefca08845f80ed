package io.github.jmhpprof.selfbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainsTest {

    private static final Path HOME = Path.of(System.getProperty("java.home"));

    @Test
    void theFirstJdkOfTheFeatureVersionWithAJavaIsChosen(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("toolchains.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <toolchains>
                  <toolchain>
                    <type>jdk</type>
                    <provides><version>17</version></provides>
                    <configuration><jdkHome>/no/such/jdk17</jdkHome></configuration>
                  </toolchain>
                  <toolchain>
                    <type>jdk</type>
                    <provides><version>25</version></provides>
                    <configuration><jdkHome>/no/such/jdk25</jdkHome></configuration>
                  </toolchain>
                  <toolchain>
                    <type>jdk</type>
                    <provides><version>25.0.3</version><vendor>x</vendor></provides>
                    <configuration><jdkHome>%s</jdkHome></configuration>
                  </toolchain>
                </toolchains>
                """.formatted(HOME));
        assertEquals(Optional.of(HOME.resolve("bin/java")), Toolchains.java(file, 25));
        assertEquals(Optional.empty(), Toolchains.java(file, 17), "a JDK home without bin/java is passed over");
        assertEquals(Optional.empty(), Toolchains.java(file, 2), "2 is not 25");
    }

    @Test
    void noFileMeansNoJdkAndABrokenOneSaysWhere(@TempDir Path dir) throws Exception {
        assertEquals(Optional.empty(), Toolchains.java(dir.resolve("missing.xml"), 25));
        Path broken = Files.writeString(dir.resolve("toolchains.xml"), "<toolchains>");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Toolchains.java(broken, 25));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }
}
