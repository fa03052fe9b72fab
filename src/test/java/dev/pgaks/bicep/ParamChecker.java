package dev.pgaks.bicep;

import dev.pgaks.bicep.BicepDocument.Decorator;
import dev.pgaks.bicep.BicepDocument.Module;
import dev.pgaks.bicep.BicepDocument.Output;
import dev.pgaks.bicep.BicepDocument.Param;
import dev.pgaks.bicep.BicepExpr.Obj;
import dev.pgaks.bicep.BicepExpr.Prop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Check 5: parameters are used and every identifier resolves; modules and the {@code .bicepparam} file agree with
 * the params they feed.
 */
final class ParamChecker {
    private static final Set<String> MODULE_KEYS = Set.of("name", "params", "scope", "dependsOn", "identity");
    /** Function namespaces, as in {@code sys.guid(...)} and {@code az.resourceGroup()}. */
    private static final Set<String> NAMESPACES = Set.of("sys", "az");

    private final BicepDocument doc;
    private final FileFindings findings;
    private final Path directory;
    /** Parses a referenced file; empty when unparsable, which is reported when that file itself is checked. */
    private final Function<Path, Optional<BicepDocument>> parser;

    /** {@code directory} is where the checked file lives; module and 'using' paths are relative to it. */
    ParamChecker(BicepDocument doc, FileFindings findings, Path directory,
                 Function<Path, Optional<BicepDocument>> parser) {
        this.doc = doc;
        this.findings = findings;
        this.directory = directory;
        this.parser = parser;
    }

    void checkTemplate() {
        Set<String> referenced = new HashSet<>();
        doc.expressions().forEach(e -> BicepExpr.walk(e, x -> {
            if (x instanceof BicepExpr.Ref ref) {
                referenced.add(ref.name());
            }
        }));
        for (Param p : doc.params()) {
            if (!referenced.contains(p.name())) {
                findings.add(p.line(), "param '" + p.name() + "' is declared but never used");
            }
            if (p.defaultValue() != null) {
                checkAgainstDecorators(p, p.defaultValue(), p.line(), "default of param '" + p.name() + "'");
            }
        }
        for (Module m : doc.modules()) {
            checkModule(m);
        }
        checkSymbols();
    }

    /** Symbols are unique per file, and every identifier names a symbol, loop variable or lambda parameter. */
    private void checkSymbols() {
        Set<String> symbols = new HashSet<>(NAMESPACES);
        doc.params().forEach(p -> declare(symbols, p.name(), p.line()));
        doc.vars().forEach(v -> declare(symbols, v.name(), v.line()));
        doc.modules().forEach(m -> declare(symbols, m.symbol(), m.line()));
        declareResources(symbols, doc.resources());
        doc.expressions().forEach(e -> resolve(e, symbols, Set.of()));
    }

    /** Nested resources are included: within their parent's body they are referenced by their bare symbol. */
    private void declareResources(Set<String> symbols, List<BicepDocument.Resource> resources) {
        for (BicepDocument.Resource r : resources) {
            declare(symbols, r.symbol(), r.line());
            BicepExpr.declarationBody(r.value()).ifPresent(body -> declareResources(symbols, body.resources()));
        }
    }

    private void declare(Set<String> symbols, String name, int line) {
        if (!symbols.add(name)) {
            findings.add(line, "symbol '" + name + "' is declared more than once");
        }
    }

    private void resolve(BicepExpr expr, Set<String> symbols, Set<String> locals) {
        if (expr instanceof BicepExpr.Ref ref) {
            if (!symbols.contains(ref.name()) && !locals.contains(ref.name())) {
                findings.add(ref.line(), "'" + ref.name() + "' is not declared");
            }
        } else if (expr instanceof BicepExpr.For loop) {
            resolve(loop.iterable(), symbols, locals);
            resolve(loop.body(), symbols, withLocals(locals, loop.variables()));
        } else if (expr instanceof BicepExpr.Lambda lambda) {
            resolve(lambda.body(), symbols, withLocals(locals, lambda.parameters()));
        } else {
            expr.children().forEach(child -> resolve(child, symbols, locals));
        }
    }

    private static Set<String> withLocals(Set<String> locals, List<String> more) {
        Set<String> out = new HashSet<>(locals);
        out.addAll(more);
        return out;
    }

    void checkParamsFile() {
        if (doc.using() == null) {
            findings.add(1, "missing 'using' declaration");
            return;
        }
        Optional<BicepDocument> template = referenced(1, "'using' target", doc.using());
        if (template.isEmpty()) {
            return;
        }
        for (Param assignment : doc.params()) {
            Optional<Param> declared = template.get().param(assignment.name());
            if (declared.isEmpty()) {
                findings.add(assignment.line(), "param '" + assignment.name() + "' is not declared in " + doc.using());
            } else {
                checkAgainstDecorators(declared.get(), assignment.defaultValue(), assignment.line(),
                        "param '" + assignment.name() + "'");
            }
        }
        Set<String> assigned = doc.params().stream().map(Param::name).collect(Collectors.toSet());
        for (Param p : template.get().params()) {
            if (p.isRequired() && !assigned.contains(p.name())) {
                findings.add(1, "required param '" + p.name() + "' of " + doc.using() + " is not assigned");
            }
        }
    }

