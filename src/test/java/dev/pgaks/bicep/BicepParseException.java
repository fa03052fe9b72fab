package dev.pgaks.bicep;

/** Raised for Bicep the parser does not understand; the checker reports it as a finding rather than crashing. */
final class BicepParseException extends RuntimeException {
    final int line;

    BicepParseException(int line, String message) {
        super(message);
        this.line = line;
    }
}
