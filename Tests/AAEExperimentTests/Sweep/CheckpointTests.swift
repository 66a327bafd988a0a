import AAECore
import AAEExperiment
import Foundation
import XCTest

/// Checkpoints: a model restored from one continues bit for bit, and a damaged
/// file is refused with a clear message.
final class CheckpointTests: XCTestCase {
    /// Every kind of state a model has: batch normalisation's running
    /// statistics, dropout and noise streams, a universal posterior's noise,
    /// three optimizers of a phased AAE.
    private let stateful = CheckpointTests.experiment(model: """
        kind: aae
        posterior: universal
        noise_dim: 4
        schedule: phased
        encoder: [dense 24, batch_norm, leaky_relu 0.2, dropout 0.2, dense latent]
        discriminator: [dense 12, leaky_relu 0.2, dense 1, sigmoid]
        """)

    /// The other members of the model family, with the same kinds of layers.
    private let otherKinds = [
        ("combined deterministic AAE", CheckpointTests.experiment(model: """
            kind: aae
            encoder: [dense 24, batch_norm, leaky_relu 0.2, dropout 0.2, dense latent]
            discriminator: [dense 12, leaky_relu 0.2, dense 1, sigmoid]
            """)),
        ("VAE", CheckpointTests.experiment(model: """
            kind: vae
            encoder: [dense 24, batch_norm, leaky_relu 0.2, dropout 0.2]
            """)),
        ("autoencoder", CheckpointTests.experiment(model: """
            kind: autoencoder
            encoder: [dense 24, batch_norm, leaky_relu 0.2, dropout 0.2, dense latent]
            """)),
    ]

    /// An experiment whose `model` section is `model` plus a code size and a decoder.
    private static func experiment(model: String) -> String {
        let indented = model.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
        return """
            name: stateful
            seed: 9
            data: {dataset: mnist, scale: [-1, 1]}
            model:
            \(indented)
              latent_dim: 3
              decoder: [gaussian_noise 0.1, dense 24, relu, dense input, tanh]
            optimizer: {kind: adam, lr: 0.001}
            training: {steps: 10, batch_size: 16}

            """
    }

    private func model(_ text: String, overrides: [String] = []) throws -> TrainableModel {
        let experiment = try ExperimentReader.parse(Data(text.utf8), file: "stateful.yaml",
                                                    overrides: overrides.map(Override.init(parsing:)))
        return ModelBuilder.model(experiment, inputFeatures: 784, seed: experiment.seed)
    }

    /// Trains `model` on `steps` seeded random batches and returns the metrics of each step.
    @discardableResult
    private func train(_ model: TrainableModel, steps: Int, seed: UInt64) -> [[Float]] {
        var random = RandomGenerator(seed: seed)
        var batch = [Float](repeating: 0, count: 16 * 784)
        var labels = [Int32](repeating: 0, count: 16)
        var all: [[Float]] = []
        for _ in 0..<steps {
            random.fillUniform(&batch, count: batch.count, low: -1, high: 1)
            for row in labels.indices { labels[row] = Int32(random.nextInt(below: 10)) }
            model.trainStep(batch: batch, labels: labels)
            all.append(model.stepMetrics.map(\.value))
        }
        return all
    }

    private func checkpoint(of model: TrainableModel, step: Int = 4) -> Checkpoint {
        var sampler = BatchSampler(exampleCount: 50, batchSize: 16, random: RandomGenerator(seed: 3))
        for _ in 0..<5 { _ = sampler.nextBatch() }
        return Checkpoint(step: step, configuration: "name: stateful\n", elapsedSeconds: 1.5, model: model.checkpointState,
                          sampler: sampler.state, windowSums: [1, 2.5, .nan], stepsInWindow: 3,
                          loggedRows: [["4", "0.5", "nan"], ["8", "\"quoted, text\"", ""]])
    }

    func testARestoredModelContinuesBitForBitForEveryModelKind() throws {
        for (name, text) in [("phased universal AAE", stateful)] + otherKinds {
            let original = try model(text)
            train(original, steps: 4, seed: 1)
            let saved = try Checkpoint(decoding: checkpoint(of: original).encoded())
            XCTAssertEqual(saved.model, original.checkpointState, name)
            XCTAssertFalse(saved.model.randomGenerators.isEmpty, name)

            let restored = try model(text)
            XCTAssertNotEqual(restored.checkpointState, saved.model, name)
            try restored.restore(saved.model)
            XCTAssertEqual(restored.checkpointState, saved.model, name)
            let expected = train(original, steps: 3, seed: 2), continued = train(restored, steps: 3, seed: 2)
            XCTAssertEqual(continued.map { $0.map(\.bitPattern) }, expected.map { $0.map(\.bitPattern) }, name)
            XCTAssertEqual(restored.checkpointState, original.checkpointState, name)
        }
    }

