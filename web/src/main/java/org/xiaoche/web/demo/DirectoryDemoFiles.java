package org.xiaoche.web.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Demo files taken from a folder ({@code xiaoche.demo-files-dir}): a small stand-in region for tests and trials. */
record DirectoryDemoFiles(Path source, String osmFile, String schoolsFile, String studentsFile) implements DemoFiles {

    @Override
    public Files extractTo(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        for (String name : new String[]{osmFile, schoolsFile, studentsFile}) {
            java.nio.file.Files.copy(source.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Files(dir.resolve(osmFile), dir.resolve(schoolsFile), dir.resolve(studentsFile));
    }
}
