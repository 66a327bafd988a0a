import AAECore
import XCTest

/// A convolution or a transposed convolution with its relu or leaky_relu fused
/// (`rectifier:`) against the two applied in turn: the same bits forward and
/// backward, on odd sizes, both paddings, strides and one-image patch buffers; and
/// the fused form against central finite differences.
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
        Case(height: 4, width: 6, channels: 2, filters: 2, kernel: (1, 2), stride: (3, 3), padding: .valid),
        Case(height: 5, width: 5, channels: 4, filters: 9, kernel: (3, 3), stride: (1, 1), padding: .same),
        Case(height: 3, width: 3, channels: 2, filters: 5, kernel: (3, 3), stride: (2, 2), padding: .same,
             patchCapacity: 1),
    ]

    private let rectifiers: [Rectifier] = [.relu, .leaky(slope: 0.2), .leaky(slope: 0)]

    /// The two operations that take a rectifier.
    private enum Operation: CaseIterable {
        case convolution, transposed

        /// The kernel's shape for `c`: `[kh, kw, cin, cout]`, or `[kh, kw, cout, cin]` transposed.
        func kernelShape(_ c: Case) -> [Int] {
            switch self {
            case .convolution: [c.kernel.0, c.kernel.1, c.channels, c.filters]
            case .transposed: [c.kernel.0, c.kernel.1, c.filters, c.channels]
            }
        }

        func geometry(_ c: Case) -> ConvolutionGeometry {
            switch self {
            case .convolution:
                ConvolutionGeometry(height: c.height, width: c.width, channels: c.channels, kernel: c.kernel,
                                    stride: c.stride, padding: c.padding)!
            case .transposed:
                ConvolutionGeometry.transposed(height: c.height, width: c.width, channels: c.filters,
                                               kernel: c.kernel, stride: c.stride, padding: c.padding)
            }
        }

        /// The output's values per example.
        func outputSize(_ c: Case) -> Int {
            let g = geometry(c)
            return self == .convolution ? g.outputPositions * c.filters : g.inputSize
        }

        func apply(_ x: Variable, kernel: Variable, bias: Variable, _ c: Case, rectifier: Rectifier?) -> Variable {
            switch self {
            case .convolution:
                x.conv2d(kernel: kernel, bias: bias, geometry: geometry(c), rectifier: rectifier,
                         patchCapacity: c.patchCapacity)
            case .transposed:
                x.conv2dTranspose(kernel: kernel, bias: bias, geometry: geometry(c), rectifier: rectifier,
                                  patchCapacity: c.patchCapacity)
            }
        }
    }

    /// The output and the gradients of x, kernel and bias under a weighted-sum loss.
    private func run(_ operation: Operation, _ c: Case, rectifier: Rectifier, fused: Bool, x: Parameter,
                     kernel: Parameter, bias: Parameter, weights: Tensor) -> [[UInt32]] {
        let graph = Graph()
        let input = graph.parameter(x), w = graph.parameter(kernel), b = graph.parameter(bias)
        let y: Variable
        if fused {
            y = operation.apply(input, kernel: w, bias: b, c, rectifier: rectifier)
        } else {
            let linear = operation.apply(input, kernel: w, bias: b, c, rectifier: nil)
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
        for operation in Operation.allCases {
            for c in cases {
                for rectifier in rectifiers {
                    let x = randomParameter("x", shape: [3, c.height * c.width * c.channels], random: &random)
                    let kernel = randomParameter("kernel", shape: operation.kernelShape(c), random: &random)
                    let bias = randomParameter("bias", shape: [c.filters], random: &random)
                    let weights = Tensor(shape: [3, operation.outputSize(c)])
                    random.fillUniform(weights.data, count: weights.count, low: -1, high: 1)
                    let separate = run(operation, c, rectifier: rectifier, fused: false, x: x, kernel: kernel,
                                       bias: bias, weights: weights)
                    let fused = run(operation, c, rectifier: rectifier, fused: true, x: x, kernel: kernel,
                                    bias: bias, weights: weights)
                    for (index, name) in ["output", "dx", "dkernel", "dbias"].enumerated() {
                        XCTAssertEqual(fused[index], separate[index], "\(operation) \(name), \(c), \(rectifier)")
                    }
                    let outputs = separate[0].map(Float.init(bitPattern:))
                    XCTAssertTrue(outputs.contains { $0 > 0 } && outputs.contains { $0 <= 0 },
                                  "both sides of the rectifier are exercised, \(operation), \(c)")
                }
            }
        }
    }

    /// Parameters whose pre-activations all lie farther than `margin` from the kink,
    /// so that no finite-difference step crosses it.
    private func parametersAwayFromTheKink(_ operation: Operation, _ c: Case,
                                           margin: Float) -> (x: Parameter, kernel: Parameter, bias: Parameter) {
        while true {
            let x = randomParameter("x", shape: [2, c.height * c.width * c.channels], random: &random)
            let kernel = randomParameter("kernel", shape: operation.kernelShape(c), random: &random)
            let bias = randomParameter("bias", shape: [c.filters], random: &random)
            let graph = Graph()
            let linear = operation.apply(graph.parameter(x), kernel: graph.parameter(kernel),
                                         bias: graph.parameter(bias), c, rectifier: nil)
            graph.forward()
            if linear.value.scalars.allSatisfy({ Swift.abs($0) > margin }) { return (x, kernel, bias) }
        }
    }

    func testAFusedRectifierMatchesFiniteDifferences() {
        var checker = GradientChecker()
        checker.step = 1e-3
        for operation in Operation.allCases {
            for c in [cases[0], cases[1], cases[4]] {
                for rectifier in [Rectifier.relu, .leaky(slope: 0.2)] {
                    let (x, kernel, bias) = parametersAwayFromTheKink(operation, c, margin: 4 * checker.step)
                    let graph = Graph()
                    let y = operation.apply(graph.parameter(x), kernel: graph.parameter(kernel),
                                            bias: graph.parameter(bias), c, rectifier: rectifier)
                    checker.check(y, with: [x, kernel, bias], random: &random)
                }
            }
        }
    }

    /// The nodes a layer list makes of `layers` against the layers called one after
    /// the other, and whether the two give the same bits.
    private func fusedAndSeparate(_ layers: [Layer], input: FeatureShape) -> (fusedNodes: Int, separateNodes: Int,
                                                                              sameBits: Bool) {
        let network = Sequential(name: "decoder", inputFeatures: input.features, inputShape: input, layers: layers)
        let x = randomParameter("x", shape: [2, input.features], random: &random)

        let fusedGraph = Graph()
        let before = fusedGraph.nodeCount
        let fused = network(fusedGraph.parameter(x))
        let fusedNodes = fusedGraph.nodeCount - before
        fusedGraph.forward()

        let separateGraph = Graph()
        let start = separateGraph.nodeCount
        let separate = layers.reduce(separateGraph.parameter(x)) { $1($0) }
        let separateNodes = separateGraph.nodeCount - start
        separateGraph.forward()
        return (fusedNodes, separateNodes,
                fused.value.scalars.map(\.bitPattern) == separate.value.scalars.map(\.bitPattern))
    }

    /// A layer list's `conv2d_transpose, leaky_relu` becomes one operation, with the
    /// bits of the two layers called one after the other.
    func testALayerListFusesTheRectifierAfterATransposedConvolution() {
        let input = FeatureShape.map(height: 3, width: 3, channels: 4)
        let conv = Conv2DTranspose(input: input, filters: 5, kernel: (3, 3), stride: (2, 2), padding: .same,
                                   random: &random)
        let result = fusedAndSeparate([conv, Activation(LeakyReLU(alpha: 0.2), shape: conv.outputShape)],
                                      input: input)
        XCTAssertEqual(result.fusedNodes, result.separateNodes - 1)
        XCTAssertTrue(result.sameBits)
    }

    /// So does `conv2d, relu`; a conv2d to fewer channels than it reads (computed
    /// products first) keeps its activation as a layer of its own.
    func testALayerListFusesTheRectifierAfterAConvolutionThatIsNotProductsFirst() {
        let input = FeatureShape.map(height: 5, width: 5, channels: 3)
        let widening = Conv2D(geometry: ConvolutionGeometry(height: 5, width: 5, channels: 3, kernel: (3, 3),
                                                            stride: (2, 2), padding: .same)!,
                              filters: 6, random: &random)
        let fused = fusedAndSeparate([widening, Activation(ReLU(), shape: widening.outputShape)], input: input)
        XCTAssertEqual(fused.fusedNodes, fused.separateNodes - 1)
        XCTAssertTrue(fused.sameBits)

        let narrowing = Conv2D(geometry: ConvolutionGeometry(height: 5, width: 5, channels: 3, kernel: (3, 3),
                                                             stride: (1, 1), padding: .same)!,
                               filters: 1, random: &random)
        let separate = fusedAndSeparate([narrowing, Activation(ReLU(), shape: narrowing.outputShape)], input: input)
        XCTAssertEqual(separate.fusedNodes, separate.separateNodes)
        XCTAssertTrue(separate.sameBits)
    }

    func testOnlyRectifiersOfANonNegativeSlopeAreFused() {
        XCTAssertEqual(LeakyReLU(alpha: 0.2).rectifier, .leaky(slope: 0.2))
        XCTAssertEqual(ReLU().rectifier, .relu)
        XCTAssertNil(LeakyReLU(alpha: -0.5).rectifier)
        XCTAssertNil(Activation(Tanh(), features: 4).rectifier)
    }
}
