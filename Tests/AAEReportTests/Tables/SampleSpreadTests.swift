import AAEReport
import XCTest

final class SampleSpreadTests: XCTestCase {
    func testTheStandardDeviationIsTheSampleOne() {
        let spread = SampleSpread([1, 2, 3, 4])
        XCTAssertEqual(spread.count, 4)
        XCTAssertEqual(spread.mean, 2.5)
        // Σ (x − 2.5)² = 5; / (n − 1) = 5/3 (the population one divides by 4).
        XCTAssertEqual(spread.standardDeviation, (5.0 / 3).squareRoot(), accuracy: 1e-12)
    }

    func testOneValueHasNoSpreadAndNoValueNoMean() {
        XCTAssertEqual(SampleSpread([0.25]).mean, 0.25)
        XCTAssertTrue(SampleSpread([0.25]).standardDeviation.isNaN)
        XCTAssertTrue(SampleSpread([]).mean.isNaN)
        XCTAssertEqual(SampleSpread([]).count, 0)
    }

    func testNonFiniteValuesAreLeftOut() {
        XCTAssertEqual(SampleSpread([1, .nan, 3, .infinity]), SampleSpread([1, 3]))
    }
}
