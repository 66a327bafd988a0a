import AAEReport
import XCTest

final class NiceTicksTests: XCTestCase {
    func testUnitRangeGetsTicksEveryTwoTenths() {
        let ticks = NiceTicks.linear(in: 0...1, targetCount: 5)
        XCTAssertEqual(ticks, [0, 0.2, 0.4, 0.6, 0.8, 1])
        XCTAssertEqual(NiceTicks.linearLabels(for: ticks, step: 0.2), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testSymmetricRangeGetsWholeNumberTicks() {
        XCTAssertEqual(NiceTicks.linear(in: -3...3, targetCount: 6), [-3, -2, -1, 0, 1, 2, 3])
        XCTAssertEqual(NiceTicks.linear(in: -3...3, targetCount: 3), [-2, 0, 2])
        XCTAssertEqual(NiceTicks.linearLabels(for: [-2, 0, 2], step: 2), ["-2", "0", "2"])
    }

    func testTicksStayInsideAnUnroundedRange() {
        XCTAssertEqual(NiceTicks.linear(in: -8.7...6.9, targetCount: 8), [-8, -6, -4, -2, 0, 2, 4, 6])
        XCTAssertEqual(NiceTicks.linear(in: 0.013...0.047, targetCount: 4), [0.02, 0.03, 0.04])
    }

    func testStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        XCTAssertEqual(NiceTicks.linearStep(in: 0...100, targetCount: 5), 20)
        XCTAssertEqual(NiceTicks.linearStep(in: 0...3000, targetCount: 6), 500)
        XCTAssertEqual(NiceTicks.linearStep(in: 0...0.001, targetCount: 10), 0.0001)
    }

    func testZeroWidthRangeYieldsItsValueAndNonFiniteRangeNone() {
        XCTAssertEqual(NiceTicks.linear(in: 2...2), [2])
        XCTAssertEqual(NiceTicks.linear(in: 0...Double.infinity), [])
    }

    func testNoTickIsNegativeZero() {
        let zero = NiceTicks.linear(in: -1...1, targetCount: 2).first { $0 == 0 }
        XCTAssertEqual(zero?.sign, .plus)
    }

    func testTinyStepsAreLabelledInExponentNotation() {
        let ticks = NiceTicks.linear(in: 0...0.0005, targetCount: 5)
        XCTAssertEqual(NiceTicks.linearLabels(for: ticks, step: 0.0001),
                       ["0", "1e-04", "2e-04", "3e-04", "4e-04", "5e-04"])
    }

    func testHugeValuesAreLabelledInExponentNotation() {
        XCTAssertEqual(NiceTicks.linearLabels(for: [0, 500_000, 1_000_000], step: 500_000), ["0", "5e+05", "1e+06"])
        XCTAssertEqual(NiceTicks.linearLabels(for: [1_000_000, 1_500_000], step: 500_000), ["1e+06", "1.5e+06"])
    }

    func testLogarithmicTicksArePowersOfTen() {
        XCTAssertEqual(NiceTicks.logarithmic(in: 1e-4...1), [1e-4, 1e-3, 1e-2, 1e-1, 1])
        XCTAssertEqual(NiceTicks.logarithmicLabels(for: [1e-4, 1e-3, 1, 100, 1e5]),
                       ["1e-04", "0.001", "1", "100", "1e+05"])
    }

    func testLogarithmicTicksWithinOneDecadeUseOneTwoFive() {
        XCTAssertEqual(NiceTicks.logarithmic(in: 0.04...0.3), [0.05, 0.1, 0.2])
    }

    func testManyDecadesAreThinned() {
        let ticks = NiceTicks.logarithmic(in: 1e-10...1e10, maximumCount: 6)
        XCTAssertLessThanOrEqual(ticks.count, 6)
        XCTAssertEqual(ticks.first, 1e-10)
    }
}
