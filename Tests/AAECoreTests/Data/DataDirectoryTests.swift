import AAECore
import Foundation
import XCTest

final class DataDirectoryTests: XCTestCase {
    func testExplicitDirectoryWinsOverTheEnvironment() {
        let url = DataDirectory.resolve(explicit: "/flag/dir", environment: ["AAE_DATA_DIR": "/env/dir"])
        XCTAssertEqual(url.path, "/flag/dir")
    }

    func testEnvironmentIsUsedWithoutAnExplicitDirectory() {
        XCTAssertEqual(DataDirectory.resolve(explicit: nil, environment: ["AAE_DATA_DIR": "/env/dir"]).path,
                       "/env/dir")
    }

    func testEmptyValuesCountAsUnset() {
        XCTAssertEqual(DataDirectory.resolve(explicit: "", environment: ["AAE_DATA_DIR": "/env/dir"]).path,
                       "/env/dir")
        XCTAssertEqual(DataDirectory.resolve(explicit: "", environment: ["AAE_DATA_DIR": ""]),
                       DataDirectory.resolve(explicit: nil, environment: [:]))
    }

    func testDefaultIsDataInTheWorkingDirectory() {
        let expected = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("data").standardizedFileURL.path
        XCTAssertEqual(DataDirectory.resolve(explicit: nil, environment: [:]).standardizedFileURL.path, expected)
    }

    func testMNISTFilesLiveInTheMnistSubfolder() {
        XCTAssertEqual(DataDirectory.mnist(in: URL(fileURLWithPath: "/data")).path, "/data/mnist")
    }
}
