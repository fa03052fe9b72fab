package dev.pgaks.bicep;

import dev.pgaks.bicep.AzureTypeIndex.ResourceTypeDef;
import dev.pgaks.bicep.BicepDocument.Param;
import dev.pgaks.bicep.BicepDocument.Resource;
import dev.pgaks.bicep.BicepExpr.Obj;
import dev.pgaks.bicep.BicepExpr.Prop;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks 1, 2, 3, 4 and 6: resource types and API versions, body schema, literal values, names. */
final class ResourceChecker {
    /** Bicep language keywords on a resource body; they are not part of the ARM schema. */
    private static final Set<String> BICEP_KEYWORDS = Set.of("parent", "scope", "dependsOn");
    private static final Set<String> EXISTING_KEYS = Set.of("name", "parent", "scope");
    /** bicep-types scope bits by Bicep {@code targetScope}. */
    private static final Map<String, Integer> SCOPE_BITS =
            Map.of("tenant", 1, "managementGroup", 2, "subscription", 4, "resourceGroup", 8);

    private final AzureTypeIndex types;
    private final BicepDocument doc;
    private final FileFindings findings;
    private final Map<String, String> typeBySymbol = new HashMap<>();

    ResourceChecker(AzureTypeIndex types, BicepDocument doc, FileFindings findings) {
        this.types = types;
        this.doc = doc;
        this.findings = findings;
    }

    void check() {
        // Types first, so that 'parent:' can refer to a resource declared further down.
        for (Resource r : doc.resources()) {
            typeBySymbol.put(r.symbol(), splitType(r.type())[0]);
        }
        for (Resource r : doc.resources()) {
            String[] typeAndVersion = splitType(r.type());
            if (typeAndVersion[1] == null) {
                findings.add(r.line(), "resource '" + r.symbol() + "' type '" + r.type() + "' has no @apiVersion");
                continue;
            }
            checkParentKeyword(r, typeAndVersion[0]);
            check(r, typeAndVersion[0], typeAndVersion[1]);
        }
    }

    /** {@code [type, apiVersion]}; apiVersion null when absent. */
    private static String[] splitType(String written) {
        int at = written.lastIndexOf('@');
        return at < 0 ? new String[] {written, null} : new String[] {written.substring(0, at), written.substring(at + 1)};
    }

    private void check(Resource r, String type, String apiVersion) {
        resolve(r, type, apiVersion).ifPresent(def -> {
            if (def.writableScopes() == 0 && !r.existing()) {
                findings.add(r.line(), def.fullName() + " is read-only in ARM; declare it 'existing'");
            } else if (!r.existing()) {
                checkDeployableAtTargetScope(r, def);
            }
            BicepExpr.declarationBody(r.value()).ifPresent(body -> checkBody(r, def, body));
        });
        BicepExpr.declarationBody(r.value()).ifPresent(body -> {
            for (Resource child : body.resources()) {
                String[] childTypeAndVersion = splitType(child.type());
                String childType = childTypeAndVersion[0].contains(".")
                        ? childTypeAndVersion[0] : type + "/" + childTypeAndVersion[0];
                check(child, childType, childTypeAndVersion[1] != null ? childTypeAndVersion[1] : apiVersion);
            }
        });
    }

    /** Check 1: the type exists and the version is the newest stable one in the type data. */
    private Optional<ResourceTypeDef> resolve(Resource r, String type, String apiVersion) {
        if (!types.knowsType(type)) {
            findings.add(r.line(), "unknown resource type '" + type + "' (not in azure-types)");
            return Optional.empty();
        }
        String newest = types.newestStableVersion(type).orElse(null);
        Optional<ResourceTypeDef> def = types.find(type, apiVersion);
        if (def.isPresent() && !def.get().type().equals(type)) {
            findings.add(r.line(), "resource type '" + type + "' is spelled '" + def.get().type() + "' in azure-types");
        }
        if (def.isEmpty()) {
            boolean older = newest != null && AzureTypeIndex.isStable(apiVersion) && apiVersion.compareTo(newest) < 0;
            findings.add(r.line(), (older ? "outdated" : "unknown") + " API version '" + apiVersion + "' for " + type
                    + ": azure-types has " + types.versions(type).keySet()
                    + (newest != null ? "; use the newest stable '" + newest + "'" : ""));
        } else if (newest != null && !apiVersion.equals(newest)) {
            findings.add(r.line(), (AzureTypeIndex.isStable(apiVersion) ? "outdated" : "preview") + " API version '"
                    + apiVersion + "' for " + type + "; use the newest stable '" + newest + "'");
        }
        return def;
    }

