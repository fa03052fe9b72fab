package dev.pgaks.bicep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Declarations of one parsed {@code .bicep} or {@code .bicepparam} file. */
record BicepDocument(
        String targetScope,
        String using,
        List<Param> params,
        List<Var> vars,
        List<Output> outputs,
        List<Resource> resources,
        List<Module> modules) {

    record Decorator(int line, String name, List<BicepExpr> args) {
        Optional<Long> intArg() {
            return args.size() == 1 && args.get(0) instanceof BicepExpr.Int i ? Optional.of(i.value()) : Optional.empty();
        }
    }

    /** {@code type} is the declared type as source text, null in a {@code .bicepparam} file. */
    record Param(int line, String name, String type, List<Decorator> decorators, BicepExpr defaultValue) {
        Optional<Decorator> decorator(String decoratorName) {
            return decorators.stream().filter(d -> d.name().equals(decoratorName)).findFirst();
        }

        /** A caller must pass it: no default and not a nullable type. */
        boolean isRequired() {
            return defaultValue == null && !type.endsWith("?");
        }
    }

    record Var(int line, String name, BicepExpr value) {
    }

    record Output(int line, String name, String type, BicepExpr value) {
    }

    /** {@code type} is as written: {@code 'Ns/type@ver'}, or relative ({@code 'containers'}) for a nested resource. */
    record Resource(int line, String symbol, String type, boolean existing, List<Decorator> decorators,
                    BicepExpr value) {
    }

    record Module(int line, String symbol, String path, List<Decorator> decorators, BicepExpr value) {
    }

    Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    Optional<Var> variable(String name) {
        return vars.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    /** Every expression in the file, for reference analysis. Nested resources are reached through their parents. */
    List<BicepExpr> expressions() {
        List<BicepExpr> out = new ArrayList<>();
        for (Param p : params) {
            p.decorators().forEach(d -> out.addAll(d.args()));
            if (p.defaultValue() != null) {
                out.add(p.defaultValue());
            }
        }
        vars.forEach(v -> out.add(v.value()));
        outputs.forEach(o -> out.add(o.value()));
        for (Resource r : resources) {
            r.decorators().forEach(d -> out.addAll(d.args()));
            out.add(r.value());
        }
        for (Module m : modules) {
            m.decorators().forEach(d -> out.addAll(d.args()));
            out.add(m.value());
        }
        return out;
    }
}
