import AAECore
import XCTest

final class OneHotTests: XCTestCase {
    private func rows(_ labels: [Int32], classes: Int, noLabelSlot: Bool) -> [[Float]] {
        let width = noLabelSlot ? classes + 1 : classes
        var values = [Float](repeating: 7, count: labels.count * width)
        values.withUnsafeMutableBufferPointer { destination in
            labels.withUnsafeBufferPointer { labels in
                if noLabelSlot {
                    OneHot.fillWithNoLabelSlot(destination.baseAddress!, labels: labels.baseAddress!, rows: labels.count,
                                               classes: classes)
                } else {
                    OneHot.fill(destination.baseAddress!, labels: labels.baseAddress!, rows: labels.count, classes: classes)
                }
            }
        }
        return (0..<labels.count).map { Array(values[($0 * width)..<(($0 + 1) * width)]) }
    }

    func testEachClassSetsItsOwnSlotAndClearsTheOthers() {
        XCTAssertEqual(rows([0, 2, 1], classes: 3, noLabelSlot: false), [[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    }

    func testAHiddenLabelSetsTheNoLabelSlotNotTheLastClass() {
        let encoded = rows([OneHot.noLabel, 9, 0], classes: 10, noLabelSlot: true)
        XCTAssertEqual(encoded[0].firstIndex(of: 1), 10, "the no-label slot follows the ten classes")
        XCTAssertEqual(encoded[1].firstIndex(of: 1), 9, "digit 9 keeps its own slot")
        XCTAssertEqual(encoded[2].firstIndex(of: 1), 0)
        XCTAssertEqual(encoded.map { $0.reduce(0, +) }, [1, 1, 1])
    }

    func testTheNoLabelSlotStaysEmptyForLabelledRows() {
        XCTAssertEqual(rows([1, 0], classes: 2, noLabelSlot: true), [[0, 1, 0], [1, 0, 0]])
    }
}
