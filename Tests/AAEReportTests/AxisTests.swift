import AAEReport
import XCTest

final class AxisTests: XCTestCase {
    func testFittingPadsTheDataRangeByFivePercent() {
        let axis = Axis.fitting([0, 10, 5])
        XCTAssertEqual(axis.range.lowerBound, -0.5, accuracy: 1e-12)
        XCTAssertEqual(axis.range.upperBound, 10.5, accuracy: 1e-12)
    }

    func testFittingIgnoresNonFiniteValues() {
        let axis = Axis.fitting([.nan, 1, 3, .infinity, -.infinity])
        XCTAssertEqual(axis.range.lowerBound, 0.9, accuracy: 1e-12)
        XCTAssertEqual(axis.range.upperBound, 3.1, accuracy: 1e-12)
    }

    func testFittingAllEqualValuesGivesARangeAroundThem() {
        let axis = Axis.fitting([4, 4, 4])
        XCTAssertLessThan(axis.range.lowerBound, 4)
        XCTAssertGreaterThan(axis.range.upperBound, 4)
        XCTAssertEqual(Axis.fitting([0, 0]).range, -1...1)
    }

    func testFittingNoUsableValueGivesUnitRange() {
        XCTAssertEqual(Axis.fitting([Double.nan]).range, 0...1)
        XCTAssertEqual(Axis.fitting([-1, 0], scale: .logarithmic).range, 1...10)
    }

    func testLogarithmicFittingIgnoresNonPositiveValues() {
        let axis = Axis.fitting([0, -5, 0.01, 100], padding: 0, scale: .logarithmic)
        XCTAssertEqual(axis.range.lowerBound, 0.01, accuracy: 1e-12)
        XCTAssertEqual(axis.range.upperBound, 100, accuracy: 1e-9)
    }

    func testFractionPlacesValuesAlongTheAxis() {
        let linear = Axis(range: 0...4)
        XCTAssertEqual(linear.fraction(of: 1), 0.25)
        XCTAssertNil(linear.fraction(of: .nan))
        let logarithmic = Axis(range: 1...100, scale: .logarithmic)
        XCTAssertEqual(logarithmic.fraction(of: 10)!, 0.5, accuracy: 1e-12)
        XCTAssertNil(logarithmic.fraction(of: 0))
    }

    func testACategoricalAxisTicksEveryCategoryWithItsName() {
        let axis = Axis.categorical(["normal", "uniform", "mixture"], title: "prior")
        XCTAssertEqual(axis.range, -0.5...2.5)
        for target in [1, 5, 10] {
            let ticks = axis.ticks(targetCount: target)
            XCTAssertEqual(ticks.values, [0, 1, 2])
            XCTAssertEqual(ticks.labels, ["normal", "uniform", "mixture"])
        }
    }
}
