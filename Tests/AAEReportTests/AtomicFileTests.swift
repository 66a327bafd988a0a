import AAEReport
import XCTest

final class AtomicFileTests: XCTestCase {
    func testWriteCreatesFileWithExactBytes() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("out.bin")
        let bytes = Data([0, 1, 2, 255, 10, 13])
        try AtomicFile.write(bytes, to: url)
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }

    func testWriteReplacesExistingContent() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("out.txt")
        try AtomicFile.write("a much longer first version\n", to: url)
        try AtomicFile.write("short\n", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "short\n")
    }

    func testWriteLeavesNoTemporaryFilesBehind() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("out.txt")
        for version in 0..<5 { try AtomicFile.write("version \(version)\n", to: url) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.url.path), ["out.txt"])
    }

    func testWriteCreatesMissingParentDirectories() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("a/b/c/out.txt")
        try AtomicFile.write("nested", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "nested")
    }

    func testWrittenFileIsReadableByOthers() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("out.txt")
        try AtomicFile.write("x", to: url)
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o644)
    }

    func testFailedWriteLeavesTargetUntouchedAndNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        let target = directory.url.appendingPathComponent("occupied")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("child"),
                                                withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write("x", to: target))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.url.path), ["occupied"])
    }
}
