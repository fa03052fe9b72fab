package dev.pgaks.bicep;

import dev.pgaks.bicep.BicepDocument.Decorator;
import dev.pgaks.bicep.BicepDocument.Module;
import dev.pgaks.bicep.BicepDocument.Output;
import dev.pgaks.bicep.BicepDocument.Param;
import dev.pgaks.bicep.BicepDocument.Resource;
import dev.pgaks.bicep.BicepDocument.Var;
import dev.pgaks.bicep.BicepExpr.Arr;
import dev.pgaks.bicep.BicepExpr.Obj;
import dev.pgaks.bicep.BicepExpr.Prop;
import dev.pgaks.bicep.BicepToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser for the declaration and expression subset of Bicep that pgaks renders. */
final class BicepParser {
    private static final Set<String> EQUALITY = Set.of("==", "!=", "=~", "!~");
    private static final Set<String> RELATIONAL = Set.of("<", "<=", ">", ">=");

    private final List<BicepToken> tokens;
    private int pos;

    private BicepParser(List<BicepToken> tokens) {
        this.tokens = tokens;
    }

    /** Parses a {@code .bicep} file, or a {@code .bicepparam} file when {@code paramsFile}. */
    static BicepDocument parse(String source, boolean paramsFile) {
        return new BicepParser(BicepLexer.tokenize(source)).document(paramsFile);
    }

    static BicepExpr parseExpression(String source) {
        BicepParser parser = new BicepParser(BicepLexer.tokenize(source));
        BicepExpr expr = parser.expression();
        parser.skipNewlines();
        parser.expect(Kind.EOF);
        return expr;
    }

