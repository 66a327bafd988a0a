import Foundation
import XCTest

/// A test case whose runs read the synthetic MNIST folder, made once for the class,
/// and whose output folders (appended to `outputs`) are removed after each test.
class SyntheticMNISTTestCase: XCTestCase {
    static var dataDirectory: URL!
    var outputs: [URL] = []

    override class func setUp() {
        super.setUp()
        dataDirectory = try? SyntheticMNIST.makeDirectory()
    }

    override class func tearDown() {
        if let dataDirectory { try? FileManager.default.removeItem(at: dataDirectory) }
        super.tearDown()
    }

    override func tearDown() {
        for output in outputs { try? FileManager.default.removeItem(at: output) }
        super.tearDown()
    }
}
