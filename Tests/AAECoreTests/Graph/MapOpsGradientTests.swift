import AAECore
import XCTest

/// The feature-map operations — convolution, transposed convolution, pooling,
/// upsampling, batch normalisation over channels — against central finite
/// differences, with strides, both paddings, odd and non-square sizes, and patch
/// buffers of one image so that the chunked products are checked too.
final class MapOpsGradientTests: XCTestCase {
    private var random = RandomGenerator(seed: 2026, stream: 15)
    private let checker = GradientChecker()

    private func parameter(_ name: String, _ shape: [Int]) -> Parameter {
        randomParameter(name, shape: shape, random: &random)
    }

    private func geometry(_ height: Int, _ width: Int, _ channels: Int, kernel: (Int, Int), stride: (Int, Int),
                          _ padding: Padding) -> ConvolutionGeometry {
        guard let geometry = ConvolutionGeometry(height: height, width: width, channels: channels,
                                                 kernel: (kernel.0, kernel.1), stride: (stride.0, stride.1),
                                                 padding: padding) else {
            preconditionFailure("no window fits")
        }
        return geometry
    }

    // MARK: - Convolution

    private func checkConvolution(_ g: ConvolutionGeometry, filters: Int, patchCapacity: Int? = nil,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let graph = Graph()
        let x = parameter("x", [2, g.inputSize])
        let kernel = parameter("kernel", [g.kernelHeight, g.kernelWidth, g.channels, filters])
        let bias = parameter("bias", [filters])
        let y = graph.parameter(x).conv2d(kernel: graph.parameter(kernel), bias: graph.parameter(bias), geometry: g,
                                          patchCapacity: patchCapacity)
        XCTAssertEqual(y.shape, [2, g.outputPositions * filters], file: file, line: line)
        checker.check(y, with: [x, kernel, bias], random: &random, file: file, line: line)
    }

    func testConvolutionWithSamePaddingAndStrideTwoOnAnOddNonSquareMap() {
        checkConvolution(geometry(5, 6, 3, kernel: (3, 3), stride: (2, 2), .same), filters: 4)
    }

    func testConvolutionWithValidPaddingNonSquareKernelAndUnequalStrides() {
        checkConvolution(geometry(6, 5, 2, kernel: (3, 2), stride: (2, 1), .valid), filters: 3)
    }

    func testConvolutionWithEvenKernelAndSamePaddingPadsBottomRight() {
        checkConvolution(geometry(4, 5, 2, kernel: (2, 4), stride: (1, 1), .same), filters: 2)
    }

    func testConvolutionThroughOneImagePatchBuffersMatchesFiniteDifferences() {
        checkConvolution(geometry(5, 5, 2, kernel: (3, 3), stride: (2, 2), .same), filters: 3, patchCapacity: 1)
    }

    func testProductFirstConvolutionToOneChannelMatchesFiniteDifferences() {
        checkConvolution(geometry(5, 6, 4, kernel: (3, 3), stride: (1, 1), .same), filters: 1)
    }

    func testProductFirstConvolutionWithStrideAndAnEvenKernel() {
        checkConvolution(geometry(5, 6, 4, kernel: (3, 3), stride: (2, 2), .same), filters: 1)
        checkConvolution(geometry(4, 5, 3, kernel: (2, 4), stride: (1, 1), .same), filters: 1)
        checkConvolution(geometry(6, 5, 4, kernel: (3, 2), stride: (1, 2), .valid), filters: 2, patchCapacity: 1)
    }

