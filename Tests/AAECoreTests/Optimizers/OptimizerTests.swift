import AAECore
import Foundation
import XCTest

final class OptimizerTests: XCTestCase {
    private func makeParameter(_ values: [Float], gradient: [Float]) -> Parameter {
        let parameter = Parameter(name: "theta", value: Tensor(shape: [values.count], values: values))
        for (i, g) in gradient.enumerated() { parameter.gradient[i] = g }
        return parameter
    }

    private func assertValues(_ parameter: Parameter, _ expected: [Double], accuracy: Double = 1e-6,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(parameter.value.count, expected.count, file: file, line: line)
        for (i, e) in expected.enumerated() {
            XCTAssertEqual(Double(parameter.value[i]), e, accuracy: accuracy, "element \(i)", file: file, line: line)
        }
    }

    // MARK: - Hand-computed steps

    func testAdamStepsMatchTheKerasFormula() {
        let theta0: [Double] = [1, -2, 0.5, 0.25], g1: [Double] = [0.1, -0.3, 2, 1e-3], g2: [Double] = [-0.2, -0.1, 1, 0.5]
        let lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-7
        let parameter = makeParameter(theta0.map(Float.init), gradient: g1.map(Float.init))
        let adam = Adam(parameters: [parameter], learningRate: Float(lr))
        XCTAssertEqual(adam.beta1, Float(b1))
        XCTAssertEqual(adam.beta2, Float(b2))
        XCTAssertEqual(adam.epsilon, Float(eps))

        var theta = theta0, m = [Double](repeating: 0, count: 4), v = m
        for (t, g) in [g1, g2].enumerated().map({ ($0.offset + 1, $0.element) }) {
            for (i, gi) in g.enumerated() { parameter.gradient[i] = Float(gi) }
            adam.step()
            let lrT = lr * (1 - pow(b2, Double(t))).squareRoot() / (1 - pow(b1, Double(t)))
            for i in 0..<4 {
                m[i] = b1 * m[i] + (1 - b1) * g[i]
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                theta[i] -= lrT * m[i] / (v[i].squareRoot() + eps)
            }
            XCTAssertEqual(adam.iterations, t)
            assertValues(parameter, theta, accuracy: 1e-6)
        }
    }

    func testAdamFirstStepMovesEachWeightByTheLearningRate() {
        let parameter = makeParameter([1, -2, 0.5], gradient: [0.1, -0.3, 2])
        let adam = Adam(parameters: [parameter], learningRate: 0.01)
        adam.step()
        // m̂ / √v̂ = sign(g) on the first step, so θ moves by lr (up to ε).
        assertValues(parameter, [0.99, -1.99, 0.49], accuracy: 1e-5)
    }

    func testSGDWithMomentumTwoStepsMatchHandComputedValues() {
        let parameter = makeParameter([1, -1], gradient: [0.5, -2])
        let sgd = SGD(parameters: [parameter], learningRate: 0.1, momentum: 0.9)
        sgd.step()
        // v = −0.1·g = [−0.05, 0.2]; θ = [0.95, −0.8]
        assertValues(parameter, [0.95, -0.8])
        parameter.gradient[0] = 1
        parameter.gradient[1] = 0
        sgd.step()
        // v = 0.9·[−0.05, 0.2] − 0.1·[1, 0] = [−0.145, 0.18]; θ = [0.805, −0.62]
        assertValues(parameter, [0.805, -0.62])
        XCTAssertEqual(sgd.iterations, 2)
    }

    func testSGDWithoutMomentumIsPlainGradientDescent() {
        let parameter = makeParameter([1, -1], gradient: [0.5, -2])
        let sgd = SGD(parameters: [parameter], learningRate: 0.1)
        sgd.step()
        sgd.step()
        assertValues(parameter, [0.9, -0.6])
    }

    func testRMSpropStepsMatchHandComputedValues() {
        let parameter = makeParameter([1, -1, 0.5], gradient: [0.5, -2, 0.01])
        let rms = RMSprop(parameters: [parameter], learningRate: 0.01)
        XCTAssertEqual(rms.rho, 0.9)
        XCTAssertEqual(rms.epsilon, 1e-7)
        rms.step()
        // s = 0.1·g², θ −= 0.01·g / (√(0.1)·|g| + 1e-7) ≈ 0.01·sign(g)/√0.1
        let g: [Double] = [0.5, -2, 0.01]
        var s = g.map { 0.1 * $0 * $0 }
        var theta = zip([1.0, -1, 0.5], zip(g, s)).map { $0 - 0.01 * $1.0 / ($1.1.squareRoot() + 1e-7) }
        assertValues(parameter, theta)
        XCTAssertEqual(Double(parameter.value[0]), 1 - 0.01 / 0.1.squareRoot(), accuracy: 1e-5)
        // A second step with another gradient.
        let g2: [Double] = [-1, 0.5, 0.01]
        for i in 0..<3 { parameter.gradient[i] = Float(g2[i]) }
        rms.step()
        for i in 0..<3 {
            s[i] = 0.9 * s[i] + 0.1 * g2[i] * g2[i]
            theta[i] -= 0.01 * g2[i] / (s[i].squareRoot() + 1e-7)
        }
        assertValues(parameter, theta)
    }

