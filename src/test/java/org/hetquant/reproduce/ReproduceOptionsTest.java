package org.hetquant.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReproduceOptionsTest {

    @Test
    void seedMustBeOneNumPyAccepts() {
        assertEquals(4294967295L, Reproduce.Options.parse(new String[] {"--seed", "4294967295"}).seed());
        assertEquals(0L, Reproduce.Options.parse(new String[] {"--seed", "0"}).seed());
        for (String bad : new String[] {"-1", "4294967296"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Reproduce.Options.parse(new String[] {"--seed", bad}));
            assertTrue(e.getMessage().startsWith("--seed must be in [0, 4294967295]")
                    && e.getMessage().endsWith("got " + bad), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reproduce.Options.parse(new String[] {"--seed", "3,14"}));
        assertEquals("--seed needs an integer, got 3,14", e.getMessage());
    }
}
