import AAEExperiment
import Foundation
import XCTest

final class ExperimentReaderTests: XCTestCase {
    private let valid = """
        name: tiny
        seed: 3
        data: {dataset: mnist, scale: [-1, 1]}
        model:
          kind: aae
          latent_dim: 2
          encoder: [dense 16, leaky_relu 0.2, dense latent]
          decoder: [dense 16, relu, dense input, tanh]
          discriminator: [dense 8, relu, dense 1, sigmoid]
        optimizer: {kind: adam, lr: 0.001, beta1: 0.5}
        training: {steps: 10, batch_size: 4}
        """

    private func parse(_ text: String, overrides: [String] = []) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "test.yaml",
                                   overrides: overrides.map { try Override(parsing: $0) })
    }

    private func diagnostics(_ text: String, overrides: [String] = []) -> [ConfigDiagnostic] {
        do {
            _ = try parse(text, overrides: overrides)
            XCTFail("expected the file to be rejected")
            return []
        } catch let errors as ConfigErrors {
            return errors.diagnostics
        } catch {
            XCTFail("unexpected error \(error)")
            return []
        }
    }

    func testShippedDefaultExperimentIsValid() throws {
        let path = Repository.root.appendingPathComponent("experiments/aae_deterministic.yaml").path
        let experiment = try ExperimentReader.load(path: path)
        XCTAssertEqual(experiment.name, "aae_deterministic")
        XCTAssertEqual(experiment.model.latentDimension, 8)
        XCTAssertEqual(experiment.model.encoder.allLayers.map(\.shortForm),
                       ["dense 512", "leaky_relu 0.2", "dense 512", "leaky_relu 0.2", "dense latent"])
        XCTAssertEqual(experiment.optimizer.shared.parameters["beta1"], 0.5)
        XCTAssertEqual(experiment.optimizer.shared.parameters["beta2"], 0.999)
        XCTAssertEqual(experiment.loss.reconstructionWeight, 0.999)
        XCTAssertEqual(experiment.training.steps, 5000)
    }

    func testDefaultsAreFilledIn() throws {
        let experiment = try parse(valid)
        XCTAssertEqual(experiment.training.logEvery, 100)
        XCTAssertEqual(experiment.prior.kind, "normal")
        XCTAssertEqual(experiment.prior.parameters["std"], 1)
        XCTAssertEqual(experiment.loss.reconstruction, .mse)
    }

    func testMisspeltKeySuggestsTheNearestOneWithItsLine() {
        let found = diagnostics(valid.replacingOccurrences(of: "beta1: 0.5", with: "beta_1: 0.5"))
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 10)
        XCTAssertEqual(found.first?.keyPath, "optimizer.beta_1")
        XCTAssertTrue(found.first?.message.contains("did you mean `beta1`?") ?? false, "\(found)")
    }

    func testNegativeLearningRateIsOutOfRange() {
        let found = diagnostics(valid.replacingOccurrences(of: "lr: 0.001", with: "lr: -0.1"))
        XCTAssertEqual(found.map(\.keyPath), ["optimizer.lr"])
        XCTAssertEqual(found.first?.line, 10)
        XCTAssertTrue(found.first?.message.contains("found -0.1") ?? false)
    }

    func testWrongTypeSaysWhatWasExpectedAndFound() {
        let found = diagnostics(valid.replacingOccurrences(of: "latent_dim: 2", with: "latent_dim: two"))
        XCTAssertEqual(found.map(\.keyPath), ["model.latent_dim"])
        XCTAssertEqual(found.first?.line, 6)
        XCTAssertTrue(found.first?.message.contains("expected an integer, found `two`") ?? false)
    }

    func testUnknownLayerSuggestsTheNearestKind() {
        let found = diagnostics(valid.replacingOccurrences(of: "[dense 16, relu, dense input", with: "[dense 16, rellu, dense input"))
        XCTAssertEqual(found.map(\.keyPath), ["model.decoder[1]"])
        XCTAssertEqual(found.first?.line, 8)
        XCTAssertTrue(found.first?.message.contains("did you mean `relu`?") ?? false, "\(found)")
    }

    func testEncoderThatDoesNotEndInTheCodeSizeIsRejectedAtItsLastLayer() {
        let found = diagnostics(valid.replacingOccurrences(of: "leaky_relu 0.2, dense latent]", with: "leaky_relu 0.2, dense 5]"))
        XCTAssertEqual(found.map(\.keyPath), ["model.encoder"])
        XCTAssertEqual(found.first?.line, 7)
        XCTAssertTrue(found.first?.message.contains("outputs 5 features but must output 2") ?? false, "\(found)")
    }

    func testDropoutRateOfOneIsRejected() {
        let found = diagnostics(valid.replacingOccurrences(of: "[dense 16, relu, dense input", with: "[dense 16, dropout 1, dense input"))
        XCTAssertEqual(found.map(\.keyPath), ["model.decoder[1]"])
        XCTAssertTrue(found.first?.message.contains("[0, 1)") ?? false, "\(found)")
    }

    func testEveryErrorOfAFileIsReportedAtOnce() {
        let text = valid.replacingOccurrences(of: "seed: 3", with: "sed: 3")
            .replacingOccurrences(of: "steps: 10", with: "steps: 0")
        let found = diagnostics(text)
        XCTAssertEqual(found.map(\.keyPath), ["sed", "training.steps"])
        XCTAssertEqual(found.map(\.line), [2, 11])
    }

    func testMissingModelIsReported() {
        let found = diagnostics("name: x\n")
        XCTAssertEqual(found.map(\.keyPath), ["model"])
    }

    func testNameWithPathSeparatorIsRejected() {
        let found = diagnostics(valid.replacingOccurrences(of: "name: tiny", with: "name: a/b"))
        XCTAssertEqual(found.map(\.keyPath), ["name"])
    }

    func testTabIndentationIsAYAMLErrorWithItsLine() {
        let found = diagnostics("name: x\nmodel:\n\tkind: aae\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 3)
        XCTAssertTrue(found.first?.message.hasPrefix("invalid YAML") ?? false)
    }

    func testDuplicateKeyIsRejected() {
        let found = diagnostics(valid + "\nseed: 4\n")
        XCTAssertTrue(found.first?.message.contains("duplicate key `seed`") ?? false, "\(found)")
    }

    func testEmptyAndBinaryFilesAreRejectedWithAReason() {
        XCTAssertEqual(diagnostics("").first?.message, "the file is empty")
        do {
            _ = try ExperimentReader.parse(Data([0x00, 0xFF, 0x10]), file: "x.yaml")
            XCTFail("expected an error")
        } catch {
            XCTAssertTrue("\(error)".contains("not UTF-8 text"))
        }
    }

    func testSetOverrideIsTypedBySchema() throws {
        let experiment = try parse(valid, overrides: ["training.steps=7", "optimizer.lr=0.01"])
        XCTAssertEqual(experiment.training.steps, 7)
        XCTAssertEqual(experiment.optimizer.shared.parameters["lr"], 0.01)
        let found = diagnostics(valid, overrides: ["training.steps=many"])
        XCTAssertEqual(found.map(\.keyPath), ["training.steps"])
        XCTAssertTrue(found.first?.message.contains("expected an integer, found `many`") ?? false)
    }

    func testSetOverrideCanReplaceAListElement() throws {
        let experiment = try parse(valid, overrides: ["model.encoder.0=dense 32"])
        XCTAssertEqual(experiment.model.encoder.allLayers.first?.shortForm, "dense 32")
    }

    func testMalformedSetIsRejected() {
        XCTAssertThrowsError(try Override(parsing: "training.steps"))
        XCTAssertThrowsError(try Override(parsing: "training..steps=3"))
    }

    func testLongFormLayerIsAccepted() throws {
        let experiment = try parse(valid.replacingOccurrences(of: "encoder: [dense 16,", with: "encoder: [{dense: {units: 16, bias: false}},"))
        XCTAssertEqual(experiment.model.encoder.allLayers.first?.shortForm, "dense 16 false")
    }

    func testAProblemFoundWhenARunStartsIsPlacedAtItsValueInTheFileThatSetsIt() throws {
        let folder = try ExperimentFolder()
        let base = try folder.write("base.yaml", lineByLineExperiment)
        let child = try folder.write("child.yaml", "extends: base.yaml\nseed: 4\n")
        XCTAssertEqual(ExperimentReader.diagnostic("too large", at: "training.batch_size", in: child).description,
                       "\(base):22:15: error: training.batch_size: too large")
        XCTAssertEqual(ExperimentReader.diagnostic("wrong", at: "seed", in: child).description,
                       "\(child):2:7: error: seed: wrong")
    }

    func testAProblemWithAKeyNoFileSetsNamesTheFileAlone() throws {
        let folder = try ExperimentFolder()
        let file = try folder.write("test.yaml", lineByLineExperiment)
        XCTAssertEqual(ExperimentReader.diagnostic("none", at: "model.labels_per_class", in: file).description,
                       "\(file): error: model.labels_per_class: none")
    }
}