    /// y[n, oy, ox, f] = b[f] + Σ x[n, oy·s − pad + ky, ox·s − pad + kx, c] · W[ky, kx, c, f],
    /// by im2col (3 filters of 2 channels) and products first (1 filter of 3 channels).
    func testConvolutionForwardMatchesTheDirectSumByBothMethods() {
        for (channels, filters) in [(2, 3), (3, 1)] {
            let g = geometry(5, 4, channels, kernel: (3, 2), stride: (2, 1), .same)
            let graph = Graph()
            let x = parameter("x", [2, g.inputSize]), kernel = parameter("kernel", [3, 2, channels, filters])
            let bias = parameter("bias", [filters])
            let y = graph.parameter(x).conv2d(kernel: graph.parameter(kernel), bias: graph.parameter(bias), geometry: g)
            graph.forward()
            for n in 0..<2 {
                for oy in 0..<g.outputHeight {
                    for ox in 0..<g.outputWidth {
                        for f in 0..<filters {
                            var sum = bias.value[f]
                            for ky in 0..<3 {
                                for kx in 0..<2 {
                                    let iy = oy * 2 - g.padTop + ky, ix = ox - g.padLeft + kx
                                    guard (0..<5).contains(iy), (0..<4).contains(ix) else { continue }
                                    for c in 0..<channels {
                                        sum += x.value[n * g.inputSize + (iy * 4 + ix) * channels + c]
                                            * kernel.value[((ky * 2 + kx) * channels + c) * filters + f]
                                    }
                                }
                            }
                            let index = n * g.outputPositions * filters + (oy * g.outputWidth + ox) * filters + f
                            XCTAssertEqual(y.value[index], sum, accuracy: 1e-5, "\(channels) → \(filters)")
                        }
                    }
                }
            }
        }
    }

    // MARK: - Transposed convolution

    private func checkTransposed(height: Int, width: Int, channels: Int, filters: Int, kernel: (Int, Int),
                                 stride: (Int, Int), _ padding: Padding, patchCapacity: Int? = nil,
                                 file: StaticString = #filePath, line: UInt = #line) -> ConvolutionGeometry {
        let g = ConvolutionGeometry.transposed(height: height, width: width, channels: filters,
                                               kernel: (kernel.0, kernel.1), stride: (stride.0, stride.1),
                                               padding: padding)
        let graph = Graph()
        let x = parameter("x", [2, height * width * channels])
        let w = parameter("kernel", [kernel.0, kernel.1, filters, channels])
        let bias = parameter("bias", [filters])
        let y = graph.parameter(x).conv2dTranspose(kernel: graph.parameter(w), bias: graph.parameter(bias), geometry: g,
                                                   patchCapacity: patchCapacity)
        XCTAssertEqual(y.shape, [2, g.inputSize], file: file, line: line)
        checker.check(y, with: [x, w, bias], random: &random, file: file, line: line)
        return g
    }

    func testTransposedConvolutionWithSamePaddingDoublesTheMap() {
        let g = checkTransposed(height: 3, width: 4, channels: 3, filters: 2, kernel: (3, 3), stride: (2, 2), .same)
        XCTAssertEqual([g.inputHeight, g.inputWidth], [6, 8])
    }

    func testTransposedConvolutionWithValidPaddingAddsTheKernelOverhang() {
        let g = checkTransposed(height: 3, width: 2, channels: 2, filters: 3, kernel: (3, 2), stride: (2, 1), .valid)
        XCTAssertEqual([g.inputHeight, g.inputWidth], [7, 3])
    }

    func testTransposedConvolutionWithAKernelSmallerThanItsStride() {
        let g = checkTransposed(height: 2, width: 3, channels: 2, filters: 2, kernel: (1, 2), stride: (3, 3), .valid)
        XCTAssertEqual([g.inputHeight, g.inputWidth], [6, 9])
    }

    func testTransposedConvolutionThroughOneImagePatchBuffers() {
        _ = checkTransposed(height: 3, width: 3, channels: 2, filters: 2, kernel: (3, 3), stride: (2, 2), .same,
                            patchCapacity: 1)
    }

    /// ⟨conv(x), y⟩ = ⟨x, conv_transpose(y)⟩ with the same kernel and no bias:
    /// the transposed convolution is the adjoint of the convolution.
    func testTransposedConvolutionIsTheAdjointOfTheConvolution() {
        for padding in Padding.allCases {
            let g = ConvolutionGeometry.transposed(height: 3, width: 4, channels: 2, kernel: (3, 3), stride: (2, 2),
                                                   padding: padding)
            let channels = 3, graph = Graph()
            let big = parameter("big", [2, g.inputSize]), small = parameter("small", [2, 12 * channels])
            let kernel = parameter("kernel", [3, 3, 2, channels])
            let zeroConv = graph.constant(shape: [channels], repeating: 0)
            let zeroTransposed = graph.constant(shape: [2], repeating: 0)
            let down = graph.parameter(big).conv2d(kernel: graph.parameter(kernel), bias: zeroConv, geometry: g)
            let up = graph.parameter(small).conv2dTranspose(kernel: graph.parameter(kernel), bias: zeroTransposed,
                                                            geometry: g)
            graph.forward()
            var left: Double = 0, right: Double = 0
            for i in 0..<down.value.count { left += Double(down.value[i]) * Double(small.value[i]) }
            for i in 0..<up.value.count { right += Double(up.value[i]) * Double(big.value[i]) }
            XCTAssertEqual(left, right, accuracy: 1e-4 * max(1, abs(left)), "\(padding)")
        }
    }

