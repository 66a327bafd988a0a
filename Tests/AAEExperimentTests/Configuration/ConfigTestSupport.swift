import AAECore
import AAEExperiment
import Foundation
import XCTest

/// A valid semi-supervised categorical AAE on MNIST, 10 labels per class (line 10, column 21).
let semiSupervisedExperiment = """
    name: semi
    data: {dataset: mnist, scale: [0, 1]}
    model:
      kind: categorical_aae
      encoder: [dense 16, relu, dense latent]
      decoder: [dense 16, relu, dense input, sigmoid]
      groups:
        y: {size: 10, activation: softmax, prior: {kind: categorical}, discriminator: [dense 8, relu, dense 1, sigmoid]}
        z: {size: 4, prior: {kind: normal, std: 1}, discriminator: [dense 8, relu, dense 1, sigmoid]}
      labels_per_class: 10
    optimizer: {kind: adam, lr: 0.001, classification: {lr: 0.01}}
    training: {steps: 10, batch_size: 4}

    """

/// A valid experiment file whose every key sits on its own line, so that a
/// test can break one line and expect a diagnostic there.
let lineByLineExperiment = """
    name: tiny
    seed: 3
    data:
      dataset: mnist
      scale: [0, 1]
    model:
      kind: aae
      latent_dim: 2
      schedule: phased
      supervision: none
      encoder: [dense 16, relu, dense latent]
      decoder: [dense 16, relu, dense input, sigmoid]
      discriminator: [dense 8, relu, dense 1, sigmoid]
    prior:
      kind: normal
      std: 1
    optimizer:
      kind: adam
      lr: 0.001
    training:
      steps: 10
      batch_size: 4

    """

/// `text` with `original` replaced by `replacement`; fails the test when `original` is absent.
func editing(_ text: String, _ original: String, _ replacement: String,
             file: StaticString = #filePath, line: UInt = #line) -> String {
    XCTAssertTrue(text.contains(original), "`\(original)` is not in the text", file: file, line: line)
    return text.replacingOccurrences(of: original, with: replacement)
}

