package org.hetquant.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReproduceOptionsTest {

    @Test
    void seedMustBeOneNumPyAccepts() {
        assertEquals(4294967295L, Reproduce.Options.parse(new String[] {"--seed", "4294967295"}).seed());
        assertEquals(0L, Reproduce.Options.parse(new String[] {"--seed", "0"}).seed());
        for (String bad : new String[] {"-1", "4294967296", "3,14", "99999999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Reproduce.Options.parse(new String[] {"--seed", bad}));
            assertEquals("--seed needs an integer in [0, 4294967295] (the generators replay NumPy, which takes these "
                    + "seeds), got " + bad, e.getMessage());
        }
    }
}
