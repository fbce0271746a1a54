package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Expected values come from CPython 3.11, e.g. {@code random.seed(314); random.sample(range(16), 16)}. */
class PythonRandomStreamTest {

    @Test
    void wordsAfterSeeding() {
        PythonRandomStream s = new PythonRandomStream(314);
        assertEquals(843665892L, s.getrandbits(32));
        assertEquals(1959780854L, s.getrandbits(32));
        assertEquals(478741799L, s.getrandbits(32));
        assertEquals(3626764237L, new PythonRandomStream(0).getrandbits(32));
        // A seed above 2^32 is keyed by two 32-bit words.
        assertEquals(2166296868L, new PythonRandomStream((1L << 40) + 5).getrandbits(32));
    }

    @Test
    void sampleAsTheAuthorsShuffleTheirFolds() {
        PythonRandomStream s = new PythonRandomStream(314);
        assertArrayEquals(new int[] {6, 7, 1, 2, 0, 10, 4, 3, 15, 13, 8, 9, 5, 11, 12, 14}, s.sample(16, 16));
        assertArrayEquals(new int[] {13, 104, 31, 3, 30, 73, 32, 6}, Arrays.copyOf(s.sample(112, 112), 8));
        // A large population takes CPython's other method (a set of picks).
        assertArrayEquals(new int[] {804, 1868, 456, 719, 10}, new PythonRandomStream(314).sample(3000, 5));
        assertArrayEquals(new int[0], s.sample(0, 0));
        assertThrows(IllegalArgumentException.class, () -> s.sample(3, 4));
        assertThrows(IllegalArgumentException.class, () -> new PythonRandomStream(-1));
    }
}