    func testEveryFieldRoundTripsThroughTheFileFormat() throws {
        let original = checkpoint(of: try model(stateful))
        let decoded = try Checkpoint(decoding: original.encoded())
        XCTAssertEqual(decoded.step, 4)
        XCTAssertEqual(decoded.configuration, original.configuration)
        XCTAssertEqual(decoded.elapsedSeconds, 1.5)
        XCTAssertEqual(decoded.sampler, original.sampler)
        XCTAssertEqual(decoded.windowSums.map(\.bitPattern), original.windowSums.map(\.bitPattern))
        XCTAssertEqual(decoded.stepsInWindow, 3)
        XCTAssertEqual(decoded.loggedRows, original.loggedRows)
        XCTAssertEqual(decoded.model, original.model)
        XCTAssertEqual(decoded.encoded(), original.encoded())
    }

    func testASamplerRestoredFromItsStateDrawsTheSameBatches() throws {
        var sampler = BatchSampler(exampleCount: 50, batchSize: 16, random: RandomGenerator(seed: 3))
        for _ in 0..<4 { _ = sampler.nextBatch() }
        var restored = BatchSampler(exampleCount: 50, batchSize: 16, random: RandomGenerator(seed: 0))
        try restored.restore(sampler.state)
        for _ in 0..<7 { XCTAssertEqual(Array(restored.nextBatch()), Array(sampler.nextBatch())) }
        var other = BatchSampler(exampleCount: 40, batchSize: 16, random: RandomGenerator(seed: 0))
        XCTAssertThrowsError(try other.restore(sampler.state))
    }

    func testATruncatedCheckpointIsRejected() throws {
        let bytes = checkpoint(of: try model(stateful)).encoded()
        for length in [bytes.count - 1, bytes.count / 2, 19, 9] {
            XCTAssertThrowsError(try Checkpoint(decoding: Array(bytes.prefix(length)))) { error in
                guard case CheckpointError.truncated(let expected, let found) = error else {
                    return XCTFail("\(length) bytes: \(error)")
                }
                XCTAssertEqual(found, length)
                XCTAssertTrue(expected == bytes.count || length < 20, "\(error)")
                XCTAssertTrue("\(error)".contains("truncated: \(length) of"), "\(error)")
            }
        }
    }

    func testDamagedForeignAndNewerFilesAreRejected() throws {
        let bytes = checkpoint(of: try model(stateful)).encoded()
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        XCTAssertThrowsError(try Checkpoint(decoding: flipped)) { error in
            XCTAssertEqual(error as? CheckpointError, .corrupt("the checksum does not match the contents"))
        }
        XCTAssertThrowsError(try Checkpoint(decoding: Array("name: not a checkpoint\n".utf8))) { error in
            XCTAssertEqual(error as? CheckpointError, .notACheckpoint)
        }
        var newer = bytes
        newer[8] = 2
        XCTAssertThrowsError(try Checkpoint(decoding: newer)) { error in
            XCTAssertEqual(error as? CheckpointError, .unsupportedVersion(2))
        }
        XCTAssertThrowsError(try Checkpoint(decoding: bytes + [0])) { error in
            guard case CheckpointError.corrupt = error else { return XCTFail("\(error)") }
        }
    }

    func testAStateOfAnotherArchitectureIsRefusedAndChangesNothing() throws {
        let small = try model(stateful), wide = try model(stateful, overrides: ["model.latent_dim=4"])
        let before = wide.checkpointState
        XCTAssertThrowsError(try wide.restore(small.checkpointState)) { error in
            XCTAssertTrue("\(error)".contains("does not fit"), "\(error)")
        }
        XCTAssertEqual(wide.checkpointState, before)
    }

    func testATruncatedCheckpointFileIsReportedWithItsPath() throws {
        let workspace = try SweepWorkspace()
        let bytes = checkpoint(of: try model(stateful)).encoded()
        try Data(bytes.prefix(bytes.count - 100)).write(to: RunCheckpointFile.url(in: workspace.url))
        XCTAssertThrowsError(try RunCheckpointFile.load(in: workspace.url)) { error in
            XCTAssertTrue("\(error)".contains(RunCheckpointFile.url(in: workspace.url).path), "\(error)")
            XCTAssertTrue("\(error)".contains("truncated"), "\(error)")
        }
    }
}
