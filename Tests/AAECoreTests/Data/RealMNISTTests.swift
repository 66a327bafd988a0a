import AAECore
import Foundation
import XCTest

/// Checks the loaders against the official MNIST test set when a copy is available.
final class RealMNISTTests: XCTestCase {
    /// `../shared/data/mnist` next to the package root, else the package's own `data/mnist`.
    private func realMNISTDirectory() throws -> URL {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Data
            .deletingLastPathComponent()  // AAECoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let candidates = [
            packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mnist"),
            DataDirectory.mnist(in: packageRoot.appendingPathComponent("data")),
        ]
        let found = candidates.first { directory in
            FileManager.default.fileExists(atPath: directory.appendingPathComponent("t10k-images-idx3-ubyte.gz").path)
                && FileManager.default.fileExists(atPath: directory.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path)
        }
        guard let found else {
            throw XCTSkip("official MNIST test set not found in \(candidates.map(\.path))")
        }
        return found
    }

    func testOfficialTestSetHasTenThousandDigitsOf28By28() throws {
        let directory = try realMNISTDirectory()
        let images = try IDXFile.readImages(directory.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        let labels = try IDXFile.readLabels(directory.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))

        XCTAssertEqual(images.count, 10_000)
        XCTAssertEqual(images.rows, 28)
        XCTAssertEqual(images.cols, 28)
        XCTAssertEqual(labels.count, 10_000)
        XCTAssertEqual(labels.labels.first, 7)
        var histogram = [Int](repeating: 0, count: 10)
        for label in labels.labels { histogram[Int(label)] += 1 }
        XCTAssertEqual(histogram.reduce(0, +), 10_000)
        XCTAssertEqual(histogram, [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
    }

    func testOfficialTestSetAloneLoadsAsThe8000And2000Split() throws {
        let split = try MNIST.load(directory: realMNISTDirectory(), scale: .unit)

        XCTAssertEqual(split.description, "MNIST test set only: first 8000 train / last 2000 held out (t10k)")
        XCTAssertEqual(split.train.count, 8_000)
        XCTAssertEqual(split.test.count, 2_000)
        XCTAssertEqual(split.train.featureCount, 784)
        XCTAssertEqual(split.train.labels.first, 7)
        XCTAssertEqual(split.train.pixels.min(), 0)
        XCTAssertEqual(split.train.pixels.max(), 1)
    }
}
