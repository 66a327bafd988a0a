import AAECore
import Foundation
import XCTest

final class SpecialFunctionsTests: XCTestCase {
    func testIncompleteBetaMatchesTabulatedValues() {
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(0.5, a: 2, b: 3), 0.6875, accuracy: 1e-13)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(0.3, a: 0.5, b: 0.5),
                       2 / Double.pi * asin(0.3.squareRoot()), accuracy: 1e-13)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(0.4, a: 10, b: 20), 0.7853183897628262,
                       accuracy: 1e-12)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(0.995, a: 250, b: 0.5), 0.11357434834041294,
                       accuracy: 1e-11)
    }

    func testIncompleteBetaHasClosedFormsWhenAParameterIsOne() {
        for x in [0.05, 0.3, 0.7, 0.99] {
            XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(x, a: 3.5, b: 1), pow(x, 3.5), accuracy: 1e-13)
            XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(x, a: 1, b: 2.5), 1 - pow(1 - x, 2.5),
                           accuracy: 1e-13)
        }
    }

    func testIncompleteBetaIsZeroAndOneAtTheEndsAndClampsOutside() {
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(0, a: 2, b: 3), 0)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(1, a: 2, b: 3), 1)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(-0.5, a: 2, b: 3), 0)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(1.5, a: 2, b: 3), 1)
    }

    func testIncompleteBetaSatisfiesItsReflectionSymmetry() {
        for (x, a, b) in [(0.2, 2.0, 7.0), (0.6, 0.3, 4.0), (0.9, 15.0, 1.5)] {
            XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(x, a: a, b: b),
                           1 - SpecialFunctions.regularizedIncompleteBeta(1 - x, a: b, b: a), accuracy: 1e-13)
        }
    }

    func testStudentTCDFMatchesTabulatedValues() {
        XCTAssertEqual(SpecialFunctions.studentTCDF(1, degreesOfFreedom: 1), 0.75, accuracy: 1e-13)
        XCTAssertEqual(SpecialFunctions.studentTCDF(2, degreesOfFreedom: 5), 0.9490302605850708, accuracy: 1e-12)
        XCTAssertEqual(SpecialFunctions.studentTCDF(2, degreesOfFreedom: 2), 0.5 + 1 / 6.0.squareRoot(),
                       accuracy: 1e-13)
        XCTAssertEqual(SpecialFunctions.studentTCDF(-1.5, degreesOfFreedom: 3.5), 0.10890909350767251, accuracy: 1e-12)
        XCTAssertEqual(SpecialFunctions.studentTCDF(0.3, degreesOfFreedom: 0.7), 0.5853824068143325, accuracy: 1e-12)
    }

    func testStudentTCDFIsSymmetricAndHalfAtZero() {
        XCTAssertEqual(SpecialFunctions.studentTCDF(0, degreesOfFreedom: 4), 0.5, accuracy: 1e-15)
        for t in [0.1, 1.0, 4.0, 30.0] {
            XCTAssertEqual(SpecialFunctions.studentTCDF(-t, degreesOfFreedom: 2.5),
                           1 - SpecialFunctions.studentTCDF(t, degreesOfFreedom: 2.5), accuracy: 1e-13)
        }
        XCTAssertEqual(SpecialFunctions.studentTCDF(.infinity, degreesOfFreedom: 3), 1)
        XCTAssertEqual(SpecialFunctions.studentTCDF(-.infinity, degreesOfFreedom: 3), 0)
    }

    func testStudentTCDFApproachesTheNormalForLargeDegreesOfFreedom() {
        XCTAssertEqual(SpecialFunctions.studentTCDF(1.96, degreesOfFreedom: 1e6), 0.9750019662073651, accuracy: 1e-10)
        for x in [-2.5, -0.4, 1.0, 3.0] {
            XCTAssertEqual(SpecialFunctions.studentTCDF(x, degreesOfFreedom: 1e6), SpecialFunctions.normalCDF(x),
                           accuracy: 1e-5)
        }
    }

    func testNormalCDFMatchesTabulatedValues() {
        XCTAssertEqual(SpecialFunctions.normalCDF(0), 0.5, accuracy: 1e-15)
        XCTAssertEqual(SpecialFunctions.normalCDF(1.96), 0.9750021048517795, accuracy: 1e-13)
        XCTAssertEqual(SpecialFunctions.normalCDF(3, mean: 1, std: 2), 0.8413447460685429, accuracy: 1e-13)
    }
}
