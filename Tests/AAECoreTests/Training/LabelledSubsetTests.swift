import AAECore
import XCTest

/// The semi-supervised AAE's labelled examples: `N` per class, from the seed.
final class LabelledSubsetTests: XCTestCase {
    /// 300 labels of 3 classes in an irregular order, with class 2 the rarest (60).
    private let labels: [Int32] = (0..<300).map { i in i % 5 == 4 ? 2 : Int32(i % 2) }

    private func draw(_ subset: LabelledSubset, seed: UInt64) throws -> [Int] {
        var random = RandomGenerator(seed: seed, stream: RandomStreams.balancedLabelledSubset)
        return try subset.indices(labels: labels, classes: 3, random: &random)
    }

    func testEveryClassGetsExactlyNLabelledExamples() throws {
        let indices = try draw(.perClass(20), seed: 1)
        XCTAssertEqual(indices.count, 60)
        XCTAssertEqual(Set(indices).count, 60)
        XCTAssertEqual(indices, indices.sorted())
        for label in 0..<3 { XCTAssertEqual(indices.filter { labels[$0] == Int32(label) }.count, 20) }
    }

    func testTheSubsetIsReproducibleFromTheSeedAndDiffersBetweenSeeds() throws {
        XCTAssertEqual(try draw(.perClass(10), seed: 1), try draw(.perClass(10), seed: 1))
        XCTAssertNotEqual(try draw(.perClass(10), seed: 1), try draw(.perClass(10), seed: 2))
    }

    func testAllLabelsEveryExample() throws {
        XCTAssertEqual(try draw(.all, seed: 1), Array(0..<300))
    }

    func testAClassWithTooFewExamplesIsNamedWithTheFix() {
        XCTAssertThrowsError(try draw(.perClass(61), seed: 1)) { error in
            let shortage = error as? LabelledSubset.Shortage
            XCTAssertEqual(shortage?.label, 2)
            XCTAssertEqual(shortage?.available, 60)
            XCTAssertEqual(shortage?.requested, 61)
            XCTAssertTrue(String(describing: error).contains("lower `labels_per_class` to at most 60"))
        }
    }

    func testTheShortageIsTheFirstClassWithTooFewExamples() {
        let short = LabelledSubset.perClass(61).shortage(labels: labels, classes: 3)
        XCTAssertEqual(short.map { [$0.label, $0.available, $0.requested] }, [2, 60, 61])
        let missing = LabelledSubset.perClass(1).shortage(labels: labels, classes: 4)
        XCTAssertEqual(missing.map { [$0.label, $0.available, $0.requested] }, [3, 0, 1])
        XCTAssertNil(LabelledSubset.perClass(60).shortage(labels: labels, classes: 3))
        XCTAssertNil(LabelledSubset.all.shortage(labels: labels, classes: 4))
    }
}
