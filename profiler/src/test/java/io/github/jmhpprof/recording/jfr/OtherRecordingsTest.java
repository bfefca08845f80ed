package io.github.jmhpprof.recording.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtherRecordingsTest {

    @Test
    void readsJfrDurationSettingsAndIgnoresWhatIsNotAPeriod() {
        assertEquals(Optional.of(Duration.ofMillis(10)), OtherRecordings.parse("10 ms"));
        assertEquals(Optional.of(Duration.ofMillis(20)), OtherRecordings.parse("20ms"));
        assertEquals(Optional.of(Duration.ofSeconds(1)), OtherRecordings.parse("1 s"));
        assertEquals(Optional.of(Duration.ofNanos(500_000)), OtherRecordings.parse("500 us"));
        assertEquals(Optional.empty(), OtherRecordings.parse("100/s"));
        assertEquals(Optional.empty(), OtherRecordings.parse("everyChunk"));
        assertEquals(Optional.empty(), OtherRecordings.parse("0 ms"));
        assertEquals(Optional.empty(), OtherRecordings.parse(null));
    }
}