    // MARK: - Behaviour

    /// Minimises `Σ aᵢ (θᵢ − cᵢ)²` through the graph and returns the final and initial losses.
    private func minimiseQuadratic(_ makeOptimizer: ([Parameter]) -> Optimizer, steps: Int) -> (Float, Float) {
        let theta = Parameter(name: "theta", value: Tensor(shape: [1, 4], values: [3, -2, 0.5, 4]))
        let g = Graph()
        let centre = g.constant(Tensor(shape: [1, 4], values: [1, 1, -1, 2]))
        let curvature = g.constant(Tensor(shape: [1, 4], values: [1, 0.5, 2, 1.5]))
        let loss = ((g.parameter(theta) - centre).squared() * curvature).sum()
        let optimizer = makeOptimizer([theta])
        g.forward()
        let initial = loss.value.scalar
        for _ in 0..<steps {
            g.forward()
            g.backward(from: loss)
            optimizer.step()
        }
        g.forward()
        return (loss.value.scalar, initial)
    }

    func testSGDMinimisesAQuadratic() {
        let (final, initial) = minimiseQuadratic({ SGD(parameters: $0, learningRate: 0.05, momentum: 0.5) }, steps: 300)
        XCTAssertLessThan(final, 1e-6 * initial)
    }

    func testAdamMinimisesAQuadratic() {
        let (final, initial) = minimiseQuadratic({ Adam(parameters: $0, learningRate: 0.05) }, steps: 1000)
        XCTAssertLessThan(final, 1e-4 * initial)
    }

    func testRMSpropMinimisesAQuadratic() {
        let (final, initial) = minimiseQuadratic({ RMSprop(parameters: $0, learningRate: 0.01) }, steps: 1000)
        XCTAssertLessThan(final, 1e-3 * initial)
    }

    func testOptimizersUpdateOnlyTheirOwnParameters() {
        let makers: [(String, ([Parameter]) -> Optimizer)] = [
            ("SGD", { SGD(parameters: $0, learningRate: 0.1, momentum: 0.9) }),
            ("Adam", { Adam(parameters: $0, learningRate: 0.1) }),
            ("RMSprop", { RMSprop(parameters: $0, learningRate: 0.1) }),
        ]
        for (name, make) in makers {
            let mine = makeParameter([1, 2], gradient: [0.5, -0.5])
            let other = makeParameter([3, 4], gradient: [1, 1])
            let optimizer = make([mine])
            optimizer.step()
            optimizer.step()
            XCTAssertEqual(other.value.scalars, [3, 4], name)
            XCTAssertEqual(other.gradient.scalars, [1, 1], name)
            XCTAssertNotEqual(mine.value.scalars, [1, 2], name)
            XCTAssertEqual(mine.gradient.scalars, [0.5, -0.5], "\(name) must not change gradients")
            XCTAssertEqual(optimizer.iterations, 2, name)
        }
    }

    func testOptimizerStateHasOneTensorPerParameterAndMoment() {
        let parameters = [makeParameter([1, 2], gradient: [1, 1]), makeParameter([3], gradient: [1])]
        XCTAssertEqual(SGD(parameters: parameters, momentum: 0.9).stateTensors.map(\.shape), [[2], [1]])
        XCTAssertEqual(Adam(parameters: parameters).stateTensors.map(\.shape), [[2], [1], [2], [1]])
        XCTAssertEqual(RMSprop(parameters: parameters).stateTensors.map(\.shape), [[2], [1]])
    }

    func testLearningRateChangesTakeEffectOnTheNextStep() {
        let parameter = makeParameter([1], gradient: [1])
        let sgd = SGD(parameters: [parameter], learningRate: 0.1)
        sgd.step()
        sgd.learningRate = 0.01
        sgd.step()
        assertValues(parameter, [0.89])
    }
}
