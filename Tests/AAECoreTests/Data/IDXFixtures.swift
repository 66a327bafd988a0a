import AAECore
import CZlib
import Foundation
import XCTest

/// Builds small IDX files, raw or gzip-compressed, in a per-test temporary directory.
final class IDXFixtures {
    let directory: URL

    convenience init() throws {
        try self.init(directory: FileManager.default.temporaryDirectory
            .appendingPathComponent("aae-data-tests-\(UUID().uuidString)", isDirectory: true))
    }

    /// Fixtures written into `directory`, which is created.
    init(directory: URL) throws {
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func removeAll() {
        try? FileManager.default.removeItem(at: directory)
    }

    static func imagesBytes(count: Int, rows: Int, cols: Int, pixels: [UInt8]) -> [UInt8] {
        header(magic: 0x0000_0803, dims: [count, rows, cols]) + pixels
    }

    static func labelsBytes(_ labels: [UInt8]) -> [UInt8] {
        header(magic: 0x0000_0801, dims: [labels.count]) + labels
    }

    static func header(magic: UInt32, dims: [Int]) -> [UInt8] {
        ([magic] + dims.map { UInt32($0) }).flatMap(bigEndian)
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }

    /// `count` images of `rows × cols` whose pixel bytes are a deterministic function of their position.
    static func patternPixels(count: Int, rows: Int, cols: Int) -> [UInt8] {
        (0..<count * rows * cols).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / (rows * cols)) }
    }

    @discardableResult
    func writeRaw(_ bytes: [UInt8], named name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @discardableResult
    func writeGzip(_ bytes: [UInt8], named name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        guard let file = gzopen(url.path, "wb") else {
            throw XCTSkip("gzopen failed for \(url.path)")
        }
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        XCTAssertEqual(Int(written), bytes.count, "gzwrite wrote too little")
        XCTAssertEqual(gzclose(file), Z_OK, "gzclose failed")
        return url
    }

    /// Writes a matching images/labels pair named `<baseName>-images-idx3-ubyte[.gz]` etc.
    func writePair(baseName: String, rows: Int, cols: Int, labels: [UInt8], gzip: Bool) throws {
        let pixels = Self.patternPixels(count: labels.count, rows: rows, cols: cols)
        let files = [
            ("\(baseName)-images-idx3-ubyte", Self.imagesBytes(count: labels.count, rows: rows, cols: cols, pixels: pixels)),
            ("\(baseName)-labels-idx1-ubyte", Self.labelsBytes(labels)),
        ]
        for (name, bytes) in files {
            if gzip {
                try writeGzip(bytes, named: name + ".gz")
            } else {
                try writeRaw(bytes, named: name)
            }
        }
    }
}

/// Asserts that `body` throws a `DataError` and returns it for further checks.
func assertThrowsDataError<T>(_ body: @autoclosure () throws -> T,
                              file: StaticString = #filePath, line: UInt = #line) -> DataError? {
    do {
        _ = try body()
        XCTFail("expected a DataError, nothing was thrown", file: file, line: line)
    } catch let error as DataError {
        return error
    } catch {
        XCTFail("expected a DataError, got \(error)", file: file, line: line)
    }
    return nil
}
