package dev.pgaks.bicep;

/** One problem found in a rendered Bicep file; {@code file} is relative to the checked infra directory. */
public record BicepFinding(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
