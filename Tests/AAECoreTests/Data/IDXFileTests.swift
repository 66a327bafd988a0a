import AAECore
import Foundation
import XCTest

final class IDXFileTests: XCTestCase {
    private var fixtures: IDXFixtures!

    override func setUpWithError() throws {
        fixtures = try IDXFixtures()
    }

    override func tearDown() {
        fixtures.removeAll()
    }

    private func message(_ error: DataError?) -> String {
        error.map(String.init(describing:)) ?? ""
    }

    func testImagesRoundTripThroughGzip() throws {
        let pixels = IDXFixtures.patternPixels(count: 3, rows: 4, cols: 5)
        let url = try fixtures.writeGzip(IDXFixtures.imagesBytes(count: 3, rows: 4, cols: 5, pixels: pixels),
                                         named: "images.gz")
        XCTAssertEqual(try IDXFile.readImages(url), IDXImages(count: 3, rows: 4, cols: 5, pixels: pixels))
    }

    func testImagesRoundTripUncompressed() throws {
        let pixels = IDXFixtures.patternPixels(count: 2, rows: 3, cols: 3)
        let url = try fixtures.writeRaw(IDXFixtures.imagesBytes(count: 2, rows: 3, cols: 3, pixels: pixels),
                                        named: "images")
        XCTAssertEqual(try IDXFile.readImages(url), IDXImages(count: 2, rows: 3, cols: 3, pixels: pixels))
    }

    func testLabelsRoundTripThroughGzip() throws {
        let labels: [UInt8] = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]
        let url = try fixtures.writeGzip(IDXFixtures.labelsBytes(labels), named: "labels.gz")
        XCTAssertEqual(try IDXFile.readLabels(url).labels, labels)
    }

    func testZeroImagesParseAsAnEmptyStack() throws {
        let images = try IDXFile.parseImages(IDXFixtures.imagesBytes(count: 0, rows: 28, cols: 28, pixels: []),
                                             path: "empty")
        XCTAssertEqual(images, IDXImages(count: 0, rows: 28, cols: 28, pixels: []))
    }

    func testLabelsFileIsRejectedAsImagesForItsMagicNumber() throws {
        let url = try fixtures.writeRaw(IDXFixtures.labelsBytes([1, 2, 3]), named: "labels")
        let error = assertThrowsDataError(try IDXFile.readImages(url))
        XCTAssertEqual(error?.path, url.path)
        XCTAssertTrue(message(error).contains("has 1 dimensions, expected 3"), message(error))
        XCTAssertTrue(message(error).contains("0x00000801"), message(error))
    }

    func testNonZeroLeadingMagicBytesAreRejected() throws {
        var bytes = IDXFixtures.labelsBytes([1, 2, 3])
        bytes[0] = 0x1F
        let error = assertThrowsDataError(try IDXFile.parseLabels(bytes, path: "weird.bin"))
        XCTAssertEqual(error?.path, "weird.bin")
        XCTAssertTrue(message(error).contains("bad magic number 0x1F000801, expected 0x00000801"), message(error))
    }

    func testNonByteElementTypeIsRejected() throws {
        var bytes = IDXFixtures.labelsBytes([1, 2, 3])
        bytes[2] = 0x0D
        let error = assertThrowsDataError(try IDXFile.parseLabels(bytes, path: "floats.idx"))
        XCTAssertTrue(message(error).hasPrefix("floats.idx: "), message(error))
        XCTAssertTrue(message(error).contains("element type 0x0D is not supported"), message(error))
    }

    func testWrongDimensionCountIsRejected() throws {
        let bytes = IDXFixtures.header(magic: 0x0000_0802, dims: [2, 3]) + [UInt8](repeating: 0, count: 6)
        let error = assertThrowsDataError(try IDXFile.parseImages(bytes, path: "two-d.idx"))
        XCTAssertTrue(message(error).contains("two-d.idx"), message(error))
        XCTAssertTrue(message(error).contains("has 2 dimensions, expected 3"), message(error))
    }

    func testFileShorterThanTheHeaderIsRejected() throws {
        let bytes = Array(IDXFixtures.imagesBytes(count: 1, rows: 1, cols: 1, pixels: [0]).prefix(9))
        let error = assertThrowsDataError(try IDXFile.parseImages(bytes, path: "stub"))
        XCTAssertTrue(message(error).contains("too short for the 16-byte header"), message(error))
    }

    func testTruncatedPixelDataReportsExpectedAndFoundLengths() throws {
        let pixels = IDXFixtures.patternPixels(count: 3, rows: 2, cols: 2)
        let url = try fixtures.writeGzip(
            IDXFixtures.imagesBytes(count: 3, rows: 2, cols: 2, pixels: Array(pixels.dropLast(5))), named: "short.gz")
        let error = assertThrowsDataError(try IDXFile.readImages(url))
        XCTAssertEqual(error?.path, url.path)
        XCTAssertTrue(message(error).contains("expected 12 bytes of pixel data, found 7"), message(error))
    }

    func testTrailingBytesAfterThePixelDataAreRejected() throws {
        let pixels = IDXFixtures.patternPixels(count: 3, rows: 2, cols: 2)
        let bytes = IDXFixtures.imagesBytes(count: 3, rows: 2, cols: 2, pixels: pixels + [1, 2])
        let error = assertThrowsDataError(try IDXFile.parseImages(bytes, path: "long"))
        XCTAssertTrue(message(error).contains("expected 12 bytes of pixel data, found 14"), message(error))
    }

    func testTruncatedLabelDataReportsExpectedAndFoundLengths() throws {
        let bytes = IDXFixtures.header(magic: 0x0000_0801, dims: [10]) + [1, 2, 3]
        let error = assertThrowsDataError(try IDXFile.parseLabels(bytes, path: "labels"))
        XCTAssertTrue(message(error).contains("expected 10 bytes of label data, found 3"), message(error))
    }
}
