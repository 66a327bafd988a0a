import AAECore
import AAEExperiment
import Foundation
import XCTest

/// `kind: categorical_aae`: its latent groups, labelled examples, phases and
/// cluster heads as an experiment file writes them, the diagnostics of each
/// mistake at its line, and `show`'s text reading back as the same experiment.
final class CategoricalModelSchemaTests: XCTestCase {
    private func parse(_ text: String) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "test.yaml")
    }

    private func settings(_ experiment: Experiment) throws -> CategoricalAdversarialAutoencoderSettings {
        try XCTUnwrap(experiment.model.settings(as: CategoricalAdversarialAutoencoderSettings.self))
    }

    func testTheGroupsGiveTheCodeSizeAndTheDefaultPhasesIncludeClassification() throws {
        let experiment = try parse(semiSupervisedExperiment)
        XCTAssertEqual(experiment.model.latentDimension, 14)
        let settings = try settings(experiment)
        XCTAssertEqual(settings.groups.map(\.name), ["y", "z"])
        XCTAssertEqual(settings.labelledSubset, .perClass(10))
        XCTAssertEqual(settings.phases, [.reconstruction, .discriminator, .generator, .classification])
        let model = try XCTUnwrap(ModelBuilder.model(experiment, inputFeatures: 784, seed: 1)
                                      as? CategoricalAdversarialAutoencoder)
        XCTAssertEqual(model.encoder.outputFeatures, 14)
        XCTAssertEqual(model.latentDimension, 14)
        XCTAssertEqual(model.groups.map(\.discriminator.inputFeatures), [10, 4])
        XCTAssertEqual(model.namedTensors.map(\.name).filter { $0.hasPrefix("y_discriminator.") }.count, 4)
    }

    func testShowReadsBackAsTheSameExperiment() throws {
        let experiment = try parse(semiSupervisedExperiment)
        let shown = resolvedYAML(experiment)
        XCTAssertTrue(shown.contains("""
              groups:
                y: {size: 10, activation: softmax, prior: {kind: categorical}, discriminator: [dense 8, relu, dense 1, sigmoid]}
                z: {size: 4, prior: {kind: normal, mean: 0, std: 1}, discriminator: [dense 8, relu, dense 1, sigmoid]}
            """), shown)
        XCTAssertTrue(shown.contains("  labels_per_class: 10\n  phases: [reconstruction, discriminator, generator, classification]\n"))
        let reread = try parse(shown)
        XCTAssertEqual(resolvedYAML(reread), shown)
        let (first, second) = (try settings(experiment), try settings(reread))
        XCTAssertEqual(second.groups.map(\.size), first.groups.map(\.size))
        XCTAssertEqual(second.groups.map(\.prior.parameters), first.groups.map(\.prior.parameters))
        XCTAssertEqual(second.phases, first.phases)
        XCTAssertEqual(second.labelledSubset, first.labelledSubset)
    }

    func testClusterHeadsMakeTheCodeTheStylesSizeAndAddTheirNetworkAndPhase() throws {
        let text = editing(editing(semiSupervisedExperiment, "dense 16, relu, dense latent", "dense 16, relu, dense 12"),
                           "z: {size: 4,", "z: {size: 2,")
        let experiment = try parse(editing(text, "  labels_per_class: 10", "  labels_per_class: 10\n  cluster_heads: {threshold: 3}"))
        XCTAssertEqual(experiment.model.latentDimension, 2)
        XCTAssertEqual(try settings(experiment).phases.last, .clusterHeads)
        let model = try XCTUnwrap(ModelBuilder.model(experiment, inputFeatures: 784, seed: 1)
                                      as? CategoricalAdversarialAutoencoder)
        let heads = try XCTUnwrap(model.clusterHeads)
        XCTAssertEqual([heads.inputFeatures, heads.outputFeatures, heads.parameters.count], [10, 2, 1])
        XCTAssertEqual(model.phaseOptimizers.map(\.phase).last, .clusterHeads)
        XCTAssertEqual(resolvedYAML(try parse(resolvedYAML(experiment))), resolvedYAML(experiment))
    }

    func testAllLabelsAndTheClassifierBaselineRead() throws {
        let text = editing(semiSupervisedExperiment, "  labels_per_class: 10", "  labels_per_class: all\n  phases: [classification]")
        let settings = try settings(try parse(text))
        XCTAssertEqual(settings.labelledSubset, .all)
        XCTAssertEqual(settings.phases, [.classification])
    }

    func testAnEncoderOfTheWrongWidthIsToldTheGroupsBlocks() {
        let found = rejection(of: editing(semiSupervisedExperiment, "dense 16, relu, dense latent", "dense 16, relu, dense 13"))
        assertOneDiagnostic(found, line: 5, keyPath: "model.encoder",
                            contains: ["outputs 13 features but must output 14", "`dense 14` (the groups' blocks: y 10 + z 4)"])
    }

    func testALatentDimThatDisagreesWithTheGroupsIsRejected() {
        let found = rejection(of: editing(semiSupervisedExperiment, "  encoder:", "  latent_dim: 12\n  encoder:"))
        assertOneDiagnostic(found, line: 5, keyPath: "model.latent_dim",
                            contains: ["follows from the model's groups: 14, found latent_dim 12"])
    }

    func testTwoStyleGroupsAreRejectedAtTheGroups() {
        let found = rejection(of: editing(semiSupervisedExperiment, "activation: softmax, prior: {kind: categorical}", "prior: {kind: normal}"))
        assertOneDiagnostic(found, line: 8, keyPath: "model.groups",
                            contains: ["expected two groups, one categorical", "0 of them categorical"])
    }

    func testACategoricalPriorWithoutSoftmaxIsToldToAddIt() {
        let found = rejection(of: editing(semiSupervisedExperiment, "activation: softmax, ", ""))
        XCTAssertTrue(found.contains { $0.line == 8 && $0.message.contains("give it `activation: softmax`") }, "\(found)")
    }

    func testLabelsNeedAGroupOfTenCategories() {
        let found = rejection(of: editing(semiSupervisedExperiment, "y: {size: 10,", "y: {size: 16,"))
        assertOneDiagnostic(found, line: 10, keyPath: "model.labels_per_class",
                            contains: ["needs size 10, found 16"])
    }

    func testClassificationWithoutLabelsIsRejectedAtPhases() {
        let found = rejection(of: editing(semiSupervisedExperiment, "  labels_per_class: 10", "  phases: [reconstruction, classification]"))
        assertOneDiagnostic(found, line: 10, keyPath: "model.phases", contains: ["give `labels_per_class`"])
    }

    func testAnUnknownPhaseIsRejectedWithASuggestion() {
        let found = rejection(of: editing(semiSupervisedExperiment, "  labels_per_class: 10", "  labels_per_class: 10\n  phases: [clasification]"))
        assertOneDiagnostic(found, line: 11, keyPath: "model.phases[0]", contains: ["did you mean `classification`?"])
    }

    func testSupervisionDoesNotApply() {
        let found = rejection(of: editing(semiSupervisedExperiment, "  labels_per_class: 10", "  labels_per_class: 10\n  supervision: supervised"))
        assertOneDiagnostic(found, line: 11, keyPath: "model.supervision", contains: ["does not apply to a model of kind `categorical_aae`"])
    }
}