    // MARK: - Pooling and upsampling

    /// An input whose values are a shuffle of well-separated levels, so that no
    /// finite-difference step changes which value of a window is largest.
    private func distinctParameter(_ count: Int) -> Parameter {
        var levels = (0..<count).map { Float($0) * 0.05 - Float(count) * 0.025 }
        for i in stride(from: count - 1, to: 0, by: -1) { levels.swapAt(i, random.nextInt(below: i + 1)) }
        return Parameter(name: "x", value: Tensor(shape: [1, count], values: levels))
    }

    func testMaxPoolingRoutesGradientsToEachWindowsMaximum() {
        for g in [geometry(5, 4, 2, kernel: (2, 2), stride: (2, 2), .valid),
                  geometry(5, 5, 2, kernel: (3, 3), stride: (2, 2), .same),
                  geometry(4, 5, 3, kernel: (2, 3), stride: (1, 2), .same)] {
            let graph = Graph()
            let x = distinctParameter(g.inputSize)
            let y = graph.parameter(x).maxPool2d(geometry: g)
            checker.check(y, with: [x], random: &random)
        }
    }

    func testAveragePoolingGradientsAndSamePaddingCountsOnlyPixelsInside() {
        for g in [geometry(5, 4, 2, kernel: (2, 2), stride: (2, 2), .valid),
                  geometry(5, 5, 2, kernel: (3, 3), stride: (2, 2), .same)] {
            let graph = Graph()
            let x = parameter("x", [2, g.inputSize])
            checker.check(graph.parameter(x).avgPool2d(geometry: g), with: [x], random: &random)
        }
        let corner = geometry(3, 3, 1, kernel: (3, 3), stride: (1, 1), .same)
        let graph = Graph()
        let ones = graph.constant(shape: [1, 9], repeating: 1)
        let mean = ones.avgPool2d(geometry: corner)
        graph.forward()
        XCTAssertEqual(mean.value.scalars, [Float](repeating: 1, count: 9))
    }

    func testUpsamplingRepeatsPixelsAndSumsTheirGradients() {
        let graph = Graph()
        let x = parameter("x", [2, 3 * 2 * 2])
        let y = graph.parameter(x).upsample2d(height: 3, width: 2, channels: 2, factors: (2, 3))
        XCTAssertEqual(y.shape, [2, 6 * 6 * 2])
        checker.check(y, with: [x], random: &random)
        graph.forward()
        XCTAssertEqual(y.value[(1 * 6 + 2) * 2 + 1], x.value[(0 * 2 + 0) * 2 + 1])
        XCTAssertEqual(y.value[(5 * 6 + 5) * 2], x.value[(2 * 2 + 1) * 2])
    }

    // MARK: - Batch normalisation over channels

    func testBatchNormalizationOverAMapNormalisesEachChannelOverBatchAndPixels() {
        let layer = BatchNorm(shape: .map(height: 3, width: 2, channels: 3))
        XCTAssertEqual(layer.parameterCount, 6)
        XCTAssertEqual(layer.stateCount, 6)
        randomize(layer.scale.value, from: 0.5, to: 1.5)
        randomize(layer.offset.value, from: -0.5, to: 0.5)
        let graph = Graph()
        let x = parameter("x", [2, 18])
        let y = layer(graph.parameter(x))
        checker.check(y, with: [x, layer.scale, layer.offset], random: &random)
        layer.scale.value.fill(1)
        layer.offset.value.fill(0)
        graph.forward()
        for c in 0..<3 {
            let values = (0..<12).map { Double(y.value[$0 * 3 + c]) }
            XCTAssertEqual(values.reduce(0, +) / 12, 0, accuracy: 1e-5)
        }
    }

    private func randomize(_ tensor: Tensor, from low: Float, to high: Float) {
        random.fillUniform(tensor.data, count: tensor.count, low: low, high: high)
    }
}
