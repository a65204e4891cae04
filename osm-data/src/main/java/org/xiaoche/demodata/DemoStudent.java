package org.xiaoche.demodata;

/** A generated student as written to students.csv: no name, only an id, school, grade and home. */
record DemoStudent(String id, String schoolId, int grade, PlanePoint home) {

    @Override
    public String toString() {
        // Synthetic, but treated like the real thing: homes stay out of logs.
        return "DemoStudent[" + id + ", school " + schoolId + ", grade " + grade + "]";
    }
}
