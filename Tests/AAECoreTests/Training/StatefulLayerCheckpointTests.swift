import AAECore
import XCTest

/// A layer kind the engine has never seen, with state, is saved in a model's
/// checkpoint state, restored, exported and counted through the `Layer`
/// protocol alone: nothing in the models, checkpoints or export names it.
final class StatefulLayerCheckpointTests: XCTestCase {
    /// The identity, counting in its state how many training forward passes ran through it.
    private final class PassCounter: Layer, ExportedLayer {
        static var exportKind: String { "pass_counter" }
        let passes = Tensor(shape: [1])
        let outputFeatures: Int

        init(features: Int) { outputFeatures = features }

        var stateBuffers: [StateBuffer] { [StateBuffer(name: "passes", value: passes)] }
        var exportedParameters: [(name: String, tensor: Tensor)] { [] }

        /// The input unchanged, beside a node that counts the passes of a training graph.
        func callAsFunction(_ input: Variable) -> Variable {
            let graph = input.graph
            if graph.isTraining {
                _ = graph.apply(Counting(passes: passes), to: [input], outputShape: [1], differentiable: false)
            }
            return input
        }
    }

    /// Adds one to `passes` on every forward pass; no gradient flows through it.
    private final class Counting: AAECore.Operation {
        let passes: Tensor

        init(passes: Tensor) { self.passes = passes }

        func forward(inputs: [GraphNode], output: GraphNode) { passes.data[0] += 1 }

        func backward(inputs: [GraphNode], output: GraphNode) {}
    }

    private let features = 6, latent = 2, batchSize = 4

    /// An autoencoder whose decoder holds a `PassCounter`, weights drawn from `seed`.
    private func model(seed: UInt64) -> (Autoencoder, PassCounter) {
        var random = RandomGenerator(seed: seed)
        let counter = PassCounter(features: features)
        let trunk = Sequential(name: "encoder", inputFeatures: features,
                               layers: [Dense(inputFeatures: features, units: latent, random: &random)])
        let encoder = CodeEncoder(trunk: trunk, posterior: .deterministic, inputFeatures: features,
                                  latentDimension: latent, random: &random)
        let decoder = Sequential(name: "decoder", inputFeatures: latent, layers: [
            Dense(inputFeatures: latent, units: features, random: &random), counter,
            Activation(Sigmoid(), features: features),
        ])
        let model = Autoencoder(networks: EncoderDecoder(encoder: encoder, decoder: decoder), reconstruction: .bce,
                                sparsity: .none, batchSize: batchSize,
                                optimizers: { phase, parameters in
                                    PhaseOptimizer(phase: phase, optimizer: SGD(parameters: parameters, learningRate: 0.1))
                                }, random: random)
        return (model, counter)
    }

    private func train(_ model: Autoencoder, steps: Int) {
        let batch = (0..<batchSize * features).map { Float($0 % 3) / 2 }
        let labels = [Int32](repeating: 0, count: batchSize)
        for _ in 0..<steps { model.trainStep(batch: batch, labels: labels) }
    }

    func testANewLayerKindsStateIsInTheCheckpointStateAndRestoredIntoAFreshModel() throws {
        let (trained, counter) = model(seed: 3)
        train(trained, steps: 3)
        XCTAssertEqual(counter.passes.scalars, [3])
        let state = trained.checkpointState
        XCTAssertEqual(state.buffers, [[3]])

        let (fresh, freshCounter) = model(seed: 3)
        try fresh.restore(state)
        XCTAssertEqual(freshCounter.passes.scalars, [3])
        XCTAssertEqual(fresh.checkpointState, state)
    }

    func testANewLayerKindsStateIsExportedUnderItsNameAfterItsParameters() {
        let (model, counter) = model(seed: 4)
        counter.passes.data[0] = 7
        let exported = model.namedTensors.filter { $0.name.hasPrefix("decoder.") }
        XCTAssertEqual(exported.map(\.name),
                       ["decoder.dense_1.weight", "decoder.dense_1.bias", "decoder.pass_counter_1.passes"])
        XCTAssertEqual(exported.last?.values, [7])
    }

    func testALayersStateIsNamedInItsChainAndCountedApartFromItsParameters() {
        let counter = PassCounter(features: 3)
        var random = RandomGenerator(seed: 5)
        let dense = Dense(inputFeatures: 2, units: 3, random: &random)
        let chain = Sequential(name: "decoder", inputFeatures: 2, layers: [dense, counter])
        XCTAssertEqual(chain.stateBuffers.map(\.name), ["decoder.1.passes"])
        XCTAssertTrue(chain.stateBuffers[0].value === counter.passes)
        XCTAssertEqual(counter.stateCount, 1)
        XCTAssertEqual(counter.parameterCount, 0)
        XCTAssertEqual(dense.parameterCount, 9)
        XCTAssertEqual(dense.stateCount, 0)
        XCTAssertEqual(chain.parameterCount, 9)
        XCTAssertEqual(chain.stateCount, 1)
    }
}
