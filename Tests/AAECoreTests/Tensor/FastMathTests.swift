import AAECore
import Foundation
import XCTest

final class FastMathTests: XCTestCase {
    private let grid = stride(from: -80.0, through: 80.0, by: 0.013).map { Float($0) }

    func testExpIsWithinThreeTenMillionthsRelative() {
        for x in grid {
            let exact = Foundation.exp(Double(x))
            XCTAssertEqual(Double(FastMath.exp(x)), exact, accuracy: exact * 3e-7, "exp(\(x))")
        }
    }

    func testExpSaturatesInsteadOfOverflowing() {
        XCTAssertTrue(FastMath.exp(1000).isFinite)
        XCTAssertEqual(FastMath.exp(-1000), 0)
        XCTAssertEqual(FastMath.exp(0), 1)
    }

    func testLogIsWithinAFewUnitsInTheLastPlace() {
        var value: Float = 1e-30
        while value < 1e30 {
            let exact = Foundation.log(Double(value))
            XCTAssertEqual(Double(FastMath.log(value)), exact, accuracy: max(abs(exact), 1) * 3e-7, "log(\(value))")
            value *= 1.37
        }
    }

    func testTanhAndSigmoidStayWithinAbsoluteFloatPrecision() {
        for x in grid where abs(x) < 20 {
            XCTAssertEqual(FastMath.tanh(x), tanhf(x), accuracy: 3e-7, "tanh(\(x))")
            XCTAssertEqual(FastMath.sigmoid(x), 1 / (1 + expf(-x)), accuracy: 3e-7, "sigmoid(\(x))")
        }
        XCTAssertEqual(FastMath.tanh(-30), -1)
        XCTAssertEqual(FastMath.sigmoid(-200), 0, accuracy: 1e-30)
    }

    func testSoftplusTailMatchesLog1pOfExp() {
        for x in grid {
            let exact = log1p(Foundation.exp(-abs(Double(x))))
            XCTAssertEqual(Double(FastMath.logOnePlusExpNegativeAbs(x)), exact, accuracy: 3e-7, "x = \(x)")
        }
    }

    func testVectorSumEqualsADoubleSumWithinFloatRounding() {
        var random = RandomGenerator(seed: 8)
        for count in [0, 1, 15, 16, 17, 1000, 100_003] {
            var values = [Float](repeating: 0, count: count)
            for i in values.indices { values[i] = random.uniform(-1, 1) }
            let exact = values.reduce(0.0) { $0 + Double($1) }
            let fast = values.withUnsafeBufferPointer { VectorSum.sum($0.baseAddress ?? UnsafePointer(bitPattern: 8)!, count: count) }
            XCTAssertEqual(fast, exact, accuracy: 1e-6 * Double(max(count, 1)), "count \(count)")
        }
    }
}
