package org.xiaoche.web.demo;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

/**
 * The synthetic demo county bundled by {@code osm-data} ({@code org.xiaoche.demodata.DemoCounty}).
 * Looked up by name because the generator and its files land in {@code osm-data} separately from
 * this module; once they are on the main line this can become a direct call.
 */
final class BundledDemoCounty implements DemoFiles {

    static final String CLASS_NAME = "org.xiaoche.demodata.DemoCounty";

    @Override
    public Files extractTo(Path dir) throws IOException {
        try {
            Class<?> county = Class.forName(CLASS_NAME);
            Path extracted = (Path) county.getMethod("extractTo", Path.class).invoke(null, dir);
            return new Files(extracted.resolve(constant(county, "OSM_FILE")), extracted.resolve(constant(county, "SCHOOLS_FILE")),
                    extracted.resolve(constant(county, "STUDENTS_FILE")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the demo county (" + CLASS_NAME + ") is not in this build of osm-data", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("cannot extract the demo county: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("osm-data's DemoCounty has an unexpected shape: " + e, e);
        }
    }

    private static String constant(Class<?> county, String name) throws ReflectiveOperationException {
        return (String) county.getField(name).get(null);
    }
}
