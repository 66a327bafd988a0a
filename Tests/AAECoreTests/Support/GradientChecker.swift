import AAECore
import XCTest

/// Compares the gradients that `Graph.backward` computes with central finite
/// differences.
///
/// The checked value may have any shape: it is reduced to the scalar
/// `Σ output ⊙ w` with fixed random weights `w`, so that every output element
/// matters and an operation that ignores its upstream gradient is caught. The
/// finite differences perturb each element of each parameter by `±h` (in Float,
/// the graph's precision) and evaluate the objective in Double. The graph's
/// generator is restored before every forward pass, so stochastic operations
/// (dropout, noise) draw the same values each time.
struct GradientChecker {
    var step: Float = 1e-2
    /// An element passes when `|analytic − numeric| ≤ relativeTolerance · max(|analytic|, |numeric|, floor) + noise`,
    /// where `floor` is `floorFraction` of the largest numeric gradient magnitude of that parameter and
    /// `noise` bounds the Float rounding of the objective divided by the step: `2⁻²² · Σ|output ⊙ w| / 2h`
    /// (a few units in the last place of each output element, as the forward pass runs in Float).
    var relativeTolerance: Double = 1e-2
    var floorFraction: Double = 1e-2

    /// One parameter's gradients, analytic and numeric, for reporting.
    struct Comparison {
        let name: String
        let analytic: [Double]
        let numeric: [Double]
        let noise: [Double]
    }

    /// Builds the weighted-sum loss on `output`, runs forward and backward, and
    /// checks the gradient of every parameter in `parameters`.
    @discardableResult
    func check(_ output: Variable, with parameters: [Parameter],
               random: inout RandomGenerator,
               file: StaticString = #filePath, line: UInt = #line) -> [Comparison] {
        let graph = output.graph
        let weights = Tensor(shape: output.shape)
        random.fillUniform(weights.data, count: weights.count, low: 0.5, high: 1.5)
        for i in 0..<weights.count where random.nextInt(below: 2) == 0 { weights[i] = -weights[i] }
        let loss = (output * graph.constant(weights)).sum()

        let generatorState = graph.random
        graph.forward()
        graph.backward(from: loss)
        let analytic = parameters.map { $0.gradient.scalars.map(Double.init) }

        func objective() -> (value: Double, magnitude: Double) {
            graph.random = generatorState
            graph.forward()
            var total: Double = 0, magnitude: Double = 0
            for i in 0..<weights.count {
                let term = Double(output.value[i]) * Double(weights[i])
                total += term
                magnitude += Swift.abs(term)
            }
            return (total, magnitude)
        }

        var comparisons: [Comparison] = []
        for (index, parameter) in parameters.enumerated() {
            var numeric = [Double](repeating: 0, count: parameter.value.count)
            var noise = numeric
            for i in 0..<parameter.value.count {
                let original = parameter.value[i]
                let plus = original + step, minus = original - step
                parameter.value[i] = plus
                let up = objective()
                parameter.value[i] = minus
                let down = objective()
                parameter.value[i] = original
                let width = Double(plus) - Double(minus)
                numeric[i] = (up.value - down.value) / width
                noise[i] = 0x1p-22 * max(up.magnitude, down.magnitude) / width
            }
            comparisons.append(Comparison(name: parameter.name, analytic: analytic[index], numeric: numeric,
                                          noise: noise))
        }
        graph.random = generatorState
        graph.forward()

        for comparison in comparisons {
            let largest = comparison.numeric.map(Swift.abs).max() ?? 0
            XCTAssertGreaterThan(largest, 0, "\(comparison.name): numeric gradient is identically zero; the check proves nothing",
                                 file: file, line: line)
            let floor = floorFraction * largest
            for i in comparison.numeric.indices {
                let a = comparison.analytic[i], n = comparison.numeric[i]
                let scale = max(Swift.abs(a), Swift.abs(n), floor)
                XCTAssertLessThanOrEqual(
                    Swift.abs(a - n), relativeTolerance * scale + comparison.noise[i],
                    "\(comparison.name)[\(i)]: analytic \(a) vs numeric \(n)", file: file, line: line)
            }
        }
        return comparisons
    }
}

/// A parameter holding `shape` values drawn uniformly from `[low, high)`, with
/// magnitudes kept at least `minimumMagnitude` away from zero (away from kinks).
func randomParameter(_ name: String, shape: [Int], low: Float = -1, high: Float = 1,
                     minimumMagnitude: Float = 0, random: inout RandomGenerator) -> Parameter {
    let tensor = Tensor(shape: shape)
    for i in 0..<tensor.count {
        var value = random.uniform(low, high)
        while Swift.abs(value) < minimumMagnitude { value = random.uniform(low, high) }
        tensor[i] = value
    }
    return Parameter(name: name, value: tensor)
}
