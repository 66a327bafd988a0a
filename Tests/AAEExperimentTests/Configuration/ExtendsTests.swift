import AAEExperiment
import Foundation
import XCTest

/// `extends`: a file inherits another's keys and overrides some by deep merge.
final class ExtendsTests: XCTestCase {
    private func load(_ path: String, overrides: [String] = []) throws -> Experiment {
        try ExperimentReader.load(path: path, overrides: overrides.map(Override.init(parsing:)))
    }

    func testMappingsMergeKeyByKeyAndScalarsReplace() throws {
        let folder = try ExperimentFolder()
        try folder.write("base.yaml", lineByLineExperiment)
        let child = try folder.write("child.yaml", """
            extends: base.yaml
            name: child
            model: {latent_dim: 3}
            optimizer: {lr: 0.01}
            """)
        let experiment = try load(child)
        XCTAssertEqual(experiment.name, "child")
        XCTAssertEqual(experiment.seed, 3)
        XCTAssertEqual(experiment.model.latentDimension, 3)
        XCTAssertEqual(experiment.model.kind, "aae")
        XCTAssertEqual(experiment.model.settings(as: AdversarialAutoencoderSettings.self)?.schedule, .phased)
        XCTAssertEqual(experiment.optimizer.shared.parameters["lr"], 0.01)
        XCTAssertEqual(experiment.optimizer.shared.kind, "adam")
        XCTAssertEqual(experiment.training.batchSize, 4)
    }

    func testListsReplaceTheBaseListWhole() throws {
        let folder = try ExperimentFolder()
        try folder.write("base.yaml", lineByLineExperiment)
        let child = try folder.write("child.yaml", "extends: base.yaml\nmodel:\n  encoder: [dense 4, dense latent]\n")
        XCTAssertEqual(try load(child).model.encoder.allLayers.map(\.shortForm), ["dense 4", "dense latent"])
    }

    func testANullValueResetsTheBaseValueToTheDefault() throws {
        let folder = try ExperimentFolder()
        try folder.write("base.yaml", editing(lineByLineExperiment, "  batch_size: 4", "  batch_size: 4\n  log_every: 5"))
        let child = try folder.write("child.yaml", "extends: base.yaml\ntraining:\n  log_every:\n")
        XCTAssertEqual(try load(child).training.logEvery, 100)
        XCTAssertEqual(try load(child).training.batchSize, 4)
    }

    func testChainsAreFollowedWithPathsRelativeToEachFile() throws {
        let folder = try ExperimentFolder()
        try folder.write("shared/base.yaml", lineByLineExperiment)
        try folder.write("shared/wide.yaml", "extends: base.yaml\nmodel: {encoder: [dense 64, relu, dense latent]}\n")
        let child = try folder.write("runs/child.yaml", "extends: ../shared/wide.yaml\nname: child\nseed: 9\n")
        let experiment = try load(child)
        XCTAssertEqual(experiment.name, "child")
        XCTAssertEqual(experiment.seed, 9)
        XCTAssertEqual(experiment.model.encoder.allLayers.first?.shortForm, "dense 64")
        XCTAssertEqual(experiment.model.decoder.allLayers.first?.shortForm, "dense 16")
    }

    func testSetOverridesApplyAfterExtends() throws {
        let folder = try ExperimentFolder()
        try folder.write("base.yaml", lineByLineExperiment)
        let child = try folder.write("child.yaml", "extends: base.yaml\ntraining: {steps: 20}\n")
        let experiment = try load(child, overrides: ["training.steps=30", "prior.std=2"])
        XCTAssertEqual(experiment.training.steps, 30)
        XCTAssertEqual(experiment.prior.parameters["std"], 2)
    }

    func testExtendedFileNeedNotBeValidOnItsOwn() throws {
        let folder = try ExperimentFolder()
        try folder.write("defaults.yaml", "optimizer: {kind: adam, beta1: 0.5}\ntraining: {batch_size: 4}\n")
        let child = try folder.write("child.yaml", editing(lineByLineExperiment, "seed: 3", "seed: 3\nextends: defaults.yaml"))
        let experiment = try load(child)
        XCTAssertEqual(experiment.optimizer.shared.parameters["beta1"], 0.5)
        XCTAssertEqual(experiment.optimizer.shared.parameters["lr"], 0.001)
    }

    func testExtendedFileThatIsNotAMappingIsRejected() throws {
        let folder = try ExperimentFolder()
        let base = try folder.write("base.yaml", "# a list\n- 1\n- 2\n")
        let child = try folder.write("child.yaml", "extends: base.yaml\nname: child\n")
        assertOneDiagnostic(rejection(ofFile: child), file: base, line: 2, keyPath: "",
                            contains: ["a file that is extended must be a mapping", "found a list"])
    }

    func testExtendingFileKeepsItsOwnLinesAfterAMerge() throws {
        let folder = try ExperimentFolder()
        try folder.write("base.yaml", lineByLineExperiment)
        let child = try folder.write("child.yaml", "extends: base.yaml\n\nmodel:\n  latent_dim: 2\n  schedule: phasd\n")
        assertOneDiagnostic(rejection(ofFile: child), file: child, line: 5, keyPath: "model.schedule",
                            contains: ["did you mean `phased`?"])
    }

    func testShowOfAnExtendingFileIsTheMergedExperiment() throws {
        let folder = try ExperimentFolder()
        try folder.write("base.yaml", lineByLineExperiment)
        let child = try folder.write("child.yaml", "extends: base.yaml\nname: child\n")
        let text = resolvedYAML(try load(child))
        XCTAssertFalse(text.contains("extends"))
        XCTAssertTrue(text.hasPrefix("name: child\n"))
        XCTAssertTrue(text.contains("  schedule: phased\n"))
    }
}