    private BicepDocument document(boolean paramsFile) {
        String targetScope = null;
        String using = null;
        List<Param> params = new ArrayList<>();
        List<Var> vars = new ArrayList<>();
        List<Output> outputs = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<Module> modules = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (peek().kind() == Kind.EOF) {
                break;
            }
            List<Decorator> decorators = decorators();
            BicepToken keyword = expect(Kind.IDENT);
            switch (keyword.text()) {
                case "targetScope":
                    expectSymbol("=");
                    targetScope = expression().stringLiteral().orElse(null);
                    break;
                case "using":
                    using = expect(Kind.STRING).text();
                    break;
                case "metadata":
                    expect(Kind.IDENT);
                    expectSymbol("=");
                    expression();
                    break;
                case "param":
                    params.add(paramsFile ? paramAssignment(keyword, decorators) : param(keyword, decorators));
                    break;
                case "var":
                    String varName = expect(Kind.IDENT).text();
                    expectSymbol("=");
                    vars.add(new Var(keyword.line(), varName, expression()));
                    break;
                case "output":
                    String outputName = expect(Kind.IDENT).text();
                    String outputType = typeText();
                    expectSymbol("=");
                    outputs.add(new Output(keyword.line(), outputName, outputType, expression()));
                    break;
                case "resource":
                    resources.add(resource(keyword, decorators));
                    break;
                case "module":
                    String symbol = expect(Kind.IDENT).text();
                    String path = expect(Kind.STRING).text();
                    expectSymbol("=");
                    modules.add(new Module(keyword.line(), symbol, path, decorators, declarationValue()));
                    break;
                default:
                    throw new BicepParseException(keyword.line(), "unsupported declaration '" + keyword.text() + "'");
            }
            endOfStatement();
        }
        return new BicepDocument(targetScope, using, params, vars, outputs, resources, modules);
    }

    private Param param(BicepToken keyword, List<Decorator> decorators) {
        String name = expect(Kind.IDENT).text();
        String type = typeText();
        BicepExpr defaultValue = null;
        if (peek().isSymbol("=")) {
            next();
            defaultValue = expression();
        }
        return new Param(keyword.line(), name, type, decorators, defaultValue);
    }

    private Param paramAssignment(BicepToken keyword, List<Decorator> decorators) {
        String name = expect(Kind.IDENT).text();
        expectSymbol("=");
        return new Param(keyword.line(), name, null, decorators, expression());
    }

    /** A type annotation as source text, up to {@code =} or end of line (types are not checked). */
    private String typeText() {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (true) {
            BicepToken t = peek();
            if (t.kind() == Kind.EOF || depth == 0 && (t.kind() == Kind.NEWLINE || t.isSymbol("="))) {
                break;
            }
            if (t.kind() != Kind.NEWLINE) {
                depth += t.isSymbol("{") || t.isSymbol("[") || t.isSymbol("(") ? 1 : 0;
                depth -= t.isSymbol("}") || t.isSymbol("]") || t.isSymbol(")") ? 1 : 0;
                text.append(t.kind() == Kind.STRING ? "'" + t.text() + "'" : t.text());
            }
            next();
        }
        if (text.length() == 0) {
            throw new BicepParseException(peek().line(), "missing type");
        }
        return text.toString();
    }

    private Resource resource(BicepToken keyword, List<Decorator> decorators) {
        String symbol = expect(Kind.IDENT).text();
        BicepToken type = expect(Kind.STRING);
        if (!type.holes().isEmpty()) {
            throw new BicepParseException(type.line(), "resource type must not be interpolated");
        }
        boolean existing = false;
        if (peek().isIdent("existing")) {
            next();
            existing = true;
        }
        expectSymbol("=");
        return new Resource(keyword.line(), symbol, type.text(), existing, decorators, declarationValue());
    }

    /** The right-hand side of a resource or module: an object, {@code if (...) {...}} or {@code [for ...]}. */
    private BicepExpr declarationValue() {
        if (peek().isIdent("if")) {
            return ifExpression();
        }
        BicepExpr value = expression();
        if (!(value instanceof Obj) && !(value instanceof BicepExpr.For)) {
            throw new BicepParseException(value.line(), "expected an object, if (...) or [for ...] body");
        }
        return value;
    }

    private BicepExpr ifExpression() {
        int line = expect(Kind.IDENT).line();
        expectSymbol("(");
        BicepExpr condition = expression();
        skipNewlines();
        expectSymbol(")");
        BicepToken open = peek();
        if (!open.isSymbol("{")) {
            throw new BicepParseException(open.line(), "expected '{' after if (...)");
        }
        return new BicepExpr.If(line, condition, expression());
    }

    private List<Decorator> decorators() {
        List<Decorator> out = new ArrayList<>();
        while (peek().isSymbol("@")) {
            int line = next().line();
            BicepExpr call = postfix();
            if (!(call instanceof BicepExpr.Call c)) {
                throw new BicepParseException(line, "decorator must be a function call");
            }
            out.add(new Decorator(line, c.name(), c.args()));
            skipNewlines();
        }
        return out;
    }

    // --- expressions, lowest precedence first -------------------------------------------------------------

    BicepExpr expression() {
        if (isLambdaStart()) {
            return lambda();
        }
        BicepExpr condition = coalesce();
        if (peekPastNewlines().isSymbol("?")) {
            skipNewlines();
            int line = next().line();
            BicepExpr whenTrue = expression();
            skipNewlines();
            expectSymbol(":");
            return new BicepExpr.Ternary(line, condition, whenTrue, expression());
        }
        return condition;
    }

    private boolean isLambdaStart() {
        if (peek().kind() == Kind.IDENT) {
            return tokens.get(pos + 1).isSymbol("=>");
        }
        if (!peek().isSymbol("(")) {
            return false;
        }
        int i = pos + 1;
        while (tokens.get(i).kind() == Kind.IDENT || tokens.get(i).isSymbol(",")) {
            i++;
        }
        return tokens.get(i).isSymbol(")") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("=>");
    }

    private BicepExpr lambda() {
        int line = peek().line();
        List<String> parameters = new ArrayList<>();
        if (peek().kind() == Kind.IDENT) {
            parameters.add(next().text());
        } else {
            expectSymbol("(");
            while (!peek().isSymbol(")")) {
                parameters.add(expect(Kind.IDENT).text());
                if (peek().isSymbol(",")) {
                    next();
                }
            }
            next();
        }
        expectSymbol("=>");
        return new BicepExpr.Lambda(line, parameters, expression());
    }

    private BicepExpr coalesce() {
        BicepExpr left = binaryLevel(0);
        while (peek().isSymbol("??")) {
            int line = next().line();
            left = new BicepExpr.Binary(line, "??", left, binaryLevel(0));
        }
        return left;
    }

    /** Levels: 0 {@code ||}, 1 {@code &&}, 2 equality, 3 relational, 4 additive, 5 multiplicative. */
    private BicepExpr binaryLevel(int level) {
        if (level == 6) {
            return unary();
        }
        BicepExpr left = binaryLevel(level + 1);
        while (isOperatorOfLevel(peek(), level)) {
            BicepToken op = next();
            skipNewlines();
            left = new BicepExpr.Binary(op.line(), op.text(), left, binaryLevel(level + 1));
        }
        return left;
    }

    private static boolean isOperatorOfLevel(BicepToken t, int level) {
        if (t.kind() != Kind.SYMBOL) {
            return false;
        }
        switch (level) {
            case 0: return t.text().equals("||");
            case 1: return t.text().equals("&&");
            case 2: return EQUALITY.contains(t.text());
            case 3: return RELATIONAL.contains(t.text());
            case 4: return t.text().equals("+") || t.text().equals("-");
            default: return t.text().equals("*") || t.text().equals("/") || t.text().equals("%");
        }
    }

    private BicepExpr unary() {
        if (peek().isSymbol("!") || peek().isSymbol("-")) {
            BicepToken op = next();
            return new BicepExpr.Unary(op.line(), op.text(), unary());
        }
        return postfix();
    }

    private BicepExpr postfix() {
        BicepExpr expr = primary();
        while (true) {
            BicepToken t = peek();
            if (t.isSymbol(".") || t.isSymbol(".?") || t.isSymbol("::")) {
                next();
                BicepToken name = expect(Kind.IDENT);
                if (peek().isSymbol("(") && !t.isSymbol("::")) {
                    expr = new BicepExpr.Call(name.line(), expr, name.text(), arguments());
                } else {
                    expr = new BicepExpr.Member(name.line(), expr, name.text());
                }
            } else if (t.isSymbol("[")) {
                next();
                if (peek().isSymbol("?")) {
                    next();
                }
                BicepExpr index = expression();
                expectSymbol("]");
                expr = new BicepExpr.Index(t.line(), expr, index);
            } else if (t.isSymbol("(") && expr instanceof BicepExpr.Ref ref) {
                expr = new BicepExpr.Call(ref.line(), null, ref.name(), arguments());
            } else if (t.isSymbol("!")) {
                next();
                expr = new BicepExpr.NonNull(t.line(), expr);
            } else {
                return expr;
            }
        }
    }

    private List<BicepExpr> arguments() {
        expectSymbol("(");
        List<BicepExpr> args = new ArrayList<>();
        while (true) {
            skipNewlines();
            if (peek().isSymbol(")")) {
                next();
                return args;
            }
            args.add(expression());
            skipNewlines();
            if (peek().isSymbol(",")) {
                next();
            } else if (!peek().isSymbol(")")) {
                throw unexpected(peek(), "',' or ')'");
            }
        }
    }

    private BicepExpr primary() {
        BicepToken t = next();
        switch (t.kind()) {
            case INT:
                return new BicepExpr.Int(t.line(), Long.parseLong(t.text()));
            case STRING:
                return string(t);
            case IDENT:
                switch (t.text()) {
                    case "true": return new BicepExpr.Bool(t.line(), true);
                    case "false": return new BicepExpr.Bool(t.line(), false);
                    case "null": return new BicepExpr.Null(t.line());
                    default: return new BicepExpr.Ref(t.line(), t.text());
                }
            case SYMBOL:
                if (t.isSymbol("(")) {
                    skipNewlines();
                    BicepExpr inner = expression();
                    skipNewlines();
                    expectSymbol(")");
                    return inner;
                }
                if (t.isSymbol("{")) {
                    return object(t.line());
                }
                if (t.isSymbol("[")) {
                    return peekPastNewlines().isIdent("for") ? forExpression(t.line()) : array(t.line());
                }
                throw unexpected(t, "an expression");
            default:
                throw unexpected(t, "an expression");
        }
    }

    private static BicepExpr.Str string(BicepToken t) {
        List<BicepExpr> holes = new ArrayList<>();
        for (List<BicepToken> hole : t.holes()) {
            BicepParser holeParser = new BicepParser(hole);
            holes.add(holeParser.expression());
            holeParser.expect(Kind.EOF);
        }
        return new BicepExpr.Str(t.line(), t.parts(), holes);
    }

    /** Members are separated by newlines or commas, so both forms (multi-line and single-line) parse alike. */
    private Obj object(int line) {
        List<Prop> props = new ArrayList<>();
        List<Resource> resources = new ArrayList<>();
        List<BicepExpr> spreads = new ArrayList<>();
        while (true) {
            skipSeparators();
            BicepToken t = peek();
            if (t.isSymbol("}")) {
                next();
                return new Obj(line, props, resources, spreads);
            }
            List<Decorator> decorators = decorators();
            t = peek();
            if (t.isIdent("resource") && tokens.get(pos + 1).kind() == Kind.IDENT) {
                next();
                resources.add(resource(t, decorators));
            } else if (t.isSymbol("...")) {
                next();
                spreads.add(expression());
            } else {
                props.add(property());
            }
            BicepToken after = peek();
            if (!after.isSymbol("}") && !after.isSymbol(",") && after.kind() != Kind.NEWLINE) {
                throw unexpected(after, "end of object member");
            }
        }
    }

    private Prop property() {
        BicepToken key = next();
        if (key.kind() != Kind.IDENT && key.kind() != Kind.STRING) {
            throw unexpected(key, "a property name");
        }
        expectSymbol(":");
        if (key.kind() == Kind.STRING && !key.holes().isEmpty()) {
            return new Prop(key.line(), null, string(key), expression());
        }
        return new Prop(key.line(), key.text(), null, expression());
    }

    private Arr array(int line) {
        List<BicepExpr> items = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (peek().isSymbol("]")) {
                next();
                return new Arr(line, items);
            }
            items.add(expression());
            BicepToken after = peek();
            if (!after.isSymbol("]") && !after.isSymbol(",") && after.kind() != Kind.NEWLINE) {
                throw unexpected(after, "end of array item");
            }
        }
    }

    private BicepExpr forExpression(int line) {
        skipNewlines();
        expect(Kind.IDENT);
        List<String> variables = new ArrayList<>();
        if (peek().isSymbol("(")) {
            next();
            variables.add(expect(Kind.IDENT).text());
            expectSymbol(",");
            variables.add(expect(Kind.IDENT).text());
            expectSymbol(")");
        } else {
            variables.add(expect(Kind.IDENT).text());
        }
        BicepToken in = expect(Kind.IDENT);
        if (!in.text().equals("in")) {
            throw unexpected(in, "'in'");
        }
        BicepExpr iterable = expression();
        expectSymbol(":");
        BicepExpr body = peek().isIdent("if") ? ifExpression() : expression();
        skipNewlines();
        expectSymbol("]");
        return new BicepExpr.For(line, variables, iterable, body);
    }

    // --- token helpers --------------------------------------------------------------------------------------

    private BicepToken peek() {
        return tokens.get(pos);
    }

    private BicepToken peekPastNewlines() {
        int i = pos;
        while (tokens.get(i).kind() == Kind.NEWLINE) {
            i++;
        }
        return tokens.get(i);
    }

    private BicepToken next() {
        BicepToken t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            pos++;
        }
    }

    private void skipSeparators() {
        while (peek().kind() == Kind.NEWLINE || peek().isSymbol(",")) {
            pos++;
        }
    }

    private void endOfStatement() {
        BicepToken t = peek();
        if (t.kind() != Kind.NEWLINE && t.kind() != Kind.EOF) {
            throw unexpected(t, "end of line");
        }
    }

    private BicepToken expect(Kind kind) {
        BicepToken t = peek();
        if (t.kind() != kind) {
            throw unexpected(t, kind.name().toLowerCase());
        }
        return next();
    }

    private void expectSymbol(String symbol) {
        BicepToken t = peek();
        if (!t.isSymbol(symbol)) {
            throw unexpected(t, "'" + symbol + "'");
        }
        next();
    }

    private static BicepParseException unexpected(BicepToken t, String expected) {
        return new BicepParseException(t.line(), "expected " + expected + " but found " + t);
    }
}
