package dev.pgaks.render;

import freemarker.core.Environment;
import freemarker.core.MarkupOutputFormat;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Numbers print as plain computer-format literals and are not quoted by the escaping formats: {@code instances: 3},
 * not {@code instances: "3"}. Numbers come from the resolved model, never as text from the spec.
 */
final class RawNumberFormat extends TemplateNumberFormat {

    static final String NAME = "raw";
    static final TemplateNumberFormatFactory FACTORY = new TemplateNumberFormatFactory() {
        @Override
        public TemplateNumberFormat get(String params, Locale locale, Environment env) {
            return new RawNumberFormat();
        }
    };

    @Override
    public String formatToPlainText(TemplateNumberModel number) throws TemplateModelException {
        Number n = number.getAsNumber();
        return n instanceof Integer || n instanceof Long ? n.toString() : new BigDecimal(n.toString()).toPlainString();
    }

    @Override
    public Object format(TemplateNumberModel number) throws TemplateModelException {
        String text = formatToPlainText(number);
        if (Environment.getCurrentEnvironment().getCurrentTemplate().getOutputFormat() instanceof MarkupOutputFormat<?> markup) {
            return markup.fromMarkup(text);
        }
        return text;
    }

    @Override
    public boolean isLocaleBound() {
        return false;
    }

    @Override
    public String getDescription() {
        return NAME;
    }
}
