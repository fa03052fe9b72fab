package dev.pgaks.bicep;

import dev.pgaks.bicep.BicepExpr.Obj;
import dev.pgaks.bicep.BicepExpr.Prop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks an expression tree against a bicep-types type: property keys everywhere, and values only where they are
 * literals (anything computed is Bicep's and ARM's business at deploy time).
 */
final class SchemaValidator {
    /**
     * Values outside an open enum that the type data does not list but ARM documents and pgaks relies on (see
     * azure-types facts.md); keyed by lower-case resource type and property path.
     */
    private static final Map<String, Pattern> DOCUMENTED_OPEN_ENUM_VALUES = Map.of(
            "microsoft.insights/datacollectionrules properties.dataFlows[].streams[]",
            Pattern.compile("Microsoft-PrometheusMetrics|Microsoft-ContainerInsights-Group-Default|Custom-.+"),
            // Container Insights' collection stream (learn.microsoft.com, "Configure data collection in Container
            // insights using data collection rule"), which the AKS monitoring add-on reads with useAADAuth.
            "microsoft.insights/datacollectionrules properties.dataSources.extensions[].streams[]",
            Pattern.compile("Microsoft-ContainerInsights-Group-Default"));

    private final FileFindings findings;
    private final String resource;
    private final String typeKey;

