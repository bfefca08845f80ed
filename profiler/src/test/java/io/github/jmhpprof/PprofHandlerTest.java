package io.github.jmhpprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PprofHandlerTest {

    @Test
    void secondsDefaultsToGosThirtyAndIsBoundedFromOneTo300() {
        assertEquals(30, PprofHandler.seconds(null));
        assertEquals(1, PprofHandler.seconds("1"));
        assertEquals(300, PprofHandler.seconds("300"));
        for (String bad : new String[] {"0", "301", "-1", "99999", "ten", "1.5", "", "99999999999"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> PprofHandler.seconds(bad), bad);
            assertEquals("seconds must be a whole number from 1 to 300, got \"" + bad + "\"", e.getMessage());
        }
    }

    @Test
    void queryParametersAreDecodedAndTheFirstOfARepeatedOneWins() {
        assertEquals(Map.of("seconds", "5", "debug", "1"), PprofHandler.query("seconds=5&debug=1&seconds=7"));
        assertEquals(Map.of("a b", "c&d", "flag", ""), PprofHandler.query("a+b=c%26d&flag"));
        assertEquals(Map.of(), PprofHandler.query(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PprofHandler.query("x=%zz"));
        assertEquals("malformed query parameter \"x=%zz\"", e.getMessage());
    }
}
