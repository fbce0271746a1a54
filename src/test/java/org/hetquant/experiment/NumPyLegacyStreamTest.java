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
    void integersAndShufflesAsPandasAndScikitLearnDrawThem() {
        // numpy.random.seed(314); numpy.random.choice(512, 16, replace=True); numpy.random.choice(1, 3, replace=True)
        // draws nothing; then numpy.random.randint(0, 2**32, dtype=numpy.uint64).
        NumPyLegacyStream s = new NumPyLegacyStream(314);
        int[] drawn = new int[16];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = s.nextInt(512);
        }
        assertArrayEquals(new int[] {8, 109, 201, 435, 342, 42, 462, 240, 7, 226, 442, 120, 342, 71, 80, 419}, drawn);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, s.nextInt(1));
        }
        assertEquals(3915993964L, s.nextUint32());
        // RandomState(314).shuffle(numpy.arange(8).repeat(2)), as StratifiedKFold(shuffle=True) deals a class's folds.
        int[] folds = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7};
        new NumPyLegacyStream(314).shuffle(folds);
        assertArrayEquals(new int[] {0, 5, 2, 6, 2, 7, 7, 1, 3, 0, 5, 3, 1, 4, 6, 4}, folds);
        assertThrows(IllegalArgumentException.class, () -> new NumPyLegacyStream(1).nextInt(0));
    }

    @Test
    void aCopyContinuesWithTheSameDrawsIndependently() {
        NumPyLegacyStream s = new NumPyLegacyStream(314);
        s.standardNormal(); // leaves the spare normal cached: the copy must carry it
        NumPyLegacyStream copy = s.copy();
        assertEquals(s.standardNormal(), copy.standardNormal(), 0.0);
        assertEquals(s.nextUint32(), copy.nextUint32());
        copy.nextUint32();
        assertEquals(new NumPyLegacyStream(314).copy().nextUint32(), 3937942024L);
    }

    @Test
    void seedsOutsideNumPysIntegerRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new NumPyLegacyStream(-1));
        assertThrows(IllegalArgumentException.class, () -> new NumPyLegacyStream(1L << 32));
        assertEquals(new NumPyLegacyStream(0xFFFF_FFFFL).nextUint32(), new NumPyLegacyStream(0xFFFF_FFFFL).nextUint32());
    }
}