    SchemaValidator(FileFindings findings, AzureTypeIndex.ResourceTypeDef def) {
        this.findings = findings;
        this.resource = def.fullName();
        this.typeKey = def.type().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Checks the members of an object. {@code skipKeys} are left to the caller (Bicep keywords such as
     * {@code parent}, or names checked by naming rules instead).
     */
    void checkObject(Obj obj, AzType type, String path, Set<String> skipKeys) {
        Map<String, AzType.Property> props = effectiveProperties(obj, type, path);
        boolean allBranches = props == null;
        if (allBranches) {
            props = allDiscriminatedProperties(type);
        }
        AzType additional = type.additionalProperties();
        for (Prop prop : obj.props()) {
            if (prop.key() == null || skipKeys.contains(prop.key())) {
                continue;
            }
            String propPath = join(path, prop.key());
            AzType.Property declared = props.get(prop.key());
            if (declared == null) {
                if (additional != null) {
                    checkValue(prop.value(), additional, propPath + ".*");
                } else {
                    findings.add(prop.line(), unknownPropertyMessage(prop.key(), path, props.keySet()));
                }
            } else if (declared.isReadOnly()) {
                findings.add(prop.line(), "read-only property '" + propPath + "' of " + resource + " must not be set");
            } else {
                checkValue(prop.value(), declared.type(), propPath);
            }
        }
        if (obj.spreads().isEmpty() && !allBranches) {
            for (AzType.Property p : props.values()) {
                if (p.isRequired() && !p.isReadOnly() && obj.prop(p.name()).isEmpty()) {
                    findings.add(obj.line(), "missing required property '" + join(path, p.name()) + "' of " + resource);
                }
            }
        }
    }

    void checkValue(BicepExpr value, AzType type, String path) {
        if (value instanceof BicepExpr.Ternary t) {
            checkValue(t.whenTrue(), type, path);
            checkValue(t.whenFalse(), type, path);
            return;
        }
        if (value instanceof BicepExpr.For f) {
            if (type.kind().equals("ArrayType")) {
                checkValue(f.body(), type.itemType(), path + "[]");
            }
            return;
        }
        if (value instanceof BicepExpr.NonNull n) {
            checkValue(n.operand(), type, path);
            return;
        }
        if (!value.isLiteral()) {
            return;
        }
        switch (type.kind()) {
            case "ObjectType":
            case "DiscriminatedObjectType":
                if (value instanceof Obj obj) {
                    checkObject(obj, type, path, Set.of());
                } else {
                    mismatch(value, "an object", path);
                }
                break;
            case "ArrayType":
                checkArray(value, type, path);
                break;
            case "UnionType":
            case "StringLiteralType":
                checkUnion(value, type, path);
                break;
            case "StringType":
                value.stringLiteral().ifPresentOrElse(s -> checkString(value.line(), s, type, path),
                        () -> mismatch(value, "a string", path));
                break;
            case "IntegerType":
                if (value instanceof BicepExpr.Int i) {
                    checkRange(i.line(), i.value(), type.longAttribute("minValue"), type.longAttribute("maxValue"), path);
                } else {
                    mismatch(value, "an int", path);
                }
                break;
            case "BooleanType":
                if (!(value instanceof BicepExpr.Bool)) {
                    mismatch(value, "a bool", path);
                }
                break;
            default:
                // AnyType and function types accept whatever is written.
        }
    }

    /** Literal/union members; a string element makes the enum "open" (Bicep only warns on other values). */
    private void checkUnion(BicepExpr value, AzType type, String path) {
        List<AzType> elements = type.kind().equals("UnionType") ? type.elements() : List.of(type);
        Set<String> literals = new TreeSet<>();
        boolean open = false;
        List<AzType> objects = new ArrayList<>();
        for (AzType element : elements) {
            switch (element.kind()) {
                case "StringLiteralType": literals.add(element.literalValue()); break;
                case "StringType":
                case "AnyType": open = true; break;
                case "ObjectType":
                case "DiscriminatedObjectType": objects.add(element); break;
                default: return; // unions with other scalar kinds are not validated
            }
        }
        if (value instanceof Obj obj && objects.size() == 1) {
            checkObject(obj, objects.get(0), path, Set.of());
            return;
        }
        if (!objects.isEmpty()) {
            return;
        }
        String literal = value.stringLiteral().orElse(null);
        if (literal == null) {
            if (!open) {
                mismatch(value, "one of " + literals, path);
            }
            return;
        }
        if (literals.contains(literal) || literals.isEmpty() || open && isDocumentedOpenValue(path, literal)) {
            return;
        }
        String caseMatch = literals.stream().filter(l -> l.equalsIgnoreCase(literal)).findFirst().orElse(null);
        String note = caseMatch != null ? " (differs only in case from '" + caseMatch + "'; values are case-sensitive)"
                : open ? " (open enum: Bicep would only warn, but it is not a known value)" : "";
        findings.add(value.line(), "'" + literal + "' is not an allowed value for '" + path + "' of " + resource
                + "; allowed: " + String.join(", ", literals) + note);
    }

    private boolean isDocumentedOpenValue(String path, String literal) {
        Pattern documented = DOCUMENTED_OPEN_ENUM_VALUES.get(typeKey + " " + path);
        return documented != null && documented.matcher(literal).matches();
    }

    private void checkArray(BicepExpr value, AzType type, String path) {
        if (!(value instanceof BicepExpr.Arr arr)) {
            mismatch(value, "an array", path);
            return;
        }
        checkRange(arr.line(), arr.items().size(), type.longAttribute("minLength"), type.longAttribute("maxLength"),
                path + " item count");
        for (BicepExpr item : arr.items()) {
            checkValue(item, type.itemType(), path + "[]");
        }
    }

    private void checkString(int line, String value, AzType type, String path) {
        checkRange(line, value.length(), type.longAttribute("minLength"), type.longAttribute("maxLength"),
                path + " length");
        String pattern = type.pattern();
        if (pattern == null) {
            return;
        }
        try {
            if (!Pattern.compile(pattern).matcher(value).find()) {
                findings.add(line, "'" + value + "' does not match pattern " + pattern + " of '" + path + "' of " + resource);
            }
        } catch (PatternSyntaxException e) {
            // A .NET-only regex construct; Java cannot judge it, ARM will.
        }
    }

    private void checkRange(int line, long actual, OptionalLong min, OptionalLong max, String what) {
        if (min.isPresent() && actual < min.getAsLong() || max.isPresent() && actual > max.getAsLong()) {
            findings.add(line, what + " " + actual + " is outside " + min.orElse(Long.MIN_VALUE) + ".."
                    + max.orElse(Long.MAX_VALUE) + " allowed by " + resource);
        }
    }

    private void mismatch(BicepExpr value, String expected, String path) {
        findings.add(value.line(), "'" + path + "' of " + resource + " expects " + expected);
    }

    /**
     * Properties for this object; for a discriminated union, those of the branch its discriminator selects.
     * Null when the branch cannot be known (discriminator computed), so that any branch's keys are accepted.
     */
    private Map<String, AzType.Property> effectiveProperties(Obj obj, AzType type, String path) {
        if (!type.kind().equals("DiscriminatedObjectType")) {
            return type.properties();
        }
        String discriminator = type.discriminator();
        Map<String, AzType> branches = type.discriminatedElements();
        Prop selector = obj.prop(discriminator).orElse(null);
        if (selector == null) {
            findings.add(obj.line(), "missing discriminator '" + join(path, discriminator) + "' of " + resource
                    + "; one of " + branches.keySet());
            return null;
        }
        String value = selector.value().stringLiteral().orElse(null);
        if (value == null) {
            return null;
        }
        AzType branch = branches.get(value);
        if (branch == null) {
            findings.add(selector.line(), "'" + value + "' is not an allowed value for '" + join(path, discriminator)
                    + "' of " + resource + "; allowed: " + String.join(", ", branches.keySet()));
            return null;
        }
        Map<String, AzType.Property> merged = new LinkedHashMap<>(type.baseProperties());
        merged.putAll(branch.properties());
        return merged;
    }

    private static Map<String, AzType.Property> allDiscriminatedProperties(AzType type) {
        Map<String, AzType.Property> merged = new LinkedHashMap<>(type.baseProperties());
        type.discriminatedElements().values().forEach(b -> b.properties().forEach(merged::putIfAbsent));
        return merged;
    }

    private String unknownPropertyMessage(String key, String path, Set<String> known) {
        String where = path.isEmpty() ? "" : " at '" + path + "'";
        String hint = closest(key, known).map(k -> " (did you mean '" + k + "'?)").orElse("");
        return "unknown property '" + key + "'" + where + " of " + resource + hint;
    }

    private static java.util.Optional<String> closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = editDistance(key.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? java.util.Optional.of(best) : java.util.Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
