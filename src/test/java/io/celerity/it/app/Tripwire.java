package io.celerity.it.app;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;

/** A serialisable object that records being deserialised: no worker may ever do so. */
public class Tripwire implements Serializable {

    private static final long serialVersionUID = 1L;
    private static volatile boolean deserialised;

    public static boolean deserialised() {
        return deserialised;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        deserialised = true;
        in.defaultReadObject();
    }
}
