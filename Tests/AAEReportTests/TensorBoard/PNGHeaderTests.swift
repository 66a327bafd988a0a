import AAEReport
import Foundation
import XCTest

final class PNGHeaderTests: XCTestCase {
    func testSizeAndColorspaceOfACanvasPNG() throws {
        let header = try XCTUnwrap(PNGHeader(Canvas(width: 123, height: 45).pngData()))
        XCTAssertEqual(header.width, 123)
        XCTAssertEqual(header.height, 45)
        XCTAssertTrue([3, 4].contains(header.colorspace), "colorspace \(header.colorspace)")
    }

    func testBytesThatAreNotAPNGHaveNoHeader() {
        XCTAssertNil(PNGHeader(Data("GIF89a and then some more bytes".utf8)))
        XCTAssertNil(PNGHeader(Data()))
    }
}
