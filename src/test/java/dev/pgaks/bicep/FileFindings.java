package dev.pgaks.bicep;

import java.util.List;

/** Collects findings for one file. */
final class FileFindings {
    final String file;
    private final List<BicepFinding> sink;

    FileFindings(String file, List<BicepFinding> sink) {
        this.file = file;
        this.sink = sink;
    }

    void add(int line, String message) {
        sink.add(new BicepFinding(file, line, message));
    }
}