/// The diagnostics of experiment text that must be rejected; fails the test when it is accepted.
func rejection(of text: String, named name: String = "test.yaml", overrides: [String] = [],
               file: StaticString = #filePath, line: UInt = #line) -> [ConfigDiagnostic] {
    do {
        _ = try ExperimentReader.parse(Data(text.utf8), file: name, overrides: overrides.map(Override.init(parsing:)))
        XCTFail("expected the file to be rejected", file: file, line: line)
    } catch let errors as ConfigErrors {
        return errors.diagnostics
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return []
}

/// The diagnostics of loading `path`, which must be rejected.
func rejection(ofFile path: String, overrides: [String] = [],
               file: StaticString = #filePath, line: UInt = #line) -> [ConfigDiagnostic] {
    do {
        _ = try ExperimentReader.load(path: path, overrides: overrides.map(Override.init(parsing:)))
        XCTFail("expected \(path) to be rejected", file: file, line: line)
    } catch let errors as ConfigErrors {
        return errors.diagnostics
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return []
}

/// Asserts that `diagnostics` is one problem at `line` of `path` about `keyPath`,
/// whose message contains every fragment.
func assertOneDiagnostic(_ diagnostics: [ConfigDiagnostic], file path: String = "test.yaml", line expectedLine: Int,
                         keyPath: String, contains fragments: [String],
                         file: StaticString = #filePath, line: UInt = #line) {
    guard diagnostics.count == 1, let diagnostic = diagnostics.first else {
        XCTFail("expected one diagnostic, found \(diagnostics)", file: file, line: line)
        return
    }
    XCTAssertEqual(diagnostic.file, path, "\(diagnostic)", file: file, line: line)
    XCTAssertEqual(diagnostic.line, expectedLine, "\(diagnostic)", file: file, line: line)
    XCTAssertEqual(diagnostic.keyPath, keyPath, "\(diagnostic)", file: file, line: line)
    for fragment in fragments {
        XCTAssertTrue(diagnostic.message.contains(fragment), "`\(fragment)` is not in: \(diagnostic)", file: file, line: line)
    }
}

/// A fresh folder for experiment files, removed when the test ends.
final class ExperimentFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aae-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` (which may contain folders) and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The experiment files shipped in experiments/.
func shippedExperimentPaths() throws -> [String] {
    let folder = Repository.root.appendingPathComponent("experiments")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasSuffix(".yaml") }.sorted()
        .map { folder.appendingPathComponent($0).path }
}

/// Asserts that two experiments describe the same run: every setting equal,
/// layers compared by kind and arguments (not by where they were written).
func assertSameExperiment(_ a: Experiment, _ b: Experiment, _ context: String = "",
                          file: StaticString = #filePath, line: UInt = #line) {
    func check<T: Equatable>(_ left: T, _ right: T, _ what: String) {
        XCTAssertEqual(left, right, "\(context) \(what)", file: file, line: line)
    }
    func layers(_ specs: [LayerSpec]) -> [String] {
        specs.map { "\($0.kind) \($0.arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })" }
    }
    func layers(_ network: NetworkSpec) -> [String] {
        guard case .graph(let graph) = network else { return layers(network.allLayers) }
        return graph.nodes.flatMap { node -> [String] in
            switch node.body {
            case .layers(let specs): return ["\(node.name) \(node.inputs)"] + layers(specs)
            case .merge(let merge): return ["\(node.name) \(merge.rawValue) \(node.inputs)"]
            }
        } + ["output \(graph.output.nodeNames)"]
    }
    check(a.name, b.name, "name")
    check(a.description, b.description, "description")
    check(a.seed, b.seed, "seed")
    check(a.output, b.output, "output")
    check(a.data.dataset, b.data.dataset, "data.dataset")
    check(a.data.scale, b.data.scale, "data.scale")
    check(a.data.trainSize, b.data.trainSize, "data.train_size")
    check(a.data.testSize, b.data.testSize, "data.test_size")
    check(a.data.trainFraction, b.data.trainFraction, "data.train_fraction")
    check(a.data.testFraction, b.data.testFraction, "data.test_fraction")
    check(a.data.labels, b.data.labels, "data.labels")
    check(a.data.files, b.data.files, "data.train, data.test")
    check(a.data.parameters, b.data.parameters, "data settings")
    check(a.model.kind, b.model.kind, "model.kind")
    check(a.model.latentDimension, b.model.latentDimension, "model.latent_dim")
    check(layers(a.model.encoder), layers(b.model.encoder), "model.encoder")
    check(layers(a.model.decoder), layers(b.model.decoder), "model.decoder")
    let adversarial = (a.model.settings(as: AdversarialAutoencoderSettings.self),
                       b.model.settings(as: AdversarialAutoencoderSettings.self))
    check(adversarial.0 == nil, adversarial.1 == nil, "AAE settings")
    if let x = adversarial.0, let y = adversarial.1 {
        check(x.posterior, y.posterior, "model.posterior")
        check(x.noiseDimension, y.noiseDimension, "model.noise_dim")
        check(x.noiseStd, y.noiseStd, "model.noise_std")
        check(layers(x.discriminator), layers(y.discriminator), "model.discriminator")
        check(x.schedule, y.schedule, "model.schedule")
        check(x.discriminatorSteps, y.discriminatorSteps, "model.discriminator_steps")
        check(x.discriminatorUpdate, y.discriminatorUpdate, "model.discriminator_update")
    }
    check(a.model.supervision, b.model.supervision, "model.supervision")
    check(a.model.labelledFraction, b.model.labelledFraction, "model.labelled_fraction")
    check(a.model.settings(as: VariationalAutoencoderSettings.self), b.model.settings(as: VariationalAutoencoderSettings.self),
          "model.mc_samples")
    check(a.prior.kind, b.prior.kind, "prior.kind")
    check(a.prior.parameters, b.prior.parameters, "prior parameters")
    check(a.loss.reconstruction, b.loss.reconstruction, "loss.reconstruction")
    check(a.loss.reconstructionWeight, b.loss.reconstructionWeight, "loss.weights.reconstruction")
    check(a.loss.adversarialWeight, b.loss.adversarialWeight, "loss.weights.adversarial")
    check(a.loss.sparsity, b.loss.sparsity, "loss.sparsity")
    check(a.optimizer.shared, b.optimizer.shared, "optimizer")
    check(a.optimizer.phases, b.optimizer.phases, "optimizer phases")
    check(a.training.steps, b.training.steps, "training.steps")
    check(a.training.batchSize, b.training.batchSize, "training.batch_size")
    check(a.training.logEvery, b.training.logEvery, "training.log_every")
    check(a.training.evalEvery, b.training.evalEvery, "training.eval_every")
    check(a.training.checkpointEvery, b.training.checkpointEvery, "training.checkpoint_every")
    check(a.training.epochs, b.training.epochs, "training.epochs")
    check(a.report, b.report, "report")
    check(a.sweep, b.sweep, "sweep")
    check(a.evaluation, b.evaluation, "eval")
}