    /** Without an explicit {@code scope:}, a resource is deployed at the file's target scope. */
    private void checkDeployableAtTargetScope(Resource r, ResourceTypeDef def) {
        boolean explicitScope = BicepExpr.declarationBody(r.value()).flatMap(b -> b.prop("scope")).isPresent();
        String targetScope = doc.targetScope() == null ? "resourceGroup" : doc.targetScope();
        Integer bit = SCOPE_BITS.get(targetScope);
        if (!explicitScope && bit != null && (def.writableScopes() & bit) == 0) {
            findings.add(r.line(), def.fullName() + " cannot be deployed at targetScope '" + targetScope + "'");
        }
    }

    /** A top-level {@code parent:} must name a resource whose type is exactly one segment shorter. */
    private void checkParentKeyword(Resource r, String type) {
        BicepExpr.declarationBody(r.value()).flatMap(body -> body.prop("parent")).ifPresent(parent -> {
            if (!(parent.value() instanceof BicepExpr.Ref ref) || !typeBySymbol.containsKey(ref.name())) {
                return;
            }
            String parentType = typeBySymbol.get(ref.name());
            boolean direct = type.regionMatches(true, 0, parentType + "/", 0, parentType.length() + 1)
                    && type.indexOf('/', parentType.length() + 1) < 0;
            if (!direct) {
                findings.add(parent.line(), "parent '" + ref.name() + "' (" + parentType + ") is not the parent type of "
                        + type);
            }
        });
    }

    private void checkBody(Resource r, ResourceTypeDef def, Obj body) {
        if (r.existing()) {
            for (Prop p : body.props()) {
                if (!EXISTING_KEYS.contains(p.key())) {
                    findings.add(p.line(), "existing resource '" + r.symbol() + "' may only set name, parent and scope, not '"
                            + p.key() + "'");
                }
            }
            return;
        }
        Optional<AzureNamingRules.Rule> rule = AzureNamingRules.forType(def.type());
        boolean namedByRule = rule.isPresent() || AzureNamingRules.requiresGuidCall(def.type());
        Set<String> skip = namedByRule ? union(BICEP_KEYWORDS, "name") : BICEP_KEYWORDS;
        new SchemaValidator(findings, def).checkObject(body, def.body(), "", skip);
        body.prop("name").ifPresent(name -> {
            if (AzureNamingRules.requiresGuidCall(def.type())) {
                checkGuidName(r, name);
            }
            rule.ifPresent(ru -> checkName(name.value(), ru));
        });
    }

    private static Set<String> union(Set<String> set, String extra) {
        Set<String> out = new java.util.HashSet<>(set);
        out.add(extra);
        return out;
    }

    private void checkGuidName(Resource r, Prop name) {
        boolean guidCall = name.value() instanceof BicepExpr.Call call && call.name().equals("guid")
                && (call.target() == null || call.target() instanceof BicepExpr.Ref ns && ns.name().equals("sys"));
        if (!guidCall) {
            findings.add(name.line(), "role assignment '" + r.symbol() + "' name must be a guid(...) call");
        }
    }

    /** Check 6: literal names directly; names from a param or var by their literal value and length decorators. */
    private void checkName(BicepExpr value, AzureNamingRules.Rule rule) {
        Optional<String> literal = value.stringLiteral();
        if (literal.isPresent()) {
            checkLiteralName(value.line(), literal.get(), rule, "");
            return;
        }
        if (!(value instanceof BicepExpr.Ref ref)) {
            return;
        }
        doc.variable(ref.name()).ifPresent(v -> v.value().stringLiteral().ifPresent(
                s -> checkLiteralName(value.line(), s, rule, " (from var '" + v.name() + "')")));
        doc.param(ref.name()).ifPresent(p -> checkParamName(value.line(), p, rule));
    }

    private void checkParamName(int line, Param p, AzureNamingRules.Rule rule) {
        if (p.defaultValue() != null) {
            p.defaultValue().stringLiteral().ifPresent(
                    s -> checkLiteralName(p.line(), s, rule, " (default of param '" + p.name() + "')"));
        }
        p.decorator("minLength").flatMap(BicepDocument.Decorator::intArg).filter(min -> min < rule.minLength())
                .ifPresent(min -> findings.add(line, "param '" + p.name() + "' allows " + rule.what() + " names shorter than "
                        + rule.minLength() + " (@minLength(" + min + "))"));
        p.decorator("maxLength").flatMap(BicepDocument.Decorator::intArg)
                .filter(max -> rule.maxLength() > 0 && max > rule.maxLength())
                .ifPresent(max -> findings.add(line, "param '" + p.name() + "' allows " + rule.what() + " names longer than "
                        + rule.maxLength() + " (@maxLength(" + max + "))"));
    }

    private void checkLiteralName(int line, String name, AzureNamingRules.Rule rule, String origin) {
        if (!rule.accepts(name)) {
            findings.add(line, "invalid " + rule.what() + " name '" + name + "'" + origin + ": " + rule.description());
        }
    }
}
