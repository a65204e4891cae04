package org.xiaoche.routing.fleet;

import org.xiaoche.routing.geo.LonLat;
import org.xiaoche.routing.policy.SettingException;
import org.xiaoche.routing.policy.SettingProblem;

/** A bus yard where buses start the morning and end the afternoon. */
public record Depot(String id, LonLat location) {
    public Depot {
        if (id == null || id.isBlank()) {
            throw new SettingException("id", SettingProblem.VALUE_EMPTY, "depot needs an id");
        }
        if (id.codePointCount(0, id.length()) > BusType.MAX_ID_CHARS) {
            int length = id.codePointCount(0, id.length());
            throw new SettingException("id", SettingProblem.ID_TOO_LONG, "depot id is " + length
                    + " characters long; at most " + BusType.MAX_ID_CHARS + " allowed", length, BusType.MAX_ID_CHARS);
        }
        if (location == null) {
            throw new SettingException("location", SettingProblem.VALUE_EMPTY, "depot " + id + " needs a location");
        }
    }
}
