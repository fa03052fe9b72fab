/**
 * Test-side structural checker for the Bicep that pgaks renders, standing in for {@code bicep build} on machines
 * without the Bicep CLI.
 *
 * <pre>{@code
 * AzureTypeIndex types = AzureTypeIndex.load(AzureTypesReference.directory()); // or AzureTypesReference.index()
 * List<BicepFinding> findings = new BicepStructureChecker(types).checkDirectory(infraDir);
 * assertEquals(List.of(), findings);
 * }</pre>
 *
 * <p>{@link dev.pgaks.bicep.BicepParser} reads the declarations and expressions; {@link dev.pgaks.bicep.ResourceChecker}
 * validates resource types, API versions, bodies and names against bicep-types-az data; {@link
 * dev.pgaks.bicep.ParamChecker} validates params, symbols, module wiring and the {@code .bicepparam} file.
 */
package dev.pgaks.bicep;
