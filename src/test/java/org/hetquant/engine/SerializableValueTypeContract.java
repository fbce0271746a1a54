package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueTypeContract} for a serializable value type (Weka saves fitted filters, and the values they hold, with
 * Java serialization): a serialization round trip gives an equal value, for the examples and every different value.
 *
 * @param <T> the value type
 */
interface SerializableValueTypeContract<T> extends ValueTypeContract<T> {

    @Test
    default void serializationRoundTripGivesAnEqualValue() throws IOException, ClassNotFoundException {
        assertTrue(value() instanceof Serializable, "the type must be Serializable");
        for (T v : Stream.concat(Stream.of(value()), differentValues().stream()).toList()) {
            assertEquals(v, roundTrip(v), v::toString);
        }
    }

    /** The value written with Java serialization and read back. */
    static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
