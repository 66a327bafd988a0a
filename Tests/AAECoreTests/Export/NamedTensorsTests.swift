import AAECore
import XCTest

/// The exported names of a network's tensors: the network, the graph node,
/// the layer numbered per kind within its chain, then the tensor; shapes and
/// values as the layers hold them (dense weights [in, out]).
final class NamedTensorsTests: XCTestCase {
    private var random = RandomGenerator(seed: 17)

    func testAChainNumbersItsLayersPerKindAndNamesBatchNormStatistics() {
        let first = Dense(inputFeatures: 3, units: 4, random: &random)
        let normalization = BatchNorm(features: 4)
        normalization.runningMean.data[2] = 0.75
        let unbiased = Dense(inputFeatures: 4, units: 2, useBias: false, random: &random)
        let last = Dense(inputFeatures: 2, units: 5, random: &random)
        let chain = Sequential(name: "decoder", inputFeatures: 3, layers: [
            first, Activation(LeakyReLU(alpha: 0.2), features: 4), normalization, Dropout(rate: 0.1, features: 4),
            unbiased, last, Activation(Sigmoid(), features: 5),
        ])
        let tensors = chain.namedTensors
        XCTAssertEqual(tensors.map(\.name), [
            "decoder.dense_1.weight", "decoder.dense_1.bias",
            "decoder.batch_normalization_1.weight", "decoder.batch_normalization_1.bias",
            "decoder.batch_normalization_1.running_mean", "decoder.batch_normalization_1.running_var",
            "decoder.dense_2.weight",
            "decoder.dense_3.weight", "decoder.dense_3.bias",
        ])
        XCTAssertEqual(tensors.map(\.shape), [[3, 4], [4], [4], [4], [4], [4], [4, 2], [2, 5], [5]])
        XCTAssertEqual(tensors[0].values, first.kernel.value.scalars)
        XCTAssertEqual(tensors[4].values, [0, 0, 0.75, 0])
        XCTAssertEqual(tensors[5].values, [1, 1, 1, 1])
        XCTAssertEqual(tensors[7].values, last.kernel.value.scalars)
    }

    func testAGraphNetworkNamesTensorsByNode() {
        let network = GraphNetwork(name: "encoder", inputFeatures: 4, nodes: [
            .layers("h1", input: "input", [Dense(inputFeatures: 4, units: 3, random: &random), BatchNorm(features: 3)]),
            .layers("h2", input: "input", [Dense(inputFeatures: 4, units: 3, random: &random)]),
            .merge("sum", .add, inputs: ["h1", "h2"]),
            .layers("z", input: "sum", [Dense(inputFeatures: 3, units: 2, random: &random)]),
        ], outputs: ["z"])
        XCTAssertEqual(network.namedTensors.map(\.name), [
            "encoder.h1.dense_1.weight", "encoder.h1.dense_1.bias",
            "encoder.h1.batch_normalization_1.weight", "encoder.h1.batch_normalization_1.bias",
            "encoder.h1.batch_normalization_1.running_mean", "encoder.h1.batch_normalization_1.running_var",
            "encoder.h2.dense_1.weight", "encoder.h2.dense_1.bias",
            "encoder.z.dense_1.weight", "encoder.z.dense_1.bias",
        ])
    }

    func testAGaussianEncoderAddsItsHeadsAfterTheTrunk() {
        let trunk = Sequential(name: "encoder", inputFeatures: 6, layers: [
            Dense(inputFeatures: 6, units: 4, random: &random), Activation(ReLU(), features: 4),
        ])
        let encoder = CodeEncoder(trunk: trunk, posterior: .gaussian, inputFeatures: 6, latentDimension: 2,
                                  random: &random)
        let tensors = encoder.namedTensors
        XCTAssertEqual(tensors.map(\.name), ["encoder.dense_1.weight", "encoder.dense_1.bias",
                                             "encoder.z_mean.weight", "encoder.z_mean.bias",
                                             "encoder.z_log_var.weight", "encoder.z_log_var.bias"])
        XCTAssertEqual(tensors[4].shape, [4, 2])
        XCTAssertEqual(tensors[4].values, encoder.logVarianceHead?.kernel.value.scalars)
    }
}
