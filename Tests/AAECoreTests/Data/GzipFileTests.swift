import AAECore
import Foundation
import XCTest

final class GzipFileTests: XCTestCase {
    private var fixtures: IDXFixtures!

    override func setUpWithError() throws {
        fixtures = try IDXFixtures()
    }

    override func tearDown() {
        fixtures.removeAll()
    }

    private let payload: [UInt8] = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 13) }

    func testGzipFileDecompressesToTheOriginalBytes() throws {
        let url = try fixtures.writeGzip(payload, named: "payload.gz")
        XCTAssertEqual(try GzipFile.read(url), payload)
    }

    func testUncompressedFileIsReadAsIs() throws {
        let url = try fixtures.writeRaw(payload, named: "payload")
        XCTAssertEqual(try GzipFile.read(url), payload)
    }

    func testEmptyFileReadsAsNoBytes() throws {
        let url = try fixtures.writeRaw([], named: "empty")
        XCTAssertEqual(try GzipFile.read(url), [])
    }

    func testMissingFileErrorNamesThePathAndHowToFetchTheData() throws {
        let url = fixtures.directory.appendingPathComponent("absent.gz")
        let error = assertThrowsDataError(try GzipFile.read(url))
        XCTAssertEqual(error, .missingFile(path: url.path))
        XCTAssertTrue(String(describing: error!).contains(url.path))
        XCTAssertTrue(String(describing: error!).contains("make data"))
    }

    func testDirectoryIsReportedAsUnreadable() throws {
        let error = assertThrowsDataError(try GzipFile.read(fixtures.directory))
        XCTAssertEqual(error, .unreadable(path: fixtures.directory.path, reason: "it is a directory"))
    }

    func testGzipCutShortIsReportedAsTruncated() throws {
        let compressed = try Array(Data(contentsOf: fixtures.writeGzip(payload, named: "whole.gz")))
        for keptBytes in [compressed.count / 2, compressed.count - 4, 12] {
            let url = try fixtures.writeRaw(Array(compressed.prefix(keptBytes)), named: "cut-\(keptBytes).gz")
            let error = assertThrowsDataError(try GzipFile.read(url))
            XCTAssertEqual(error, .truncatedGzip(path: url.path), "kept \(keptBytes) of \(compressed.count) bytes")
            XCTAssertTrue(String(describing: error!).contains(url.path))
            XCTAssertTrue(String(describing: error!).contains("truncated"))
        }
    }

    func testChecksumMismatchIsReportedAsCorruptWithZlibsReason() throws {
        var compressed = try Array(Data(contentsOf: fixtures.writeGzip(payload, named: "whole.gz")))
        compressed[compressed.count - 8] ^= 0xFF
        let url = try fixtures.writeRaw(compressed, named: "bad-crc.gz")
        let error = assertThrowsDataError(try GzipFile.read(url))
        guard case .corruptGzip(let path, let reason)? = error else {
            return XCTFail("expected corruptGzip, got \(String(describing: error))")
        }
        XCTAssertEqual(path, url.path)
        XCTAssertEqual(reason, "incorrect data check")
        XCTAssertTrue(String(describing: error!).contains(url.path))
    }

    func testGarbledDeflateDataIsReportedAsCorrupt() throws {
        var compressed = try Array(Data(contentsOf: fixtures.writeGzip(payload, named: "whole.gz")))
        for index in 10..<min(40, compressed.count - 8) { compressed[index] = 0xFF }
        let url = try fixtures.writeRaw(compressed, named: "garbled.gz")
        let error = assertThrowsDataError(try GzipFile.read(url))
        guard case .corruptGzip(let path, _)? = error else {
            return XCTFail("expected corruptGzip, got \(String(describing: error))")
        }
        XCTAssertEqual(path, url.path)
    }
}
