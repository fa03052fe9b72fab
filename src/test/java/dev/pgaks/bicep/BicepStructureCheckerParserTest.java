package dev.pgaks.bicep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgaks.bicep.BicepDocument.Resource;
import dev.pgaks.bicep.BicepExpr.Obj;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser half of the checker; needs no reference data. */
class BicepStructureCheckerParserTest {

    @Test
    void stringEscapesAndInterpolation() {
        BicepExpr.Str s = (BicepExpr.Str) BicepParser.parseExpression(
                "'it\\'s \\\\ a\\nb \\${literal} ${name}-${contains(o, '}') ? 'x' : '{y}'}!'");
        assertEquals(List.of("it's \\ a\nb ${literal} ", "-", "!"), s.parts());
        assertInstanceOf(BicepExpr.Ref.class, s.holes().get(0));
        assertInstanceOf(BicepExpr.Ternary.class, s.holes().get(1));
        assertEquals("x", ((BicepExpr.Ternary) s.holes().get(1)).whenTrue().stringLiteral().orElseThrow());
    }

    @Test
    void multiLineStringsAndCommentsKeepLineNumbers() {
        BicepDocument doc = BicepParser.parse(String.join("\n",
                "/* header",
                "   comment */",
                "var script = '''",
                "echo 'hi' ${notInterpolated}",
                "'''",
                "// trailing",
                "var after = 1 // same line"), false);
        assertEquals("echo 'hi' ${notInterpolated}\n", doc.vars().get(0).value().stringLiteral().orElseThrow());
        assertEquals(3, doc.vars().get(0).line());
        assertEquals(7, doc.vars().get(1).line());
    }

    @Test
    void paramsWithDecorators() {
        BicepDocument doc = BicepParser.parse(String.join("\n",
                "@description('Name')",
                "@minLength(3)",
                "@maxLength(24)",
                "param name string",
                "@allowed([ 'a', 'b' ])",
                "param choice string = 'a'",
                "@secure()",
                "param secret string?",
                "param counts int[] = [ 1, 2 ]",
                "@sys.minValue(1)",
                "@maxValue(5)",
                "param n int = 3"), false);
        BicepDocument.Param name = doc.param("name").orElseThrow();
        assertEquals(4, name.line());
        assertEquals(24L, name.decorator("maxLength").flatMap(BicepDocument.Decorator::intArg).orElseThrow());
        assertTrue(name.isRequired());
        assertFalse(doc.param("secret").orElseThrow().isRequired());
        assertEquals("int[]", doc.param("counts").orElseThrow().type());
        assertEquals(1L, doc.param("n").orElseThrow().decorator("minValue")
                .flatMap(BicepDocument.Decorator::intArg).orElseThrow());
    }

    @Test
    void resourcesWithConditionsLoopsExistingAndNestedChildren() {
        BicepDocument doc = BicepParser.parse(String.join("\n",
                "resource sa 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {",
                "  name: 'x'",
                "}",
                "resource maybe 'A.B/c@2020-01-01' = if (deploy && !empty(x)) {",
                "  name: 'm'",
                "  resource child 'd' = { name: 'c', properties: { a: [ 1, 2 ], b: { c: true } } }",
                "}",
                "resource many 'A.B/c@2020-01-01' = [for (item, i) in items: if (item.enabled) {",
                "  name: item.name",
                "  dependsOn: [ maybe ]",
                "}]"), false);
        List<Resource> resources = doc.resources();
        assertTrue(resources.get(0).existing());
        Obj maybe = BicepExpr.declarationBody(resources.get(1).value()).orElseThrow();
        Resource child = maybe.resources().get(0);
        assertEquals("d", child.type());
        assertEquals(6, child.line());
        Obj childBody = (Obj) child.value();
        assertEquals(List.of("name", "properties"), childBody.props().stream().map(BicepExpr.Prop::key).toList());
        BicepExpr.For loop = (BicepExpr.For) resources.get(2).value();
        assertEquals(List.of("item", "i"), loop.variables());
        assertInstanceOf(BicepExpr.If.class, loop.body());
    }

    @Test
    void modulesAndOutputs() {
        BicepDocument doc = BicepParser.parse(String.join("\n",
                "module m 'modules/x.bicep' = {",
                "  name: 'x'",
                "  params: { a: 1, 'b-c': [ 'x', 'y' ] }",
                "}",
                "output id string = m.outputs.id",
                "output kubelet object = aks.properties.identityProfile.?kubeletidentity ?? {}",
                "output issuer string = aks.properties.oidcIssuerProfile!.issuerURL",
                "output names array = map(items, x => x.name)",
                "output first string = items[?0].name",
                "output child string = sa::blob::backups.name"), false);
        assertEquals("modules/x.bicep", doc.modules().get(0).path());
        Obj params = (Obj) ((Obj) doc.modules().get(0).value()).prop("params").orElseThrow().value();
        assertEquals("b-c", params.props().get(1).key());
        assertEquals(6, doc.outputs().size());
        assertInstanceOf(BicepExpr.Binary.class, doc.outputs().get(1).value());
        assertInstanceOf(BicepExpr.Member.class, doc.outputs().get(2).value());
    }

    @Test
    void interpolatedObjectKeys() {
        Obj identity = (Obj) BicepParser.parseExpression(
                "{ type: 'UserAssigned', userAssignedIdentities: { '${uami.id}': {} } }");
        Obj map = (Obj) identity.prop("userAssignedIdentities").orElseThrow().value();
        assertEquals(null, map.props().get(0).key());
        assertInstanceOf(BicepExpr.Str.class, map.props().get(0).keyExpr());
    }

    @Test
    void multiLineTernaryAndCallArguments() {
        BicepExpr e = BicepParser.parseExpression(String.join("\n",
                "enabled",
                "  ? union(base, {",
                "      extra: true",
                "    },",
                "    other)",
                "  : base"));
        BicepExpr.Ternary t = (BicepExpr.Ternary) e;
        assertEquals(3, ((BicepExpr.Call) t.whenTrue()).args().size());
    }

    @Test
    void bicepparamFile() {
        BicepDocument doc = BicepParser.parse(String.join("\n",
                "using 'main.bicep'",
                "",
                "param prefix = 'pg'",
                "param zones = [",
                "  '1'",
                "  '2'",
                "]"), true);
        assertEquals("main.bicep", doc.using());
        assertEquals(List.of("prefix", "zones"), doc.params().stream().map(BicepDocument.Param::name).toList());
    }

    @Test
    void errorsCarryTheLine() {
        BicepParseException e = assertThrows(BicepParseException.class,
                () -> BicepParser.parse("var a = {\n  b: 'x\n}", false));
        assertEquals(2, e.line);
        assertThrows(BicepParseException.class, () -> BicepParser.parse("var a = 'bad \\q escape'", false));
        assertThrows(BicepParseException.class, () -> BicepParser.parse("var a = { b: 1 c: 2 }", false));
    }
}
