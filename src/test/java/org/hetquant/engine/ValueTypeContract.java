package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every engine value type keeps, written once: equality and hash code follow the value, and an
 * invalid value is rejected with an {@link IllegalArgumentException} whose message names the parameter and its
 * valid range. A type's test implements this interface (or {@link SerializableValueTypeContract}) and supplies
 * the examples; JUnit runs the default test methods in it.
 *
 * @param <T> the value type
 */
interface ValueTypeContract<T> {

    /** A construction that must fail, and the fragments its message must contain (e.g. the name and the range). */
    record Invalid(Executable construction, String... fragments) {}

    /** A value. */
    T value();

    /** A value equal to {@link #value()} but built separately (not the same instance). */
    T equalValue();

    /** Values that each differ from {@link #value()} in one component, at least one. */
    List<T> differentValues();

    /** Every way of building an invalid value the type rejects, at least one. */
    List<Invalid> invalidValues();

    @Test
    default void equalityAndHashCodeFollowTheValue() {
        T value = value();
        T equal = equalValue();
        assertNotSame(value, equal, "equalValue() must be built separately");
        assertEquals(value, value);
        assertEquals(value, equal);
        assertEquals(equal, value);
        assertEquals(value.hashCode(), equal.hashCode(), "equal values must have equal hash codes");
        assertFalse(value.equals(null));
        assertFalse(value.equals(new Object()));
        List<T> different = differentValues();
        assertFalse(different.isEmpty(), "give at least one different value");
        for (T other : different) {
            assertNotEquals(value, other, other::toString);
            assertNotEquals(other, value, other::toString);
        }
    }

    @Test
    default void invalidValuesAreRejectedNamingTheParameterAndRange() {
        List<Invalid> invalid = invalidValues();
        assertFalse(invalid.isEmpty(), "give at least one invalid value");
        for (Invalid i : invalid) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, i.construction(),
                    () -> "expected a rejection mentioning " + List.of(i.fragments()));
            for (String fragment : i.fragments()) {
                assertTrue(e.getMessage().contains(fragment),
                        () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
            }
        }
    }
}
