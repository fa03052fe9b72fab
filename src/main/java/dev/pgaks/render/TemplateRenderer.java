package dev.pgaks.render;

import dev.pgaks.resolve.ResolvedSpec;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.OutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays out the resolved spec with the FreeMarker templates under {@code templates/}. Strict: a missing value is an
 * error, never an empty string; the file name picks the escaping ({@code *.yaml.ftl}, {@code *.bicep.ftl},
 * {@code *.bicepparam.ftl}, {@code *.json.ftl}; {@code *.md.ftl} and {@code *.txt.ftl} are plain text).
 */
public final class TemplateRenderer {

    /** {@code ${yaml.block(text, indent)}}: a multi-line value as a literal block, already escaped (see YamlScalars). */
    private static final Map<String, TemplateMethodModelEx> YAML_BLOCKS = Map.of("block", arguments -> {
        if (arguments.size() != 2) {
            throw new TemplateModelException("yaml.block(text, indent) takes two arguments");
        }
        String text = ((TemplateScalarModel) arguments.get(0)).getAsString();
        int indent = ((TemplateNumberModel) arguments.get(1)).getAsNumber().intValue();
        return OutputEscaping.YAML.fromMarkup(YamlScalars.block(text, indent));
    });

    /** {@code ${sh.quote(value)}}: one shell word in a command of a Markdown code block (see OutputEscaping#shellWord). */
    private static final Map<String, TemplateMethodModelEx> SHELL = Map.of("quote", arguments -> {
        if (arguments.size() != 1) {
            throw new TemplateModelException("sh.quote(value) takes one argument");
        }
        return OutputEscaping.shellWord(((TemplateScalarModel) arguments.get(0)).getAsString());
    });

    private final Configuration configuration;
    private final List<OutputFamily> families;

    public TemplateRenderer(List<OutputFamily> families) {
        this.families = List.copyOf(families);
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setTemplateLoader(new ClassTemplateLoader(TemplateRenderer.class, "/templates"));
        c.setDefaultEncoding("UTF-8");
        c.setLocalizedLookup(false);
        // The templates are in the jar and never change in a running process: a long-lived one (render --watch)
        // should not look up every template's modification time again each few seconds.
        c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setCustomNumberFormats(Map.of(RawNumberFormat.NAME, RawNumberFormat.FACTORY));
        c.setNumberFormat("@" + RawNumberFormat.NAME);
        c.setRegisteredCustomOutputFormats(List.of(OutputEscaping.YAML, OutputEscaping.BICEP, OutputEscaping.JSON));
        c.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                byExtension("*.yaml.ftl", OutputEscaping.YAML),
                byExtension("*.bicep.ftl", OutputEscaping.BICEP),
                byExtension("*.bicepparam.ftl", OutputEscaping.BICEP),
                byExtension("*.json.ftl", OutputEscaping.JSON),
                byExtension("*.md.ftl", PlainTextOutputFormat.INSTANCE),
                byExtension("*.txt.ftl", PlainTextOutputFormat.INSTANCE))
                .allowNoMatch(false)
                .noMatchErrorDetails("template names end with .yaml.ftl, .bicep.ftl, .bicepparam.ftl, .json.ftl, .md.ftl or .txt.ftl"));
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
        this.configuration = c;
    }

    private static ConditionalTemplateConfigurationFactory byExtension(String glob, OutputFormat format) {
        TemplateConfiguration tc = new TemplateConfiguration();
        tc.setOutputFormat(format);
        tc.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob), tc);
    }

    /** Every planned file of every family, rendered and sorted by path. */
    public List<RenderedFile> render(ResolvedSpec spec) {
        List<PlannedFile> plan = new ArrayList<>();
        families.forEach(f -> plan.addAll(f.plan(spec)));
        List<RenderedFile> rendered = new ArrayList<>();
        plan.forEach(file -> rendered.add(new RenderedFile(file.path(), render(spec, file))));
        rendered.sort(Comparator.comparing(RenderedFile::path));
        for (int i = 1; i < rendered.size(); i++) {
            if (rendered.get(i).path().equals(rendered.get(i - 1).path())) {
                throw new IllegalStateException("two templates plan the same file " + rendered.get(i).path());
            }
        }
        return rendered;
    }

    private byte[] render(ResolvedSpec spec, PlannedFile file) {
        Map<String, Object> model = new HashMap<>();
        model.put("spec", spec);
        model.put("item", file.item());
        model.put("path", file.path());
        model.put("yaml", YAML_BLOCKS);
        model.put("sh", SHELL);
        StringWriter out = new StringWriter();
        try {
            configuration.getTemplate(file.template()).process(model, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("rendering " + file.path() + " from " + file.template() + " failed: " + e.getMessage(), e);
        }
        return normalise(out.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** LF endings and exactly one trailing newline, whatever the template's own line endings. */
    static String normalise(String text) {
        String lf = text.replace("\r\n", "\n").replace('\r', '\n');
        int end = lf.length();
        while (end > 0 && lf.charAt(end - 1) == '\n') {
            end--;
        }
        return lf.substring(0, end) + "\n";
    }
}
