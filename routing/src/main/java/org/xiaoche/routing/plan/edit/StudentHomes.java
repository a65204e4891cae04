package org.xiaoche.routing.plan.edit;

import org.xiaoche.routing.geo.LonLat;

import java.util.Optional;

/**
 * Where students live, for the walks of students whose stop changes (a plan keeps no homes). The
 * caller reads them from its roster; they stay inside the editor.
 */
@FunctionalInterface
public interface StudentHomes {

    Optional<LonLat> findHome(String studentId);
}
