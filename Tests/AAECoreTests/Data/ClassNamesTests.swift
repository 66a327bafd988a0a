import AAECore
import XCTest

final class ClassNamesTests: XCTestCase {
    func testFashionMNISTFilesGetTheGarmentNamesAndOtherIDXSetsNumberedClasses() {
        let fashion = ClassNames.idx(path: "/data/fashion-mnist/train-images-idx3-ubyte.gz")
        XCTAssertEqual(fashion, .fashionMNIST)
        XCTAssertEqual((0..<10).map(fashion.name), ClassNames.fashionMNISTNames)
        XCTAssertEqual(fashion.name(9), "Ankle boot")
        let other = ClassNames.idx(path: "/data/digits8/train-images")
        XCTAssertEqual(other.name(3), "class 3")
        XCTAssertEqual(other.axisTitle, "class")
        XCTAssertEqual(ClassNames.digits.name(3), "digit 3")
    }

    func testSelectionsKeepTheNames() {
        var images = LabeledImages(count: 3, rows: 1, cols: 1, pixels: [0, 0.5, 1], labels: [0, 1, 2])
        images.classNames = .fashionMNIST
        XCTAssertEqual(images.slice(0..<2).classNames, .fashionMNIST)
        XCTAssertEqual(images.filtered(labels: [1]).classNames, .fashionMNIST)
    }
}
