import AAECore
import Foundation
import XCTest

/// The deterministic AAE's training step is Keras' step: from the same weights,
/// batches and prior samples, three steps give the losses and weights that
/// Keras 3 computed (KerasAAEStepsFixture.swift, written by
/// scripts/keras_reference/aae_steps_fixture.py), up to float rounding.
final class KerasEquivalenceTests: XCTestCase {
    private let features = 12, latent = 2, hidden = 6, discriminatorHidden = 5, batchSize = 4, steps = 3

    /// The fixture script's formulas.
    private func initialValue(tensor: Int, index: Int) -> Float {
        Float(0.4 * sin(1.7 * Double(index + 1) + 0.9 * Double(tensor)))
    }

    private func example(step: Int, row: Int, feature: Int) -> Float {
        Float(0.9 * sin(0.7 * Double((step * batchSize + row) * features + feature) + 0.3))
    }

    /// Prior "samples" the fixture script gives Keras, one batch per call.
    private final class ScriptedPrior: Prior {
        let dimension: Int
        private let batchSize: Int
        private var batch = 0

        init(dimension: Int, batchSize: Int) {
            self.dimension = dimension
            self.batchSize = batchSize
        }

        func sample(rows: Int, into destination: UnsafeMutablePointer<Float>, random: inout RandomGenerator) {
            for i in 0..<rows * dimension {
                destination[i] = Float(1.3 * cos(1.1 * Double(batch * batchSize * dimension + i)))
            }
            batch += 1
        }
    }

    private func stack(_ name: String, _ sizes: [Int], output: Layer?, random: inout RandomGenerator) -> Sequential {
        var layers: [Layer] = []
        for (index, (input, units)) in zip(sizes, sizes.dropFirst()).enumerated() {
            layers.append(Dense(inputFeatures: input, units: units, random: &random))
            if index < sizes.count - 2 { layers.append(Activation(LeakyReLU(alpha: 0.2), features: units)) }
        }
        if let output { layers.append(output) }
        return Sequential(name: name, inputFeatures: sizes[0], layers: layers)
    }

    private func model(_ update: DiscriminatorUpdate) -> AdversarialAutoencoder {
        var random = RandomGenerator(seed: 1)
        let trunk = stack("encoder", [features, hidden, latent], output: nil, random: &random)
        let encoder = CodeEncoder(trunk: trunk, posterior: .deterministic, inputFeatures: features,
                                  latentDimension: latent, random: &random)
        let decoder = stack("decoder", [latent, hidden, features], output: Activation(Tanh(), features: features),
                            random: &random)
        let discriminator = stack("discriminator", [latent, discriminatorHidden, 1],
                                  output: Activation(Sigmoid(), features: 1), random: &random)
        let adam: PhaseOptimizerMaker = {
            PhaseOptimizer(phase: $0, optimizer: Adam(parameters: $1, learningRate: 0.01, beta1: 0.5))
        }
        let model = AdversarialAutoencoder(
            networks: EncoderDecoder(encoder: encoder, decoder: decoder), discriminator: discriminator,
            prior: ScriptedPrior(dimension: latent, batchSize: batchSize), schedule: .combined,
            discriminatorUpdate: update, reconstruction: .mse, reconstructionWeight: 0.999, adversarialWeight: 0.001,
            batchSize: batchSize, optimizers: adam,
            random: random)
        for (tensor, parameter) in model.allParameters.enumerated() {
            for index in 0..<parameter.value.count {
                parameter.value.data[index] = initialValue(tensor: tensor, index: index)
            }
        }
        return model
    }

    private func assertMatchesKeras(_ update: DiscriminatorUpdate, _ keras: KerasAAESteps) throws {
        let model = model(update)
        XCTAssertEqual(model.allParameters.reduce(0) { $0 + $1.value.count }, keras.finalWeights.count)
        let labels = [Int32](repeating: 0, count: batchSize)
        for step in 0..<steps {
            let batch = (0..<batchSize * features).map { example(step: step, row: $0 / features, feature: $0 % features) }
            model.trainStep(batch: batch, labels: labels)
            for (name, expected) in zip(["d_loss", "g_loss", "recon_loss", "adv_loss"], keras.lossesPerStep[step]) {
                let value = try XCTUnwrap(model.stepMetrics[name], name)
                XCTAssertEqual(value, expected, accuracy: 1e-5 * max(1, abs(expected)), "\(update) step \(step + 1) \(name)")
            }
        }
        let weights = model.allParameters.flatMap { Array(UnsafeBufferPointer(start: $0.value.data, count: $0.value.count)) }
        let largest = zip(weights, keras.finalWeights).map { abs($0 - $1) }.max() ?? .infinity
        XCTAssertLessThan(largest, 1e-5, "\(update): largest weight difference from Keras after \(steps) steps")
    }

    func testSeparateDiscriminatorUpdatesMatchKerasTwoTrainOnBatchCalls() throws {
        try assertMatchesKeras(.separate, .separate)
    }

    func testJointDiscriminatorUpdateMatchesKerasOneStackedBatch() throws {
        try assertMatchesKeras(.joint, .joint)
    }
}