    private void checkModule(Module m) {
        if (m.path().contains(":")) {
            return; // registry or template-spec reference, nothing local to compare with
        }
        Optional<BicepDocument> target = referenced(m.line(), "module '" + m.symbol() + "' file", m.path());
        if (target.isEmpty()) {
            return;
        }
        checkModuleOutputs(m, target.get());
        Optional<Obj> body = BicepExpr.declarationBody(m.value());
        if (body.isEmpty()) {
            return;
        }
        for (Prop p : body.get().props()) {
            if (!MODULE_KEYS.contains(p.key())) {
                findings.add(p.line(), "module '" + m.symbol() + "' has unknown property '" + p.key() + "'");
            }
        }
        Optional<Prop> paramsProp = body.get().prop("params");
        if (paramsProp.isPresent() && !(paramsProp.get().value() instanceof Obj)) {
            return; // params computed as a whole
        }
        Obj params = paramsProp.map(p -> (Obj) p.value()).orElse(new Obj(m.line(), List.of(), List.of(), List.of()));
        for (Prop p : params.props()) {
            Optional<Param> declared = target.get().param(p.key());
            if (declared.isEmpty()) {
                findings.add(p.line(), "module '" + m.symbol() + "' passes '" + p.key() + "', which " + m.path()
                        + " does not declare");
            } else {
                checkAgainstDecorators(declared.get(), p.value(), p.line(), "module param '" + p.key() + "'");
            }
        }
        if (params.spreads().isEmpty()) {
            for (Param declared : target.get().params()) {
                if (declared.isRequired() && params.prop(declared.name()).isEmpty()) {
                    findings.add(m.line(), "module '" + m.symbol() + "' does not pass required param '" + declared.name()
                            + "' of " + m.path());
                }
            }
        }
    }

    private Optional<BicepDocument> referenced(int line, String what, String relativePath) {
        Path file = directory.resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            findings.add(line, what + " '" + relativePath + "' not found");
            return Optional.empty();
        }
        return parser.apply(file);
    }

    /** {@code sym.outputs.x} (also {@code sym[i].outputs.x}) must name an output of the module. */
    private void checkModuleOutputs(Module m, BicepDocument target) {
        Set<String> outputs = target.outputs().stream().map(Output::name).collect(Collectors.toSet());
        doc.expressions().forEach(e -> BicepExpr.walk(e, x -> {
            if (x instanceof BicepExpr.Member outer && outer.target() instanceof BicepExpr.Member inner
                    && inner.name().equals("outputs") && refersTo(inner.target(), m.symbol())
                    && !outputs.contains(outer.name())) {
                findings.add(outer.line(), "module '" + m.symbol() + "' has no output '" + outer.name() + "' in " + m.path());
            }
        }));
    }

    private static boolean refersTo(BicepExpr expr, String symbol) {
        BicepExpr root = expr instanceof BicepExpr.Index i ? i.target() : expr;
        return root instanceof BicepExpr.Ref ref && ref.name().equals(symbol);
    }

    /** Literal values must satisfy {@code @allowed}, {@code @min/maxLength} and {@code @min/maxValue}. */
    private void checkAgainstDecorators(Param p, BicepExpr value, int line, String what) {
        Optional<String> literal = value.stringLiteral();
        p.decorator("allowed").ifPresent(allowed -> {
            if (value.isLiteral() && !isAllowed(allowed, value)) {
                findings.add(line, what + " is not in @allowed of param '" + p.name() + "'");
            }
        });
        Long length = literal.map(s -> (long) s.length())
                .orElse(value instanceof BicepExpr.Arr a ? (long) a.items().size() : null);
        if (length != null) {
            bound(p, "minLength", line, what, length, true);
            bound(p, "maxLength", line, what, length, false);
        }
        if (value instanceof BicepExpr.Int i) {
            bound(p, "minValue", line, what, i.value(), true);
            bound(p, "maxValue", line, what, i.value(), false);
        }
    }

    private void bound(Param p, String decorator, int line, String what, long actual, boolean isMinimum) {
        p.decorator(decorator).flatMap(Decorator::intArg).ifPresent(limit -> {
            if (isMinimum ? actual < limit : actual > limit) {
                findings.add(line, what + " violates @" + decorator + "(" + limit + ") (is " + actual + ")");
            }
        });
    }

    /** {@code @allowed([...])} applies to each item when the param is an array. */
    private static boolean isAllowed(Decorator allowed, BicepExpr value) {
        if (allowed.args().size() != 1 || !(allowed.args().get(0) instanceof BicepExpr.Arr list)) {
            return true;
        }
        Set<Object> values = list.items().stream().map(ParamChecker::literalKey).collect(Collectors.toSet());
        if (value instanceof BicepExpr.Arr items) {
            return items.items().stream().allMatch(item -> values.contains(literalKey(item)));
        }
        return values.contains(literalKey(value));
    }

    private static Object literalKey(BicepExpr e) {
        if (e instanceof BicepExpr.Int i) {
            return i.value();
        }
        if (e instanceof BicepExpr.Bool b) {
            return b.value();
        }
        return e.stringLiteral().map(s -> (Object) s).orElse(Map.entry("expr", e.line()));
    }
}
