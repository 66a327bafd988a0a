import AAECore
import Foundation
import XCTest

/// Checks `dataset: fashion_mnist` against the files Debian's package `dataset-fashion-mnist` installs
/// (`make data` and `make test` install it).
final class RealFashionMNISTTests: XCTestCase {
    func testThePackagesFilesLoadInSecondsAsTheOfficial60000And10000SplitOfTenBalancedGarments() throws {
        let images = FashionMNIST.systemFolder.appendingPathComponent("train-images-idx3-ubyte.gz")
        guard FileManager.default.fileExists(atPath: images.path) else {
            throw XCTSkip("Fashion-MNIST is not installed in \(FashionMNIST.systemFolder.path): `make data` installs "
                          + "Debian's package \(FashionMNIST.debianPackage)")
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("aae-no-data-\(UUID().uuidString)")
        let start = Date()
        let split = try FashionMNIST.load(directory: empty, scale: .symmetric)
        let seconds = Date().timeIntervalSince(start)

        XCTAssertLessThan(seconds, 30, "loading 70,000 images should take seconds")
        XCTAssertEqual(split.train.count, 60_000)
        XCTAssertEqual(split.test.count, 10_000)
        XCTAssertEqual(split.train.rows, 28)
        XCTAssertEqual(split.train.cols, 28)
        XCTAssertEqual(split.train.labels.first, 9)
        XCTAssertEqual(split.test.classNames.name(Int(split.test.labels[0])), "Ankle boot")
        for (set, perClass) in [(split.train, 6_000), (split.test, 1_000)] {
            var histogram = [Int](repeating: 0, count: 10)
            for label in set.labels { histogram[Int(label)] += 1 }
            XCTAssertEqual(histogram, [Int](repeating: perClass, count: 10))
        }
        XCTAssertEqual(split.train.pixels.min(), -1)
        XCTAssertEqual(split.train.pixels.max(), 1)
    }
}
