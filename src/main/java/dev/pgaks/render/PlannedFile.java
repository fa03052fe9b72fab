package dev.pgaks.render;

/**
 * One output file: where it goes, the template that lays it out, and the item the template is about
 * (for families that render one file per object), available to the template as {@code item}.
 */
public record PlannedFile(String path, String template, Object item) {

    public static PlannedFile of(String path, String template) {
        return new PlannedFile(path, template, "");
    }
}
