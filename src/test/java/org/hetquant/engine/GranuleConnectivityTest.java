package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GranuleConnectivityTest {

    @Test
    void eachMitralProjectsToRoundedProportionOfDistinctGranules() {
        // Paper sizing (docs/method.md §2(e)): MC = 8n, GC = 4·MC, p = 1/n, so each MC reaches 32 GCs and each GC gets 8
        // inputs on average.
        for (int n : new int[] {4, 8, 16, 32}) {
            int mc = 8 * n;
            int gc = GranuleLayer.granuleCount(mc, GranuleLayer.PAPER_GRANULES_PER_MITRAL);
            GranuleConnectivity c = GranuleConnectivity.random(mc, gc, GranuleConnectivity.paperProbability(n), 314);
            int[] fanOut = new int[mc];
            for (int j = 0; j < gc; j++) {
                int[] sources = c.sources(j);
                for (int k = 0; k < sources.length; k++) {
                    assertTrue(k == 0 || sources[k] > sources[k - 1], "ascending, distinct");
                    fanOut[sources[k]]++;
                    int pair = c.pairStart(j) + k;
                    assertEquals(j, c.pairTarget(pair));
                    assertEquals(pair, c.pair(j, sources[k]));
                }
            }
            for (int m = 0; m < mc; m++) {
                assertEquals(32, fanOut[m], "MC " + m + " at n = " + n);
            }
            assertEquals(32 * mc, c.pairCount());
            assertEquals(8.0, c.pairCount() / (double) gc, 0.0);
        }
    }

    @Test
    void roundsHalfToEvenAsNumPy() {
        // 0.5 · 5 = 2.5 rounds to 2; 0.5 · 7 = 3.5 rounds to 4.
        assertEquals(2, GranuleConnectivity.random(1, 5, 0.5, 1).pairCount());
        assertEquals(4, GranuleConnectivity.random(1, 7, 0.5, 1).pairCount());
        assertEquals(0, GranuleConnectivity.random(3, 7, 0.0, 1).pairCount());
        assertEquals(21, GranuleConnectivity.random(3, 7, 1.0, 1).pairCount());
    }

    @Test
    void sameSeedSameConnectivityOtherSeedOther() {
        assertEquals(GranuleConnectivity.random(64, 256, 0.125, 9), GranuleConnectivity.random(64, 256, 0.125, 9));
        assertNotEquals(GranuleConnectivity.random(64, 256, 0.125, 9),
                GranuleConnectivity.random(64, 256, 0.125, 10));
    }

    @Test
    void emptyGranulesAreHandled() {
        GranuleConnectivity c = GranuleConnectivity.of(new boolean[][] {{false, false}, {true, false}, {false, false},
                {true, true}});
        assertEquals(3, c.pairCount());
        assertEquals(1, c.pairTarget(0));
        assertEquals(3, c.pairTarget(1));
        assertEquals(3, c.pairTarget(2));
        assertEquals(-1, c.pair(0, 0));
    }

    @Test
    void badArgumentsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GranuleConnectivity.random(0, 4, 0.5, 1))
                .getMessage().contains("mitralCount"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GranuleConnectivity.random(4, 4, 1.5, 1))
                .getMessage().contains("probability: expected a number in [0, 1], got 1.5"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GranuleConnectivity.of(new boolean[][] {{true}, {true, false}})).getMessage()
                .contains("connected[1]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GranuleConnectivity.paperProbability(0))
                .getMessage().contains("n must be >= 1"));
    }
}
