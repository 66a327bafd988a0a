import AAECore
import XCTest

/// The whole-array kernels of the activations (C, one version per instruction
/// set) give exactly the bits of the scalar definitions, at any length and
/// alignment, so results do not depend on which version the processor runs.
final class ElementwiseKernelTests: XCTestCase {
    /// Inputs across the activations' interesting range, with exact zeros, signed
    /// zeros, saturating values and a length that leaves a remainder for every vector width.
    private let inputs: [Float] = {
        var random = RandomGenerator(seed: 21)
        var values: [Float] = [0, -0.0, 1e-30, -1e-30, 90, -90, 1000, -1000, 9, -9]
        for _ in 0..<4_093 { values.append(random.normal(std: 6)) }
        return values
    }()

    private func assertApplyMatchesValue<F: ElementwiseFunction>(_ function: F, offset: Int,
                                                                 file: StaticString = #filePath, line: UInt = #line) {
        let x = Array(inputs.dropFirst(offset))
        var y = [Float](repeating: .nan, count: x.count)
        function.apply(x, into: &y, count: x.count)
        for (i, value) in x.enumerated() where y[i].bitPattern != function.value(value).bitPattern {
            XCTFail("\(F.self)(\(value)) = \(y[i]) in the kernel, \(function.value(value)) in the scalar form",
                    file: file, line: line)
            return
        }
    }

    func testTanhSigmoidAndLeakyReLUKernelsEqualTheirScalarValuesBitForBit() {
        for offset in 0..<3 {
            assertApplyMatchesValue(Tanh(), offset: offset)
            assertApplyMatchesValue(Sigmoid(), offset: offset)
            assertApplyMatchesValue(LeakyReLU(alpha: 0.2), offset: offset)
        }
    }

    func testLeakyReLUBackwardKernelWritesOrAddsTheScalarDerivative() {
        let function = LeakyReLU(alpha: 0.2)
        let x = inputs
        let dy = inputs.map { $0 * 0.5 + 1 }
        let y = [Float](repeating: 0, count: x.count)
        var written = [Float](repeating: .nan, count: x.count)
        function.backpropagate(x: x, y: y, outputGradient: dy, inputGradient: &written, count: x.count, accumulate: false)
        var added = [Float](repeating: 3, count: x.count)
        function.backpropagate(x: x, y: y, outputGradient: dy, inputGradient: &added, count: x.count, accumulate: true)
        for i in x.indices {
            let expected = dy[i] * function.derivative(x: x[i], y: y[i])
            XCTAssertEqual(written[i].bitPattern, expected.bitPattern, "x = \(x[i])")
            XCTAssertEqual(added[i].bitPattern, (3 + expected).bitPattern, "x = \(x[i])")
        }
    }
}
