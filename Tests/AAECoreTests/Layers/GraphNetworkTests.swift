import AAECore
import XCTest

/// `GraphNetwork`: named nodes with branches and merges, run in a fixed order,
/// computing exactly what the same layers wired by hand compute.
final class GraphNetworkTests: XCTestCase {
    private var random = RandomGenerator(seed: 2024)
    private let checker = GradientChecker()

    /// Two towers on the input, summed, concatenated with the input, then a
    /// dense output: every merge kind but multiply, and a node reading `input` twice.
    private struct Towers {
        let first: Dense, second: Dense, output: Dense
        let network: GraphNetwork

        init(random: inout RandomGenerator) {
            first = Dense(inputFeatures: 4, units: 3, random: &random)
            second = Dense(inputFeatures: 4, units: 3, random: &random)
            output = Dense(inputFeatures: 7, units: 2, random: &random)
            for parameter in [first.bias!, second.bias!, output.bias!] {
                random.fillUniform(parameter.value.data, count: parameter.value.count, low: -0.5, high: 0.5)
            }
            network = GraphNetwork(name: "encoder", inputFeatures: 4, nodes: [
                .layers("h1", input: "input", [first, Activation(Tanh(), features: 3)]),
                .layers("h2", input: "input", [second]),
                .merge("sum", .add, inputs: ["h1", "h2"]),
                .merge("joined", .concat, inputs: ["sum", "input"]),
                .layers("z", input: "joined", [output, Activation(Tanh(), features: 2)]),
            ], outputs: ["z"])
        }
    }

    private func filledInput(_ graph: Graph, rows: Int, features: Int) -> Variable {
        let input = graph.input(shape: [rows, features])
        random.fillUniform(input.value.data, count: input.value.count, low: -1, high: 1)
        return input
    }

    func testForwardEqualsTheSameLayersWiredByHand() {
        let towers = Towers(random: &random)
        let graph = Graph()
        let x = filledInput(graph, rows: 5, features: 4)
        let fromNetwork = towers.network(x)
        let sum = towers.first(x).map(Tanh()) + towers.second(x)
        let byHand = towers.output(Variable.concatenate([sum, x])).map(Tanh())
        graph.forward()
        XCTAssertEqual(fromNetwork.shape, [5, 2])
        XCTAssertEqual(fromNetwork.value.scalars, byHand.value.scalars)
    }

    func testMultiplyMergeIsTheElementwiseProduct() {
        let left = Dense(inputFeatures: 3, units: 2, random: &random)
        let right = Dense(inputFeatures: 3, units: 2, random: &random)
        let network = GraphNetwork(name: "gate", inputFeatures: 3, nodes: [
            .layers("a", input: "input", [left]),
            .layers("b", input: "input", [right, Activation(Sigmoid(), features: 2)]),
            .merge("gated", .multiply, inputs: ["a", "b"]),
        ], outputs: ["gated"])
        let graph = Graph()
        let x = filledInput(graph, rows: 4, features: 3)
        let fromNetwork = network(x)
        let byHand = left(x) * right(x).map(Sigmoid())
        graph.forward()
        XCTAssertEqual(fromNetwork.value.scalars, byHand.value.scalars)
    }

    func testGradientsThroughConcatAndAddMergesMatchFiniteDifferences() {
        let towers = Towers(random: &random)
        let graph = Graph()
        let x = filledInput(graph, rows: 3, features: 4)
        checker.check(towers.network(x), with: towers.network.parameters, random: &random)
    }

    func testGradientsThroughAMultiplyMergeMatchFiniteDifferences() {
        let network = GraphNetwork(name: "gate", inputFeatures: 3, nodes: [
            .layers("a", input: "input", [Dense(inputFeatures: 3, units: 2, random: &random)]),
            .layers("b", input: "input", [Dense(inputFeatures: 3, units: 2, random: &random),
                                          Activation(Sigmoid(), features: 2)]),
            .merge("gated", .multiply, inputs: ["a", "b"]),
        ], outputs: ["gated"])
        let graph = Graph()
        let x = filledInput(graph, rows: 3, features: 3)
        checker.check(network(x), with: network.parameters, random: &random)
    }

    func testParametersAreNamedByNetworkNodeIndexAndRoleInNodeOrder() {
        let towers = Towers(random: &random)
        XCTAssertEqual(towers.network.parameters.map(\.name), [
            "encoder.h1.0.kernel", "encoder.h1.0.bias",
            "encoder.h2.0.kernel", "encoder.h2.0.bias",
            "encoder.z.0.kernel", "encoder.z.0.bias",
        ])
        XCTAssertTrue(towers.network.parameters[0] === towers.first.kernel)
    }

