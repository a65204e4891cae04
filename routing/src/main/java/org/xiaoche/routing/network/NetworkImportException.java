package org.xiaoche.routing.network;

/** An OSM extract could not be read or turned into a road network; the message says why, for a planner. */
public final class NetworkImportException extends RuntimeException {
    public NetworkImportException(String message, Throwable cause) {
        super(message, cause);
    }

    public NetworkImportException(String message) {
        super(message);
    }
}
