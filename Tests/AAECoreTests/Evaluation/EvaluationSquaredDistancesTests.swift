import AAECore
import XCTest

final class EvaluationSquaredDistancesTests: XCTestCase {
    func testTheMatrixHoldsEveryPairsSquaredDistance() {
        var random = RandomGenerator(seed: 50)
        let x = EvaluationFixtures.normalRows(5, dimension: 7, random: &random)
        let y = EvaluationFixtures.normalRows(4, dimension: 7, random: &random)
        let matrix = SquaredDistances.matrix(x, y, dimension: 7)
        XCTAssertEqual(matrix.count, 20)
        for i in 0..<5 {
            for j in 0..<4 {
                let exact = (0..<7).reduce(0.0) { sum, c in
                    let difference = Double(x[i * 7 + c]) - Double(y[j * 7 + c])
                    return sum + difference * difference
                }
                XCTAssertEqual(Double(matrix[i * 4 + j]), exact, accuracy: 1e-4)
            }
        }
    }

    func testCoincidingRowsNeverGiveANegativeDistance() {
        var random = RandomGenerator(seed: 51)
        let x = EvaluationFixtures.normalRows(50, dimension: 30, mean: 100, random: &random)
        let matrix = SquaredDistances.matrix(x, x, dimension: 30)
        for i in 0..<50 {
            XCTAssertGreaterThanOrEqual(matrix[i * 50 + i], 0)
            XCTAssertLessThan(matrix[i * 50 + i], 1e-5 * 2 * 30 * 100 * 100)
        }
    }

    func testRowNormsAreSquaredEuclideanNorms() {
        let norms = [Float](arrayLiteral: 3, 4, 0, 0, 1, 2).withUnsafeBufferPointer {
            SquaredDistances.rowNorms($0.baseAddress!, rows: 3, dimension: 2)
        }
        XCTAssertEqual(norms, [25, 0, 5])
    }
}