    func testNodesGivenBeforeTheirInputsRunAfterThem() {
        let network = GraphNetwork(name: "decoder", inputFeatures: 2, nodes: [
            .layers("out", input: "hidden", [Dense(inputFeatures: 5, units: 1, random: &random)]),
            .layers("hidden", input: "input", [Dense(inputFeatures: 2, units: 5, random: &random)]),
        ], outputs: ["out"])
        XCTAssertEqual(network.nodes.map(\.name), ["hidden", "out"])
        XCTAssertEqual(network.parameters.map(\.name),
                       ["decoder.hidden.0.kernel", "decoder.hidden.0.bias", "decoder.out.0.kernel", "decoder.out.0.bias"])
    }

    func testNodeWidthsFollowTheirMerges() {
        let towers = Towers(random: &random)
        let network = towers.network
        XCTAssertEqual(network.inputFeatures, 4)
        XCTAssertEqual(["input", "h1", "h2", "sum", "joined", "z"].map(network.outputFeatures(of:)), [4, 3, 3, 3, 7, 2])
        XCTAssertEqual(network.outputFeatures, 2)
    }

    func testSeveralOutputsAreReturnedEachAndSideBySideWhenCalledAsALayer() {
        let network = GraphNetwork(name: "encoder", inputFeatures: 3, nodes: [
            .layers("trunk", input: "input", [Dense(inputFeatures: 3, units: 4, random: &random)]),
            .layers("mean", input: "trunk", [Dense(inputFeatures: 4, units: 2, random: &random)]),
            .layers("spread", input: "trunk", [Dense(inputFeatures: 4, units: 1, random: &random)]),
        ], outputs: ["mean", "spread"])
        let graph = Graph()
        let x = filledInput(graph, rows: 2, features: 3)
        let outputs = network.outputs(x)
        let together = network(x)
        graph.forward()
        XCTAssertEqual(outputs.map(\.shape), [[2, 2], [2, 1]])
        XCTAssertEqual(network.outputFeatures, 3)
        XCTAssertEqual(together.shape, [2, 3])
        for row in 0..<2 {
            XCTAssertEqual(together.value[row * 3], outputs[0].value[row * 2])
            XCTAssertEqual(together.value[row * 3 + 1], outputs[0].value[row * 2 + 1])
            XCTAssertEqual(together.value[row * 3 + 2], outputs[1].value[row])
        }
    }

    func testStateBuffersAreTheBatchNormStatisticsInNodeOrder() {
        let first = BatchNorm(features: 4), second = BatchNorm(features: 4)
        let network = GraphNetwork(name: "encoder", inputFeatures: 4, nodes: [
            .layers("a", input: "input", [first]),
            .layers("b", input: "input", [second]),
            .merge("both", .add, inputs: ["a", "b"]),
        ], outputs: ["both"])
        XCTAssertEqual(network.stateBuffers.map(\.name), ["encoder.a.0.running_mean", "encoder.a.0.running_var",
                                                         "encoder.b.0.running_mean", "encoder.b.0.running_var"])
        XCTAssertTrue(network.stateBuffers.map(\.value).elementsEqual(
            [first.runningMean, first.runningVariance, second.runningMean, second.runningVariance], by: ===))
    }

    func testGaussianEncoderTakesItsHeadsFromTheGraphsTwoOutputsAndAddsNone() {
        let network = GraphNetwork(name: "encoder", inputFeatures: 3, nodes: [
            .layers("trunk", input: "input", [Dense(inputFeatures: 3, units: 4, random: &random)]),
            .layers("zm", input: "trunk", [Dense(inputFeatures: 4, units: 2, random: &random)]),
            .layers("zl", input: "trunk", [Dense(inputFeatures: 4, units: 2, random: &random)]),
        ], outputs: ["zm", "zl"])
        let encoder = CodeEncoder(gaussianHeads: network, inputFeatures: 3, latentDimension: 2)
        XCTAssertNil(encoder.meanHead)
        XCTAssertEqual(encoder.parameters.map(\.name), network.parameters.map(\.name))
        let graph = Graph()
        let x = filledInput(graph, rows: 2, features: 3)
        let encoded = encoder(x, sampling: false)
        let heads = network.outputs(x)
        graph.forward()
        XCTAssertEqual(encoded.code.value.scalars, heads[0].value.scalars)
        XCTAssertEqual(encoded.logVariance?.value.scalars, heads[1].value.scalars)
    }
}
