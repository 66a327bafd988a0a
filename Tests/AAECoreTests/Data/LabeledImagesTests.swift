import AAECore
import XCTest

final class LabeledImagesTests: XCTestCase {
    /// Five 1×2 images whose pixels are (10·i, 10·i + 1) and whose labels are `[3, 1, 3, 0, 1]`.
    private let images = LabeledImages(
        count: 5, rows: 1, cols: 2,
        pixels: [0, 1, 10, 11, 20, 21, 30, 31, 40, 41],
        labels: [3, 1, 3, 0, 1])

    func testFeatureCountIsRowsTimesColumns() {
        XCTAssertEqual(LabeledImages(count: 0, rows: 28, cols: 28, pixels: [], labels: []).featureCount, 784)
    }

    func testSliceKeepsThePixelsAndLabelsOfTheRange() {
        let slice = images.slice(1..<4)
        XCTAssertEqual(slice.count, 3)
        XCTAssertEqual(slice.rows, 1)
        XCTAssertEqual(slice.cols, 2)
        XCTAssertEqual(slice.pixels, [10, 11, 20, 21, 30, 31])
        XCTAssertEqual(slice.labels, [1, 3, 0])
    }

    func testEmptySliceHasNoImages() {
        let slice = images.slice(5..<5)
        XCTAssertEqual(slice.count, 0)
        XCTAssertEqual(slice.pixels, [])
    }

    func testFilteredKeepsOnlyTheChosenLabelsInOrder() {
        let kept = images.filtered(labels: [1, 0])
        XCTAssertEqual(kept.count, 3)
        XCTAssertEqual(kept.labels, [1, 0, 1])
        XCTAssertEqual(kept.pixels, [10, 11, 30, 31, 40, 41])
    }

    func testFilteredByAbsentLabelIsEmpty() {
        XCTAssertEqual(images.filtered(labels: [7]).count, 0)
    }

    func testBuildingFromIDXScalesPixelsAndWidensLabels() {
        let built = LabeledImages(images: IDXImages(count: 2, rows: 1, cols: 1, pixels: [0, 255]),
                                  labels: IDXLabels(labels: [9, 4]), scale: .symmetric)
        XCTAssertEqual(built.pixels, [-1, 1])
        XCTAssertEqual(built.labels, [9, 4])
    }
}
