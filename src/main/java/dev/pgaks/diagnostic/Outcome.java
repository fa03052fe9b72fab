package dev.pgaks.diagnostic;

import java.util.List;
import java.util.function.Function;

/** The value of a pipeline stage, or the diagnostics that stopped it; errors stay values until the CLI. */
public sealed interface Outcome<T> {

    record Success<T>(T value) implements Outcome<T> {}

    /** At least one diagnostic: a failure that says nothing would leave the user with an exit code and no reason. */
    record Failure<T>(List<Diagnostic> diagnostics) implements Outcome<T> {
        public Failure {
            if (diagnostics.isEmpty()) {
                throw new IllegalArgumentException("a failure needs at least one diagnostic");
            }
            diagnostics = diagnostics.stream().sorted(Diagnostic.BY_POSITION).toList();
        }
    }

    static <T> Outcome<T> success(T value) {
        return new Success<>(value);
    }

    static <T> Outcome<T> failure(List<Diagnostic> diagnostics) {
        return new Failure<>(diagnostics);
    }

    /** The same outcome, its diagnostics without a specific code given {@code fallback}. */
    default Outcome<T> orCode(ErrorCode fallback) {
        if (this instanceof Failure<T> f) {
            return new Failure<>(f.diagnostics().stream().map(d -> d.orCode(fallback)).toList());
        }
        return this;
    }

    default <R> Outcome<R> then(Function<T, Outcome<R>> next) {
        if (this instanceof Success<T> s) {
            return next.apply(s.value());
        }
        return new Failure<>(((Failure<T>) this).diagnostics());
    }
}
