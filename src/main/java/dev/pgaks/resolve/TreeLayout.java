package dev.pgaks.resolve;

import java.nio.file.Path;

/**
 * Where the files live, as the rendered README's commands name them: every command runs from the spec's directory,
 * the one place where both the spec and (through {@code -o}) the tree are reachable.
 *
 * @param specFile         the spec's file name
 * @param outputDir        the {@code -o} directory, as seen from the spec's directory
 * @param treeName         the tree's directory under {@code outputDir}: {@code metadata.name}, or the cluster name for
 *                         a restore, whose spec keeps the source's {@code metadata.name} (and so its storage account)
 *                         and must not render over the source's tree
 * @param treeDir          {@code outputDir/treeName}
 * @param azureOutputsFile the saved deployment outputs beside the spec, which render reads when no
 *                         {@code --azure-outputs} is given: outside the tree, which every render replaces
 * @param restoreSpecFile  the file name the restore runbook gives the copy of this spec, with its own saved outputs
 *                         {@code restoreAzureOutputsFile} and its own tree {@code restoreTreeDir}
 */
public record TreeLayout(String specFile, String outputDir, String treeName, String treeDir, String azureOutputsFile,
                         String restoreSpecFile, String restoreAzureOutputsFile, String restoreTreeDir) {

    /** The CLI's default {@code -o}, and the golden cases' output directory as if rendered from the spec's directory. */
    public static final String DEFAULT_OUTPUT_DIR = "out";

    static TreeLayout of(String specFile, String outputDir, String treeName, String restoreClusterName) {
        String restoreSpec = stem(specFile) + "-restore.yaml";
        return new TreeLayout(specFile, outputDir, treeName, under(outputDir, treeName), outputsFileName(specFile),
                restoreSpec, outputsFileName(restoreSpec), under(outputDir, restoreClusterName));
    }

    private static String under(String dir, String name) {
        return dir.equals(".") ? name : dir + "/" + name;
    }

    private static String outputsFileName(String specFile) {
        return stem(specFile) + ".azure-outputs.json";
    }

    /** The saved deployment outputs of {@code spec}: beside it, named after it. */
    public static Path savedOutputsOf(Path spec) {
        return spec.resolveSibling(outputsFileName(spec.getFileName().toString()));
    }

    /**
     * The {@code -o} directory as the spec's directory sees it: relative when given relative (the same invocation
     * always gives the same text), absolute when given absolute.
     */
    public static String outputDirFromSpec(Path spec, Path output) {
        if (output.isAbsolute()) {
            return slashes(output.normalize());
        }
        Path specDir = spec.toAbsolutePath().normalize().getParent();
        Path relative = specDir.relativize(output.toAbsolutePath().normalize());
        return relative.toString().isEmpty() ? "." : slashes(relative);
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static String stem(String file) {
        return file.replaceFirst("\\.(ya?ml)$", "");
    }
}
