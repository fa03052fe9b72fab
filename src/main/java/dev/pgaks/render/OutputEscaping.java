package dev.pgaks.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.function.UnaryOperator;

/**
 * FreeMarker auto-escaping for the formats pgaks writes: every {@code ${...}} string in a template is escaped for
 * its file's format, so a spec value cannot break out of its string.
 */
public final class OutputEscaping {

    public static final Format YAML = new Format("YAML", "application/yaml", YamlScalars::quote);
    public static final Format BICEP = new Format("Bicep", "text/x-bicep", OutputEscaping::bicepString);
    public static final Format JSON = new Format("JSON", "application/json", OutputEscaping::jsonString);

    private OutputEscaping() {}

    /** Bicep single-quoted string; {@code \$} stops {@code ${} from starting an interpolation. */
    public static String bicepString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '$' -> out.append("\\$");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /**
     * A POSIX shell word that reads back as exactly {@code value}: as it is when it holds only characters no shell
     * treats specially, else single-quoted ({@code '} written as {@code '\''}), inside which nothing expands.
     */
    public static String shellWord(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "_./:=@%+,-".indexOf(c) >= 0))) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    static String jsonString(String value) {
        return YamlScalars.doubleQuoted(value);
    }

    /** One escaping output format. */
    public static final class Format extends CommonMarkupOutputFormat<Output> {
        private final String name;
        private final String mimeType;
        private final UnaryOperator<String> escape;

        private Format(String name, String mimeType, UnaryOperator<String> escape) {
            this.name = name;
            this.mimeType = mimeType;
            this.escape = escape;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getMimeType() {
            return mimeType;
        }

        @Override
        public void output(String textToEsc, Writer out) throws IOException {
            out.write(escape.apply(textToEsc));
        }

        @Override
        public String escapePlainText(String plainTextContent) {
            return escape.apply(plainTextContent);
        }

        @Override
        public boolean isLegacyBuiltInBypassed(String builtInName) {
            return false;
        }

        @Override
        protected Output newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
            return new Output(this, plainTextContent, markupContent);
        }
    }

    /** A piece of already-escaped output. */
    public static final class Output extends CommonTemplateMarkupOutputModel<Output> {
        private final Format format;

        Output(Format format, String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
            this.format = format;
        }

        @Override
        public Format getOutputFormat() {
            return format;
        }
    }
}
