import AAECore
import XCTest

/// A transposed convolution with its relu or leaky_relu fused (`rectifier:`) against
/// the two applied in turn: the same bits forward and backward, on odd sizes, both
/// paddings, strides and one-image patch buffers; and the fused form against
/// central finite differences.
final class FusedRectifierTests: XCTestCase {
    private var random = RandomGenerator(seed: 2026, stream: 41)

    private struct Case {
        let height, width, channels, filters: Int
        let kernel, stride: (Int, Int)
        let padding: Padding
        var patchCapacity: Int?
    }

    private let cases = [
        Case(height: 3, width: 4, channels: 3, filters: 2, kernel: (3, 3), stride: (2, 2), padding: .same),
        Case(height: 3, width: 2, channels: 2, filters: 3, kernel: (3, 2), stride: (2, 1), padding: .valid),
        Case(height: 2, width: 3, channels: 2, filters: 2, kernel: (1, 2), stride: (3, 3), padding: .valid),
        Case(height: 5, width: 5, channels: 4, filters: 9, kernel: (3, 3), stride: (1, 1), padding: .same),
        Case(height: 3, width: 3, channels: 2, filters: 5, kernel: (3, 3), stride: (2, 2), padding: .same,
             patchCapacity: 1),
    ]

    private let rectifiers: [Rectifier] = [.relu, .leaky(slope: 0.2), .leaky(slope: 0)]

    private func geometry(_ c: Case) -> ConvolutionGeometry {
        ConvolutionGeometry.transposed(height: c.height, width: c.width, channels: c.filters,
                                       kernel: c.kernel, stride: c.stride, padding: c.padding)
    }

    /// The output and the gradients of x, kernel and bias under a weighted-sum loss.
    private func run(_ c: Case, rectifier: Rectifier, fused: Bool, x: Parameter, kernel: Parameter, bias: Parameter,
                     weights: Tensor) -> [[UInt32]] {
        let graph = Graph(), g = geometry(c)
        let input = graph.parameter(x), w = graph.parameter(kernel), b = graph.parameter(bias)
        let y: Variable
        if fused {
            y = input.conv2dTranspose(kernel: w, bias: b, geometry: g, rectifier: rectifier,
                                      patchCapacity: c.patchCapacity)
        } else {
            let linear = input.conv2dTranspose(kernel: w, bias: b, geometry: g, patchCapacity: c.patchCapacity)
            switch rectifier {
            case .relu: y = linear.relu()
            case .leaky(let slope): y = linear.leakyRelu(alpha: slope)
            }
        }
        let loss = (y * graph.constant(weights)).sum()
        graph.forward()
        graph.backward(from: loss)
        return [y.value, x.gradient, kernel.gradient, bias.gradient].map { $0.scalars.map(\.bitPattern) }
    }

    func testAFusedRectifierGivesTheBitsOfTheSeparatePass() {
        for c in cases {
            for rectifier in rectifiers {
                let g = geometry(c)
                let x = randomParameter("x", shape: [3, c.height * c.width * c.channels], random: &random)
                let kernel = randomParameter("kernel", shape: [c.kernel.0, c.kernel.1, c.filters, c.channels],
                                             random: &random)
                let bias = randomParameter("bias", shape: [c.filters], random: &random)
                let weights = Tensor(shape: [3, g.inputSize])
                random.fillUniform(weights.data, count: weights.count, low: -1, high: 1)
                let separate = run(c, rectifier: rectifier, fused: false, x: x, kernel: kernel, bias: bias,
                                   weights: weights)
                let fused = run(c, rectifier: rectifier, fused: true, x: x, kernel: kernel, bias: bias,
                                weights: weights)
                for (index, name) in ["output", "dx", "dkernel", "dbias"].enumerated() {
                    XCTAssertEqual(fused[index], separate[index], "\(name), \(c), \(rectifier)")
                }
                let outputs = separate[0].map(Float.init(bitPattern:))
                XCTAssertTrue(outputs.contains { $0 > 0 } && outputs.contains { $0 <= 0 },
                              "both sides of the rectifier are exercised, \(c)")
            }
        }
    }

    /// Parameters whose pre-activations all lie farther than `margin` from the kink,
    /// so that no finite-difference step crosses it.
    private func parametersAwayFromTheKink(_ c: Case, margin: Float) -> (x: Parameter, kernel: Parameter,
                                                                            bias: Parameter) {
        while true {
            let x = randomParameter("x", shape: [2, c.height * c.width * c.channels], random: &random)
            let kernel = randomParameter("kernel", shape: [c.kernel.0, c.kernel.1, c.filters, c.channels],
                                         random: &random)
            let bias = randomParameter("bias", shape: [c.filters], random: &random)
            let graph = Graph()
            let linear = graph.parameter(x).conv2dTranspose(kernel: graph.parameter(kernel), bias: graph.parameter(bias),
                                                            geometry: geometry(c))
            graph.forward()
            if linear.value.scalars.allSatisfy({ Swift.abs($0) > margin }) { return (x, kernel, bias) }
        }
    }

    func testAFusedRectifierMatchesFiniteDifferences() {
        var checker = GradientChecker()
        checker.step = 1e-3
        for c in [cases[0], cases[1], cases[4]] {
            for rectifier in [Rectifier.relu, .leaky(slope: 0.2)] {
                let (x, kernel, bias) = parametersAwayFromTheKink(c, margin: 4 * checker.step)
                let graph = Graph()
                let y = graph.parameter(x).conv2dTranspose(kernel: graph.parameter(kernel), bias: graph.parameter(bias),
                                                           geometry: geometry(c), rectifier: rectifier,
                                                           patchCapacity: c.patchCapacity)
                checker.check(y, with: [x, kernel, bias], random: &random)
            }
        }
    }

    /// A layer list's `conv2d_transpose, leaky_relu` becomes one operation, with the
    /// bits of the two layers called one after the other.
    func testALayerListFusesTheRectifierAfterATransposedConvolution() {
        let input = FeatureShape.map(height: 3, width: 3, channels: 4)
        let conv = Conv2DTranspose(input: input, filters: 5, kernel: (3, 3), stride: (2, 2), padding: .same,
                                   random: &random)
        let activation = Activation(LeakyReLU(alpha: 0.2), shape: conv.outputShape)
        let network = Sequential(name: "decoder", inputFeatures: input.features, inputShape: input,
                                 layers: [conv, activation])
        let x = randomParameter("x", shape: [2, input.features], random: &random)

        let fusedGraph = Graph()
        let before = fusedGraph.nodeCount
        let fused = network(fusedGraph.parameter(x))
        let fusedNodes = fusedGraph.nodeCount - before
        fusedGraph.forward()

        let separateGraph = Graph()
        let start = separateGraph.nodeCount
        let separate = activation(conv(separateGraph.parameter(x)))
        let separateNodes = separateGraph.nodeCount - start
        separateGraph.forward()

        XCTAssertEqual(fusedNodes, separateNodes - 1)
        XCTAssertEqual(fused.value.scalars.map(\.bitPattern), separate.value.scalars.map(\.bitPattern))
    }

    func testOnlyRectifiersOfANonNegativeSlopeAreFused() {
        XCTAssertEqual(LeakyReLU(alpha: 0.2).rectifier, .leaky(slope: 0.2))
        XCTAssertEqual(ReLU().rectifier, .relu)
        XCTAssertNil(LeakyReLU(alpha: -0.5).rectifier)
        XCTAssertNil(Activation(Tanh(), features: 4).rectifier)
    }
}
