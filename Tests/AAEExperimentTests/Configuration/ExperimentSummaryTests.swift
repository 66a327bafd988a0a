import AAEExperiment
import Foundation
import XCTest

/// `ExperimentSummary` and `FileValidation`: what `aae-run validate` prints.
final class ExperimentSummaryTests: XCTestCase {
    private func shipped(_ name: String) throws -> Experiment {
        try ExperimentReader.load(path: Repository.root.appendingPathComponent("experiments/\(name)").path)
    }

    private func parse(_ text: String) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "test.yaml")
    }

    func testDefaultExperimentHasTheKerasParameterCounts() throws {
        let summary = ExperimentSummary(experiment: try shipped("aae_deterministic.yaml"))
        XCTAssertEqual(summary.networks.map(\.name), ["encoder", "decoder", "discriminator"])
        let encoder = summary.networks[0]
        XCTAssertEqual(encoder.inputFeatures, 784)
        XCTAssertEqual(encoder.rows.map(\.layer),
                       ["dense 512", "leaky_relu 0.2", "dense 512", "leaky_relu 0.2", "dense latent"])
        XCTAssertEqual(encoder.rows.map(\.outputFeatures), [512, 512, 512, 512, 8])
        XCTAssertEqual(encoder.rows.map(\.trainableParameters), [401_920, 0, 262_656, 0, 4_104])
        XCTAssertEqual(summary.networks.map(\.trainableParameters), [668_680, 669_456, 136_193])
        XCTAssertEqual(summary.trainableParameters, 1_474_329)
        XCTAssertEqual(summary.estimatedParameters, 1_474_329)
        XCTAssertTrue(summary.text.contains(" dense 512                     (None, 512)           401,920\n"), summary.text)
        XCTAssertTrue(summary.text.contains("Total params: 1,474,329 (5.62 MB)"), summary.text)
    }

    func testGaussianPosteriorShowsTheMeanAndLogVarianceHeads() throws {
        let encoder = ExperimentSummary(experiment: try shipped("aae_gaussian.yaml")).networks[0]
        XCTAssertEqual(encoder.rows.suffix(2).map(\.layer), ["z_mean: dense latent", "z_log_var: dense latent"])
        XCTAssertEqual(encoder.rows.suffix(2).map(\.trainableParameters), [1_026, 1_026])
    }

    func testInputsIncludeNoiseAndLabels() throws {
        let universal = ExperimentSummary(experiment: try shipped("aae_universal.yaml"))
        XCTAssertEqual(universal.networks[0].inputFeatures, 800)
        XCTAssertEqual(universal.networks[0].inputDescription, "784 pixels + 16 noise")
        let supervised = ExperimentSummary(experiment: try shipped("aae_supervised.yaml"))
        XCTAssertEqual(supervised.networks[1].inputFeatures, 18)
        let labelAware = ExperimentSummary(experiment: try shipped("aae_labels_mixture.yaml"))
        XCTAssertEqual(labelAware.networks[2].inputDescription, "2 code + 11 label slots")
    }

    func testBatchNormRunningStatisticsAreNonTrainable() throws {
        let experiment = try parse(editing(lineByLineExperiment, "encoder: [dense 16, relu,", "encoder: [dense 16, batch_norm,"))
        let row = ExperimentSummary(experiment: experiment).networks[0].rows[1]
        XCTAssertEqual(row.layer, "batch_norm")
        XCTAssertEqual(row.trainableParameters, 32)
        XCTAssertEqual(row.nonTrainableParameters, 32)
    }

    func testNetworksTooLargeToAllocateAreCountedButNotBuilt() throws {
        let summary = ExperimentSummary(experiment: try parse(editing(lineByLineExperiment, "[dense 16, relu, dense latent]",
                                                                      "[dense 10000000, relu, dense latent]")))
        XCTAssertTrue(summary.networks.isEmpty)
        XCTAssertEqual(summary.estimatedParameters, 784 * 10_000_000 + 10_000_000 + 10_000_000 * 2 + 2
                       + 2 * 16 + 16 + 16 * 784 + 784 + 2 * 8 + 8 + 8 + 1)
        XCTAssertTrue(summary.text.contains("not built"))
    }

    func testEveryShippedExperimentValidates() throws {
        for path in try shippedExperimentPaths() {
            let validation = FileValidation(path: path)
            XCTAssertTrue(validation.isValid, "\(validation.text)")
            XCTAssertTrue(validation.text.hasPrefix("\(path): valid\n"))
        }
    }

    func testInvalidFileListsEveryDiagnostic() throws {
        let folder = try ExperimentFolder()
        let path = try folder.write("bad.yaml", editing(editing(lineByLineExperiment, "seed: 3", "sed: 3"),
                                                        "steps: 10", "steps: 0"))
        let validation = FileValidation(path: path)
        XCTAssertFalse(validation.isValid)
        XCTAssertEqual(validation.diagnostics.map(\.keyPath), ["sed", "training.steps"])
        XCTAssertTrue(validation.text.hasPrefix("\(path): invalid, 2 errors\n\(path):2:1: error: sed: unknown key"),
                      validation.text)
    }

    func testOverridesApplyToValidation() throws {
        let folder = try ExperimentFolder()
        let path = try folder.write("ok.yaml", lineByLineExperiment)
        XCTAssertTrue(FileValidation(path: path).isValid)
        let validation = FileValidation(path: path, overrides: [try Override(parsing: "model.latent_dim=0")])
        XCTAssertEqual(validation.diagnostics.map(\.keyPath), ["model.latent_dim"])
    }

    func testEveryRunOfASweepFileIsValidated() throws {
        let folder = try ExperimentFolder()
        let valid = try folder.write("grid.yaml", lineByLineExperiment + "sweep:\n  grid: {model.latent_dim: [2, 3]}\n")
        let validation = FileValidation(path: valid)
        XCTAssertEqual(validation.sweepRunCount, 2)
        XCTAssertTrue(validation.text.hasPrefix("\(valid): valid\nsweep: 2 runs, each valid"), validation.text)
        let broken = try folder.write("broken.yaml", lineByLineExperiment + "sweep:\n  grid: {model.latent_dim: [2, 0]}\n")
        let rejected = FileValidation(path: broken)
        XCTAssertFalse(rejected.isValid, "the base experiment is valid; its run latent_dim=0 is not")
        XCTAssertEqual(rejected.diagnostics.map(\.keyPath), ["model.latent_dim"])
        XCTAssertTrue(rejected.diagnostics.first?.message.contains("latent_dim=0") ?? false, "\(rejected.diagnostics)")
        XCTAssertNil(FileValidation(path: try folder.write("single.yaml", lineByLineExperiment)).sweepRunCount)
    }

    func testMissingFileAndFolderAreInvalid() throws {
        let folder = try ExperimentFolder()
        XCTAssertEqual(FileValidation(path: folder.path("none.yaml")).diagnostics.first?.message, "no such experiment file")
        XCTAssertEqual(FileValidation(path: folder.url.path).diagnostics.first?.message,
                       "this is a folder, not an experiment file")
    }

    func testMoreLabelsPerClassThanTheFoundTrainingSetHasAreRefusedAtTheirLine() throws {
        let folder = try ExperimentFolder()
        let text = editing(semiSupervisedExperiment, "labels_per_class: 10", "labels_per_class: 1000")
        let path = try folder.write("semi.yaml", text)
        let data = SweepWorkspace.dataDirectory.path
        let refused = FileValidation(path: path, dataDirectory: data)
        XCTAssertEqual(refused.diagnostics.map { "\($0.line):\($0.column) \($0.keyPath)" },
                       ["10:21 model.labels_per_class"])
        XCTAssertTrue(refused.diagnostics.first?.message.contains("fewer than the 1000 labels per class") ?? false,
                      refused.text)
        XCTAssertTrue(FileValidation(path: try folder.write("enough.yaml", editing(text, ": 1000", ": 100")),
                                     dataDirectory: data).isValid)
        let fewer = FileValidation(path: path, overrides: [try Override(parsing: "model.labels_per_class=100"),
                                                           try Override(parsing: "data.train_size=500")],
                                   dataDirectory: data)
        XCTAssertEqual(fewer.diagnostics.map { "\($0.line) \($0.keyPath)" }, ["0 model.labels_per_class"],
                       "500 training images have fewer than 100 of some class; the value is --set's")
    }

    func testABatchLargerThanTheFoundTrainingSetIsRefusedInTheFileThatSetsIt() throws {
        let folder = try ExperimentFolder()
        let base = try folder.write("base.yaml", editing(lineByLineExperiment, "  batch_size: 4", "  batch_size: 9000"))
        let child = try folder.write("child.yaml", "extends: base.yaml\nseed: 4\n")
        let refused = FileValidation(path: child, dataDirectory: SweepWorkspace.dataDirectory.path)
        XCTAssertEqual(refused.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.keyPath)" },
                       ["\(base):22:15 training.batch_size"])
        XCTAssertTrue(refused.diagnostics.first?.message.contains("a batch of 9000 examples is larger than the "
                                                                   + "training set (8000 examples") ?? false, refused.text)
    }
}
