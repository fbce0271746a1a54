package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected values come from NumPy 2.4 (legacy {@code RandomState}), e.g.
 * {@code rs = numpy.random.RandomState(314); rs.standard_normal(3)}; MT19937's own check value is the C++ standard's.
 */
class NumPyLegacyStreamTest {

    @Test
    void mersenneTwisterMeetsItsStandardCheckValue() {
        // std::mt19937 default-seeded (5489): first output 3499211612, 10 000th output 4123659995.
        NumPyLegacyStream s = new NumPyLegacyStream(5489);
        assertEquals(3499211612L, s.nextUint32());
        long last = 0;
        for (int i = 1; i < 10_000; i++) {
            last = s.nextUint32();
        }
        assertEquals(4123659995L, last);
    }

    @Test
    void wordsAtTheAuthorsSeed() {
        NumPyLegacyStream s = new NumPyLegacyStream(314);
        assertEquals(3937942024L, s.nextUint32());
        assertEquals(4171310701L, s.nextUint32());
        assertEquals(2527768265L, s.nextUint32());
    }

    @Test
    void distributionsAtTheAuthorsSeed() {
        NumPyLegacyStream u = new NumPyLegacyStream(314);
        assertEquals(0.9168735814929675, u.nextDouble(), 0.0);
        assertEquals(0.5885419136419221, u.nextDouble(), 0.0);
        NumPyLegacyStream e = new NumPyLegacyStream(314);
        assertEquals(2.487392715405464, e.standardExponential(), 1e-15);
        assertEquals(0.888048119804599, e.standardExponential(), 1e-15);
        // Polar method: the third normal is the first of a new pair, so all three paths are covered.
        NumPyLegacyStream g = new NumPyLegacyStream(314);
        assertEquals(0.16608543874053203, g.standardNormal(), 1e-15);
        assertEquals(0.7819644825116457, g.standardNormal(), 1e-15);
        assertEquals(0.8522850932019886, g.standardNormal(), 1e-15);
    }

    @Test
    void permutationsAtTheAuthorsSeed() {
        NumPyLegacyStream s = new NumPyLegacyStream(314);
        assertArrayEquals(new int[] {6, 7, 4, 2, 3, 1, 5, 0}, s.permutation(8));
        int[] next = s.permutation(1000);
        assertArrayEquals(new int[] {421, 358, 104, 357, 308}, java.util.Arrays.copyOf(next, 5));
        assertArrayEquals(new int[0], s.permutation(0));
        assertArrayEquals(new int[] {0}, s.permutation(1));
    }

    @Test
    void seedsOutsideNumPysIntegerRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NumPyLegacyStream(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumPyLegacyStream(1L << 32));
        assertEquals(new NumPyLegacyStream(0xFFFF_FFFFL).nextUint32(), new NumPyLegacyStream(0xFFFF_FFFFL).nextUint32());
    }
}
