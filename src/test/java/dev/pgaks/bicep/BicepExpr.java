package dev.pgaks.bicep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Expression tree of the Bicep subset pgaks emits. Only literals are type-checked; the rest is kept for references. */
sealed interface BicepExpr {

    int line();

    List<BicepExpr> children();

    /** Literal string without interpolation holes, if this is one. */
    default Optional<String> stringLiteral() {
        if (this instanceof Str s && s.holes().isEmpty()) {
            return Optional.of(s.parts().get(0));
        }
        return Optional.empty();
    }

    /** Strings, numbers, booleans, objects and arrays are literals; null means "omit" in Bicep, so it is not. */
    default boolean isLiteral() {
        return stringLiteral().isPresent() || this instanceof Int || this instanceof Bool
                || this instanceof Obj || this instanceof Arr;
    }

    record Str(int line, List<String> parts, List<BicepExpr> holes) implements BicepExpr {
        public List<BicepExpr> children() {
            return holes;
        }
    }

    record Int(int line, long value) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of();
        }
    }

    record Bool(int line, boolean value) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of();
        }
    }

    record Null(int line) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of();
        }
    }

    /** {@code key} is null when the key is an interpolated string ({@code keyExpr}). */
    record Prop(int line, String key, BicepExpr keyExpr, BicepExpr value) {
    }

    /** Object literal; a resource body may also hold nested child resource declarations. */
    record Obj(int line, List<Prop> props, List<BicepDocument.Resource> resources, List<BicepExpr> spreads)
            implements BicepExpr {
        public List<BicepExpr> children() {
            List<BicepExpr> out = new ArrayList<>(spreads);
            for (Prop p : props) {
                if (p.keyExpr() != null) {
                    out.add(p.keyExpr());
                }
                out.add(p.value());
            }
            resources.forEach(r -> out.add(r.value()));
            return out;
        }

        Optional<Prop> prop(String key) {
            return props.stream().filter(p -> key.equals(p.key())).findFirst();
        }
    }

    record Arr(int line, List<BicepExpr> items) implements BicepExpr {
        public List<BicepExpr> children() {
            return items;
        }
    }

    /** A bare identifier: parameter, variable, resource/module symbol, loop variable or namespace. */
    record Ref(int line, String name) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of();
        }
    }

    /** {@code a.b}, {@code a.?b} and {@code a::b}. */
    record Member(int line, BicepExpr target, String name) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(target);
        }
    }

    record Index(int line, BicepExpr target, BicepExpr index) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(target, index);
        }
    }

    /** Function call; {@code target} is null for {@code f(...)} and the receiver for {@code x.f(...)}. */
    record Call(int line, BicepExpr target, String name, List<BicepExpr> args) implements BicepExpr {
        public List<BicepExpr> children() {
            List<BicepExpr> out = new ArrayList<>(args);
            if (target != null) {
                out.add(0, target);
            }
            return out;
        }
    }

    record Unary(int line, String op, BicepExpr operand) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(operand);
        }
    }

    /** Postfix {@code x!} non-null assertion. */
    record NonNull(int line, BicepExpr operand) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(operand);
        }
    }

    record Binary(int line, String op, BicepExpr left, BicepExpr right) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(left, right);
        }
    }

    record Ternary(int line, BicepExpr condition, BicepExpr whenTrue, BicepExpr whenFalse) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(condition, whenTrue, whenFalse);
        }
    }

    /** {@code if (cond) {...}} as the value of a resource or module declaration. */
    record If(int line, BicepExpr condition, BicepExpr body) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(condition, body);
        }
    }

    /** {@code [for x in list: body]} or {@code [for (x, i) in list: body]}. */
    record For(int line, List<String> variables, BicepExpr iterable, BicepExpr body) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(iterable, body);
        }
    }

    record Lambda(int line, List<String> parameters, BicepExpr body) implements BicepExpr {
        public List<BicepExpr> children() {
            return List.of(body);
        }
    }

    /** The object a resource/module declaration ends up with, looking through {@code if} and {@code for}. */
    static Optional<Obj> declarationBody(BicepExpr value) {
        BicepExpr current = value;
        while (current instanceof If || current instanceof For) {
            current = current instanceof If i ? i.body() : ((For) current).body();
        }
        return current instanceof Obj o ? Optional.of(o) : Optional.empty();
    }

    /** Depth-first visit of an expression and everything below it. */
    static void walk(BicepExpr expr, java.util.function.Consumer<BicepExpr> visitor) {
        visitor.accept(expr);
        for (BicepExpr child : expr.children()) {
            walk(child, visitor);
        }
    }
}
